// Scale (DESIGN.md section 1, "Dense boards stay readable"): a 1,000-initiative roadmap on the
// board (cluster chips that count every initiative once, a mark dragged, a cluster's member moved
// by keyboard) and in the phase columns (the first 12 cards and "Show all"); and a small roadmap
// whose marks coincide on one spot (gathered into one chip, the selected one standing apart).
'use strict';

const fs = require('node:fs');
const { test, expect } = require('./support/test');
const { Planner, scoreText } = require('./support/planner');
const { importDialog, importInput } = require('./support/files');
const { generateRoadmap, roadmapFileText } = require('../../scripts/roadmap-generator');

const COUNT = 1_000;
/** How many cards a phase column shows before "Show all". */
const COLUMN_WINDOW = 12;

const CARD = 'button[id^="mark-"]';
const CHIP_NAME = /^Cluster of (\d+) initiatives near effort [\d.]+, impact [\d.]+$/;
const LIST_NAME = /^Cluster of \d+ initiatives$/;
/** A card's (or cluster member's) accessible name: title, effort, impact, then more. */
const CARD_NAME = /^(.+?), effort (\d+\.\d), impact (\d+\.\d), /;

// --- the roadmap file ----------------------------------------------------------------------------

/** Opens the planner and a generated file (1,000 initiatives unless told) through "Import JSON" → "Open as new roadmap". */
async function openLargeRoadmap(page, testInfo, count = COUNT) {
  const roadmap = generateRoadmap(count, `Scale test ${count}`);
  const file = testInfo.outputPath(`roadmap-${count}.stackplan.json`);
  fs.writeFileSync(file, roadmapFileText(roadmap));

  const app = new Planner(page);
  await app.goto();
  await importInput(page).setInputFiles(file);
  const dialog = importDialog(page, roadmap.name);
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Open as new roadmap', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  // a) The grid's header counts them all.
  await expect(app.grid.region.getByText(`${count} initiatives`, { exact: true })).toBeVisible({ timeout: 30_000 });
  return { app, roadmap };
}

// --- reading the grid ----------------------------------------------------------------------------

function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** { title, effort, impact } from a card's or cluster member's accessible name. */
function parseCard(name) {
  const match = CARD_NAME.exec(name || '');
  if (!match) throw new Error(`not a card name: ${JSON.stringify(name)}`);
  return { title: match[1], effort: Number(match[2]), impact: Number(match[3]) };
}

/** What the grid shows: its cards' ids and names, its chips' names, and how many buttons in all. */
async function gridItems(grid) {
  const cards = await grid
    .locator(CARD)
    .evaluateAll((buttons) => buttons.map((b) => ({ id: b.id, name: b.getAttribute('aria-label') })));
  const chips = await grid
    .getByRole('button', { name: CHIP_NAME })
    .evaluateAll((buttons) => buttons.map((b) => ({ name: b.getAttribute('aria-label'), expanded: b.getAttribute('aria-expanded') })));
  // The plot's buttons (the list of titles left off the board sits below it).
  const buttons = await grid.locator('.plot').getByRole('button').count();
  const clustered = chips.reduce((sum, chip) => sum + Number(CHIP_NAME.exec(chip.name)[1]), 0);
  return { cards, chips, buttons, shown: cards.length + clustered };
}

/**
 * The accessible name of the first of `buttons` that a press at its centre reaches: on a crowded
 * board a neighbouring mark or chip may lie over part of another.
 */
function firstReachable(buttons) {
  return buttons.evaluateAll((all) => {
    const reachable = all.find((button) => {
      const r = button.getBoundingClientRect();
      return button.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    });
    return reachable ? reachable.getAttribute('aria-label') : null;
  });
}

// --- the tests -----------------------------------------------------------------------------------

