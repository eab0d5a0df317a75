// The board at session scale (DESIGN.md, "Initiatives on the effort-vs-impact grid"): with 10, 60
// and 200 initiatives whose scores cluster as in a real session, at 1280x720 and 1920x1080, every
// initiative is a mark at the point of its own scores (read back from the page and mapped through
// the axis ticks), nothing sits outside the plot, no text overlaps other text or a mark, the
// quadrant names show, and the whole plot with its axes is on screen without scrolling.
'use strict';

const fs = require('node:fs');
const { test, expect } = require('./support/test');
const { Planner } = require('./support/planner');
const { importDialog, importInput } = require('./support/files');
const { generateSession, roadmapFileText } = require('../../scripts/roadmap-generator');

/** A mark's accessible name: title, effort, impact, then the quadrant and more. */
const MARK_NAME = /^(.+?), effort (\d+\.\d), impact (\d+\.\d), /;
const CHIP_NAME = /^Cluster of (\d+) initiatives near effort/;
const QUADRANTS = ['Quick wins', 'Big bets', 'Fill-ins', 'Money pits'];
/** Half a pixel of rounding either way is not an overlap. */
const SLACK = 0.5;

async function openSession(page, testInfo, count) {
  const roadmap = generateSession(count, `Session of ${count}`);
  const file = testInfo.outputPath(`session-${count}.stackplan.json`);
  fs.writeFileSync(file, roadmapFileText(roadmap));
  const app = new Planner(page);
  await app.goto();
  await importInput(page).setInputFiles(file);
  const dialog = importDialog(page, roadmap.name);
  await dialog.getByRole('button', { name: 'Open as new roadmap', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(app.grid.region.getByText(`${count} initiatives`, { exact: true })).toBeVisible();
  return { app, roadmap };
}

/**
 * Everything the board shows, in page pixels: the plot, the axis ticks by number, each mark
 * (name and centre), each chip, and every run of text drawn inside the plot (titles, quadrant
 * names) with what it is.
 */
function readBoard(region) {
  return region.evaluate((section) => {
    const box = (element) => {
      const r = element.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const visible = (element) => {
      const style = getComputedStyle(element);
      const r = element.getBoundingClientRect();
      return style.display !== 'none' && style.visibility !== 'hidden' && r.width > 0 && r.height > 0;
    };
    const plot = section.querySelector('.plot');
    // The field: the plot with the bands above and below it that hold the quadrant names.
    const field = section.querySelector('.field');
    const ticks = (axis) =>
      [...section.querySelectorAll(`.tick-${axis}`)].map((tick) => {
        const r = tick.getBoundingClientRect();
        return { value: Number(tick.textContent), x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
    const buttons = [...plot.querySelectorAll('button')].filter(visible);
    const marks = buttons
      .filter((button) => !button.getAttribute('aria-label').startsWith('Cluster of'))
      .map((button) => ({ name: button.getAttribute('aria-label'), ...box(button) }));
    const chips = buttons
      .filter((button) => button.getAttribute('aria-label').startsWith('Cluster of'))
      .map((button) => ({ name: button.getAttribute('aria-label'), ...box(button) }));
    // Text runs: each element whose own text nodes draw something.
    const texts = [];
    const walker = document.createTreeWalker(field, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent.trim() || !visible(element) || element.closest('button, .tick')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      const band = Boolean(element.closest('.quadrant-band'));
      // Text cut off by its element (an ellipsis) is drawn only inside the element's box.
      const clip = getComputedStyle(element).overflow === 'visible' ? r : element.getBoundingClientRect();
      texts.push({
        text: node.textContent.trim(),
        band,
        left: Math.max(r.left, clip.left),
        top: Math.max(r.top, clip.top),
        right: Math.min(r.right, clip.right),
        bottom: Math.min(r.bottom, clip.bottom),
      });
    }
    const dot = section.querySelector('.mark-probe').getBoundingClientRect().width;
    // The column the board scrolls in: what it cuts off is not on screen either.
    const column = section.closest('.board');
    return {
      plot: box(plot),
      field: box(field),
      xTicks: ticks('x'),
      yTicks: ticks('y'),
      xTitle: box(section.querySelector('.axis-label.axis-x')),
      column: { ...box(column), scrollTop: column.scrollTop },
      marks,
      chips,
      texts,
      dot,
      scrollY: window.scrollY,
    };
  });
}

const overlap = (a, b) =>
  a.left < b.right - SLACK && b.left < a.right - SLACK && a.top < b.bottom - SLACK && b.top < a.bottom - SLACK;
const inside = (inner, outer) =>
  inner.left >= outer.left - SLACK && inner.right <= outer.right + SLACK &&
  inner.top >= outer.top - SLACK && inner.bottom <= outer.bottom + SLACK;
const describe = (item) => `${item.text || item.name} @ ${Math.round(item.left)},${Math.round(item.top)}`;
/** The visible disc of a mark: the button's box without the target's transparent margin. */
const disc = (mark) => {
  const inset = (mark.right - mark.left) * 0.2;
  return { ...mark, left: mark.left + inset, right: mark.right - inset, top: mark.top + inset, bottom: mark.bottom - inset };
};

for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    for (const count of [10, 60, 200]) {
      test(`${count} initiatives: on their scores, inside the plot, no text over text or marks`, async ({ page }, testInfo) => {
        const { app } = await openSession(page, testInfo, count);
        const board = await readBoard(app.grid.region);

        // The plot with its axes is on screen without scrolling, the page or the board's column
        // (which would cut off the x axis where the board's head wraps to a second row).
        expect(board.scrollY).toBe(0);
        expect(board.column.scrollTop).toBe(0);
        const lowest = Math.max(board.plot.bottom, board.xTitle.bottom, ...board.xTicks.map((tick) => tick.y + 6));
        expect(lowest, 'the x axis is on screen').toBeLessThanOrEqual(Math.min(viewport.height, board.column.bottom));

        // Each mark sits on the point of its own scores, through the axis ticks 1 and 10.
        const tick = (ticks, value) => ticks.find((candidate) => candidate.value === value);
        const [x1, x10] = [tick(board.xTicks, 1).x, tick(board.xTicks, 10).x];
        const [y1, y10] = [tick(board.yTicks, 1).y, tick(board.yTicks, 10).y];
        const pixelsPerTenth = Math.min((x10 - x1) / 90, (y1 - y10) / 90);
        const members = board.chips.reduce((sum, chip) => sum + Number(CHIP_NAME.exec(chip.name)[1]), 0);
        expect(board.marks.length + members, 'every initiative is a mark or in a chip').toBe(count);
        const offScore = [];
        for (const mark of board.marks) {
          const [, title, effort, impact] = MARK_NAME.exec(mark.name);
          const x = (mark.left + mark.right) / 2;
          const y = (mark.top + mark.bottom) / 2;
          const expectedX = x1 + ((Number(effort) - 1) / 9) * (x10 - x1);
          const expectedY = y1 - ((Number(impact) - 1) / 9) * (y1 - y10);
          const off = Math.max(Math.abs(x - expectedX), Math.abs(y - expectedY));
          if (off >= Math.max(1, pixelsPerTenth)) offScore.push(`${title} is ${off.toFixed(1)} px off its scores`);
        }
        expect(offScore, 'marks away from the point of their scores').toEqual([]);

        // Chips only where marks truly coincide: marks left standing are more than one mark's
        // radius apart (any closer would have gathered into a chip).
        const centre = (mark) => [(mark.left + mark.right) / 2, (mark.top + mark.bottom) / 2];
        const coinciding = [];
        for (const [index, mark] of board.marks.entries()) {
          for (const other of board.marks.slice(index + 1)) {
            const [[x, y], [u, v]] = [centre(mark), centre(other)];
            if (Math.hypot(x - u, y - v) <= board.dot / 2 - 0.5) coinciding.push(`${mark.name} / ${other.name}`);
          }
        }
        expect(coinciding, 'marks that coincide but stand apart').toEqual([]);
        testInfo.annotations.push({ type: 'in chips', description: `${members} of ${count}` });

        // Nothing outside the plot (the quadrant names stand in bands just above and below it).
        const outside = [...board.marks.map(disc), ...board.chips, ...board.texts]
          .filter((item) => !inside(item, item.band ? board.field : board.plot))
          .map(describe);
        expect(outside, 'marks, chips and titles outside the plot').toEqual([]);

        // The quadrant names show, and no text or mark covers them or any other text.
        const names = board.texts.filter((text) => QUADRANTS.includes(text.text));
        expect(names.map((name) => name.text).sort()).toEqual([...QUADRANTS].sort());
        const clashes = [];
        for (const [index, text] of board.texts.entries()) {
          for (const other of board.texts.slice(index + 1)) {
            if (overlap(text, other)) clashes.push(`${describe(text)} × ${describe(other)}`);
          }
          for (const mark of [...board.marks.map(disc), ...board.chips]) {
            if (overlap(text, mark)) clashes.push(`${describe(text)} × mark ${describe(mark)}`);
          }
        }
        expect(clashes).toEqual([]);

        // Titles readable without interaction: most initiatives carry their title on the board.
        const titles = new Set(board.marks.map((mark) => MARK_NAME.exec(mark.name)[1]));
        const labelled = board.texts.filter((text) => [...titles].some((title) => title.startsWith(text.text.replace(/…$/, ''))));
        if (count <= 60) {
          expect(labelled.length, 'titles shown on the board').toBeGreaterThanOrEqual(Math.ceil(count * 0.7));
        }
        testInfo.annotations.push({ type: 'labelled', description: `${labelled.length} of ${count}` });
        await page.screenshot({ path: testInfo.outputPath(`board-${count}.png`) });
      });
    }
  });
}

test('titles left off the board are listed beside it, and a click on one shows its title by its mark', async ({ page }, testInfo) => {
  const { app } = await openSession(page, testInfo, 200);
  const list = app.grid.region.getByRole('group', { name: 'Titles not shown on the board' });
  await expect(list).toContainText(/^\d+ more:/);
  const first = list.getByRole('button').first();
  const title = await first.innerText();
  await first.click();
  const mark = app.grid.card(title);
  await expect(mark).toHaveAttribute('aria-pressed', 'true');
  await expect(mark).toBeFocused();
  await expect(app.inspector.title).toHaveValue(title);
  // The selected mark shows its title beside it.
  await expect(mark.getByText(title.length > 28 ? title.slice(0, 10) : title)).toBeVisible();

  // Another mark without its title on the board shows it while the pointer rests on it, and
  // while the keyboard focus is on it; only those.
  const tips = app.grid.plot.locator('.board-tip');
  await expect(tips).toHaveCount(0);
  // One the pointer can reach: near marks overlap, and one may cover another's centre.
  const others = app.grid.plot.locator('button.mark:not(.has-label):not(.is-selected)');
  const reachable = await others.evaluateAll((marks) => marks.findIndex((candidate, index) => {
    const box = candidate.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return index >= 3 && hit?.closest('.mark') === candidate;
  }));
  expect(reachable).toBeGreaterThanOrEqual(3);
  const other = others.nth(reachable);
  const otherTitle = (await other.getAttribute('aria-label')).split(', effort ')[0];
  const shown = otherTitle.length > 28 ? otherTitle.slice(0, 10) : otherTitle;
  await other.hover();
  await expect(tips).toHaveCount(1);
  await expect(tips.first()).toBeVisible();
  await expect(tips.first()).toContainText(shown);
  await page.mouse.move(1, 1);
  await expect(tips).toHaveCount(0);
  await page.keyboard.press('Shift');
  await other.focus();
  await expect(tips).toHaveCount(1);
  await expect(tips.first()).toContainText(shown);
  await mark.focus();
  await expect(tips).toHaveCount(0);
});

test('a mark is a button named by title, scores, quadrant and urgency, shaped by urgency', async ({ page }) => {
  const app = new Planner(page);
  await app.goto();
  const mark = await app.newInitiative('Migrate billing', { effort: 3, impact: 8, urgency: 'high', quickWin: true });
  await expect(mark).toHaveAccessibleName('Migrate billing, effort 3.0, impact 8.0, Quick wins, urgency High, quick win');
  await expect(mark).toHaveClass(/\bshape-high\b/);
  await expect(mark).toHaveClass(/\bis-quick-win\b/);
  await app.edit({ urgency: 'critical', phase: 'Phase 2' });
  await expect(mark).toHaveClass(/\bshape-critical\b/);
  await expect(mark).not.toHaveClass(/\bshape-high\b/);
  await expect(mark).toHaveClass(/\bfill-1\b/);
  // Its title stands beside it on the board.
  await expect(app.grid.label('Migrate billing')).toBeVisible();
});

test('a drag moves only the dragged mark until the drop, then is one undo step', async ({ page }) => {
  const app = new Planner(page);
  await app.goto();
  await app.newInitiative('Steady', { effort: 2, impact: 2 });
  await app.newInitiative('Dragged', { effort: 5, impact: 5 });
  const steady = app.grid.card('Steady');
  const dragged = app.grid.card('Dragged');
  const before = await steady.boundingBox();
  const from = await dragged.boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 120, from.y + from.height / 2 - 80, { steps: 8 });
  // Mid-drag: the mark's stand-in follows the pointer with its title, while the mark waits unseen
  // where it rests; its name, the Inspector and the roadmap wait for the drop.
  const held = app.grid.plot.locator('.drag-layer .mark');
  await expect.poll(async () => (await held.boundingBox())?.x ?? 0).toBeGreaterThan(from.x + 60);
  await expect(held).toHaveText('Dragged');
  await expect(dragged).toHaveCSS('opacity', '0');
  expect(await dragged.boundingBox()).toEqual(from);
  await expect(dragged).toHaveAccessibleName(/^Dragged, effort 5\.0, impact 5\.0, /);
  await expect(app.inspector.effort).toHaveValue('5.0');
  await page.mouse.up();
  await expect(held).toHaveCount(0);
  await expect(dragged).toHaveCSS('opacity', '1');
  await expect(dragged).not.toHaveAccessibleName(/^Dragged, effort 5\.0, impact 5\.0, /);
  const effort = Number(await app.inspector.effort.inputValue());
  expect(effort).toBeGreaterThan(5);
  await expect(dragged).toHaveAccessibleName(new RegExp(`^Dragged, effort ${effort.toFixed(1).replace('.', '\\.')}, `));
  expect(await steady.boundingBox()).toEqual(before);
  await app.undoButton.click();
  await expect(dragged).toHaveAccessibleName(/^Dragged, effort 5\.0, impact 5\.0, /);
});
