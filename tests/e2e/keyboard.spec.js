// A whole planning pass with the keyboard alone: no click, no mouse move. Focus moves by Tab
// and Shift+Tab only; the catalog by its arrow keys; fields by typing, arrows and Space.
const { test, expect } = require('./support/test');
const { Planner } = require('./support/planner');

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it never comes. */
async function tabTo(page, target, { backwards = false, limit = 120 } = {}) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

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
  }
  await page.keyboard.press('ArrowDown');
  const first = page.locator(':focus');
  const title = (await first.getAttribute('aria-label')) || (await first.innerText()).split('\n')[0].trim();
  await page.keyboard.press('Enter');
  const card = app.grid.card(title);
  await expect(card).toBeVisible();

  // The inspector shows the new initiative: score it, mark it, give it urgency and a phase.
  await tabTo(page, app.inspector.effort);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2.5');
  await tabTo(page, app.inspector.impact);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('8');
  await page.keyboard.press('Tab');
  await expect(app.inspector.effort).toHaveValue('2.5');
  await expect(app.inspector.impact).toHaveValue('8.0');

  await tabTo(page, app.inspector.urgency);
  await page.keyboard.press('End'); // the last level: critical
  await expect(app.inspector.urgency.locator('option:checked')).toHaveText(/critical/i);
  await tabTo(page, app.inspector.quickWin);
  await page.keyboard.press('Space');
  await expect(app.inspector.quickWin).toBeChecked();
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
  expect(await page.evaluate(() => window.__pointerUsed)).toBe(0);
});