test.describe('scale', () => {
  test('a 10,000-initiative roadmap autosaves compactly and comes back after a reload', async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    const count = 10_000;
    const { app } = await openLargeRoadmap(page, testInfo, count);
    // Stored deflated, far below the browser's limit of about five million characters.
    const storedText = async () =>
      page.evaluate(() => {
        const workspace = JSON.parse(localStorage.getItem('stackplan:workspace') || 'null');
        const text = workspace && localStorage.getItem(`stackplan:roadmap:${workspace.active}`);
        return text && { prefix: text.slice(0, 18), length: text.length };
      });
    await expect.poll(storedText, { timeout: 60_000 }).toMatchObject({ prefix: 'stackplan-deflate:' });
    const { length } = await storedText();
    expect(length).toBeLessThan(1_000_000);
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.reload();
    await expect(app.grid.region.getByText(`${count} initiatives`, { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('textbox', { name: 'Roadmap name', exact: true })).toHaveValue(`Scale test ${count}`);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a 1,000-initiative roadmap opens, a card drags, a cluster opens and a card in it moves by keyboard', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const { app, roadmap } = await openLargeRoadmap(page, testInfo);
    const grid = app.grid.region;
    const idOf = new Map(roadmap.initiatives.map((initiative) => [initiative.title, initiative.id]));
    const cards = grid.locator(CARD);
    const chips = grid.getByRole('button', { name: CHIP_NAME });

    await test.step('b) dense spots are cluster chips, and every initiative is counted once', async () => {
      await expect.poll(async () => (await gridItems(grid)).shown, { timeout: 30_000 }).toBe(COUNT);
      const items = await gridItems(grid);
      expect(items.chips.length, 'cluster chips on a 1,000-initiative grid').toBeGreaterThan(0);
      expect(items.cards.length + items.chips.length).toBeLessThan(COUNT);
      // Every button on the grid is a card or a chip (no item is missed by the count), chips closed.
      expect(items.buttons).toBe(items.cards.length + items.chips.length);
      expect(items.chips.filter((chip) => chip.expanded !== 'false')).toEqual([]);
      // A mark is named by its initiative's title first, and its id is mark-<initiative id>.
      for (const card of items.cards) {
        expect(card.id).toBe(`mark-${idOf.get(parseCard(card.name).title)}`);
      }
    });

    await test.step('c) a card dragged to the top left gets low effort and high impact, and stays a card', async () => {
      await expect(cards.first(), 'the 1,000-initiative grid should show some initiatives as marks').toBeVisible();
      const { title } = parseCard(await firstReachable(cards));
      const card = grid.locator(`#mark-${idOf.get(title)}`);
      await app.grid.dragCard(card, 0.15, 0.2);
      // effort ≤ 3, impact ≥ 8
      await expect(card).toHaveAccessibleName(
        new RegExp(`^${escapeRegex(title)}, effort ([12]\\.\\d|3\\.0), impact ([89]\\.\\d|10\\.0), `),
      );
      await expect(card).toBeVisible();
      await expect(card).toHaveAttribute('aria-pressed', 'true');
      await expect(app.inspector.title).toHaveValue(title);
      await expect.poll(async () => (await gridItems(grid)).shown).toBe(COUNT);
    });

    await test.step('d) a cluster opens; ArrowUp on a member brings it out as the selected card, 0.5 higher', async () => {
      const chipName = await firstReachable(chips);
      const size = Number(CHIP_NAME.exec(chipName)[1]);
      const chip = grid.getByRole('button', { name: chipName, exact: true });
      await expect(chip).toHaveAttribute('aria-expanded', 'false');
      await chip.click();
      await expect(chip).toHaveAttribute('aria-expanded', 'true');
      const list = grid.getByRole('dialog', { name: LIST_NAME });
      await expect(list).toBeVisible();
      await expect(list).toHaveAccessibleName(`Cluster of ${size} initiatives`);
      const members = list.getByRole('button');
      await expect(members).toHaveCount(size);
      const names = await members.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
      for (const name of names) expect(idOf.has(parseCard(name).title), name).toBe(true);

      const member = members.first();
      const before = parseCard(await member.getAttribute('aria-label'));
      const card = grid.locator(`button#mark-${idOf.get(before.title)}`);
      await expect(card).toHaveCount(0); // inside the cluster, not a card
      await member.focus();
      await expect(member).toBeFocused();
      await page.keyboard.press('ArrowUp');

      const impact = Math.min(before.impact + 0.5, 10);
      await expect(card).toBeVisible();
      await expect(card).toBeFocused();
      await expect(card).toHaveAttribute('aria-pressed', 'true');
      await expect(card).toHaveAccessibleName(
        new RegExp(`^${escapeRegex(before.title)}, effort ${escapeRegex(scoreText(before.effort))}, impact ${escapeRegex(scoreText(impact))}, `),
      );
      await expect(app.inspector.title).toHaveValue(before.title);
      await expect.poll(async () => (await gridItems(grid)).shown).toBe(COUNT);
    });

    await test.step('d) Escape closes an open cluster list and puts focus back on its chip', async () => {
      const chipName = await firstReachable(chips);
      const chip = grid.getByRole('button', { name: chipName, exact: true });
      await chip.click();
      await expect(chip).toHaveAttribute('aria-expanded', 'true');
      const list = grid.getByRole('dialog', { name: LIST_NAME });
      await expect(list).toBeVisible();
      await list.getByRole('button').first().focus();
      await page.keyboard.press('Escape');
      await expect(list).toHaveCount(0);
      await expect(chip).toHaveAttribute('aria-expanded', 'false');
      await expect(chip).toBeFocused();
    });
  });

  test('marks on one spot gather into one chip; the selected one stands apart at its scores', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    const grid = app.grid.region;
    const chips = grid.getByRole('button', { name: CHIP_NAME });

    // Two apart: two marks, no chip.
    await app.newInitiative('Alone', { effort: 2, impact: 9 });
    await app.newInitiative('Crowded 1');
    await expect(chips).toHaveCount(0);
    await expect(grid.locator(CARD)).toHaveCount(2);

    // Five more on the very same spot (effort 5.5, impact 5.5): they coincide, so one chip
    // gathers them, and the selected one (the newest) stands apart as a mark, counted once.
    for (let n = 2; n <= 6; n += 1) await app.newInitiative(`Crowded ${n}`);
    await expect(chips).toHaveCount(1);
    await expect(chips).toHaveAccessibleName(/^Cluster of 5 initiatives near effort 5\.5, impact 5\.5$/);
    const selected = app.grid.card('Crowded 6');
    await expect(selected).toHaveAttribute('aria-pressed', 'true');
    await expect(selected).toHaveAccessibleName(/^Crowded 6, effort 5\.5, impact 5\.5, /);
    await expect(app.grid.card('Alone')).toBeVisible();
    await expect(app.grid.card('Crowded 3')).toHaveCount(0);

    // The chip lists the five; picking one brings it out as the selected mark, and the one
    // selected before goes back into the chip.
    await chips.click();
    const list = grid.getByRole('dialog', { name: LIST_NAME });
    await expect(list.getByRole('button')).toHaveCount(5);
    await list.getByRole('button', { name: /^Crowded 3, / }).click();
    await expect(app.grid.card('Crowded 3')).toHaveAttribute('aria-pressed', 'true');
    await expect(app.grid.card('Crowded 6')).toHaveCount(0);
    await expect(chips).toHaveAccessibleName(/^Cluster of 5 initiatives /);

    // A big step up and it no longer coincides: a mark of its own at its new scores.
    await app.grid.card('Crowded 3').press('Shift+ArrowUp');
    await expect(app.grid.card('Crowded 3')).toHaveAccessibleName(/^Crowded 3, effort 5\.5, impact 7\.5, /);
    await expect(chips).toHaveAccessibleName(/^Cluster of 5 initiatives /);
    await app.grid.card('Alone').click();
    await expect(app.grid.card('Crowded 3')).toBeVisible();
    await expect(chips).toHaveAccessibleName(/^Cluster of 5 initiatives /);
  });

  test('long phase columns show the first 12 cards and a Show all button', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const { app, roadmap } = await openLargeRoadmap(page, testInfo);
    const board = app.phases.region;
    const titlesIn = (phaseId) =>
      roadmap.initiatives.filter((initiative) => initiative.phase === phaseId).map((initiative) => initiative.title);
    const columns = [
      { name: 'Unphased', titles: titlesIn(null) },
      ...roadmap.phases.map((phase) => ({ name: phase.name, titles: titlesIn(phase.id) })),
    ];
    const cardsIn = (column) => column.locator('button.board-card');
    const titlesShown = async (column) =>
      (await cardsIn(column).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label'))))
        .map((name) => parseCard(name).title)
        .sort();

    // Every column is a group named by its phase; each holds more than 40, so shows 40.
    await expect(board.getByRole('group')).toHaveCount(columns.length);
    for (const { name, titles } of columns) {
      expect(titles.length, name).toBeGreaterThan(COLUMN_WINDOW);
      const column = app.phases.column(name);
      await expect(column).toBeVisible({ timeout: 30_000 });
      await expect(cardsIn(column)).toHaveCount(COLUMN_WINDOW, { timeout: 30_000 });
      await expect(column.getByRole('button', { name: `Show all ${titles.length}`, exact: true })).toBeVisible();
      const shown = await titlesShown(column);
      expect(shown.filter((title) => !titles.includes(title)), `cards in ${name} from elsewhere`).toEqual([]);
    }

    // "Show all" on Phase 1 shows every member; the button then offers the first 12 again.
    const { name, titles } = columns[1];
    const column = app.phases.column(name);
    await column.getByRole('button', { name: `Show all ${titles.length}`, exact: true }).click();
    await expect(cardsIn(column)).toHaveCount(titles.length, { timeout: 30_000 });
    expect(await titlesShown(column)).toEqual([...titles].sort());
    const showFirst = column.getByRole('button', { name: `Show the first ${COLUMN_WINDOW}`, exact: true });
    await expect(showFirst).toBeVisible();
    await expect(column.getByRole('button', { name: /^Show all / })).toHaveCount(0);
    // The other columns still show 40.
    await expect(cardsIn(app.phases.column(columns[2].name))).toHaveCount(COLUMN_WINDOW);

    await showFirst.click();
    await expect(cardsIn(column)).toHaveCount(COLUMN_WINDOW);
    await expect(column.getByRole('button', { name: `Show all ${titles.length}`, exact: true })).toBeVisible();
  });
});
