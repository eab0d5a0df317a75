// A whole planning pass with the keyboard alone: no click, no mouse move. Focus moves by Tab
// and Shift+Tab only; the catalog by its arrow keys; fields by typing, arrows and Space.
const { test, expect } = require('./support/test');
const { Planner } = require('./support/planner');

/**
 * Presses Tab (or Shift+Tab) until `target` has focus; fails if it never comes. Returns the
 * number of presses.
 *
 * One press, then one check: the target is resolved once to its element, so the check is a
 * small comparison with document.activeElement rather than a role query over the whole page
 * (names computed for every element) after every press. Only if a re-render replaced the
 * element (it left the document) is the locator resolved again.
 */
async function tabTo(page, target, { backwards = false, limit = 120 } = {}) {
  const key = backwards ? 'Shift+Tab' : 'Tab';
  let element = await target.elementHandle();
  let presses = 0;
  let rerenders = 0;
  try {
    while (rerenders < 5) {
      // true: focused; false: not (yet); null: a re-render replaced the element.
      const focused = await element.evaluate((el) => (el.isConnected ? el === document.activeElement : null));
      if (focused) return presses;
      if (focused === null) {
        rerenders += 1;
        await element.dispose();
        element = await target.elementHandle();
      } else if (presses < limit) {
        await page.keyboard.press(key);
        presses += 1;
      } else {
        break;
      }
    }
  } finally {
    await element.dispose();
  }
  const where = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40)}"` : 'nothing';
  });
  const replaced = rerenders >= 5 ? ` (re-rendered ${rerenders} times meanwhile)` : '';
  throw new Error(`${presses} presses of ${key} never reached ${target}${replaced}; focus is on ${where}`);
}

// About 110 key presses, each an action that tracing would record with DOM snapshots and
// screencast frames before and after it: that tripled the pass's time. The trace of a failure
// still lists every action with its timing, the console and the network; the failure screenshot
// is taken as for every test (playwright.config.js).
test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false } });

test('add from the catalog, score, mark, phase and export with the keyboard only', async ({ page }) => {
  const app = new Planner(page);
  await app.goto();
  // Nothing below uses the mouse; fail loudly if anything does.
  await page.evaluate(() => {
    window.__pointerUsed = 0;
    for (const type of ['pointerdown', 'mousedown', 'click']) {
      document.addEventListener(type, (event) => {
        // A keyboard activation of a button fires a click with no pointer position (detail 0).
        if (type !== 'click' || event.detail !== 0) window.__pointerUsed += 1;
      }, true);
    }
  });

  // The catalog: into the tree, down to "Data Stack" under "Modern Stacks", Enter adds it.
  await tabTo(page, app.catalog.tree.getByRole('treeitem').first());
  await page.keyboard.press('Home');
  await expect(app.catalog.item('Modern Stacks')).toBeFocused();
  if ((await app.catalog.item('Modern Stacks').getAttribute('aria-expanded')) !== 'true') {
    await page.keyboard.press('ArrowRight');
    await expect(app.catalog.item('Modern Stacks')).toHaveAttribute('aria-expanded', 'true');
  }
  await page.keyboard.press('ArrowDown');
  // The tree moves focus on the next animation frame: read the title once it has moved, or a
  // loaded machine reads "Modern Stacks" while Enter adds its first child.
  await expect(app.catalog.item('Modern Stacks')).not.toBeFocused();
  const first = app.catalog.tree.locator('[role="treeitem"]:focus');
  const title = (await first.getAttribute('aria-label')) || (await first.innerText()).split('\n')[0].trim();
  await page.keyboard.press('Enter');
  const card = app.grid.card(title);
  await expect(card).toBeVisible();

  // The inspector shows the new initiative: score it, mark it, give it urgency and a phase,
  // in the Inspector's own order, so that each Tab goes forward a field or a few.
  await tabTo(page, app.inspector.effort);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2.5');
  await tabTo(page, app.inspector.impact);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('8');
  await page.keyboard.press('Tab');
  await expect(app.inspector.effort).toHaveValue('2.5');
  await expect(app.inspector.impact).toHaveValue('8.0');

  await tabTo(page, app.inspector.quickWin);
  await page.keyboard.press('Space');
  await expect(app.inspector.quickWin).toBeChecked();
  await tabTo(page, app.inspector.urgency);
  await page.keyboard.press('End'); // the last level: critical
  await expect(app.inspector.urgency.locator('option:checked')).toHaveText(/critical/i);
  await tabTo(page, app.inspector.phase);
  await page.keyboard.press('ArrowDown'); // from Unphased to the first phase
  await expect(app.inspector.phase.locator('option:checked')).toHaveText('Phase 1');
  await expect(app.phases.item('Phase 1', title)).toBeVisible();

  // The card answers the arrow keys on the grid: one step less effort.
  await tabTo(page, card, { backwards: true });
  await page.keyboard.press('ArrowLeft');
  await expect(app.inspector.effort).toHaveValue('2.0');

  // Export JSON from the toolbar, by Enter.
  const exportButton = page.getByRole('button', { name: 'Export JSON', exact: true });
  await tabTo(page, exportButton, { backwards: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = JSON.parse(require('fs').readFileSync(await download.path(), 'utf8'));
  const exported = file.initiatives.find((initiative) => initiative.title === title);
  expect(exported).toMatchObject({ effort: 2, impact: 8, urgency: 'critical', quick_win: true, phase: 'p1' });
  expect(await page.evaluate(() => window.__pointerUsed), 'pointerdown, mousedown or pointer clicks during the keyboard pass').toBe(0);
});
