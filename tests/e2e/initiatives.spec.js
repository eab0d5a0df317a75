// Initiatives on the effort-vs-impact grid: free-form creation, placement by mouse, keyboard and
// Inspector (all in sync), quick-win suggestion and flag, urgency and due date on the card.
const { test, expect } = require('./support/test');
const { Planner, scoreInName } = require('./support/planner');

const EMPTY_INSPECTOR = 'Select a mark on the board or a card in a phase to see and edit its details.';

test.describe('initiatives on the grid', () => {
  let app;
  test.beforeEach(async ({ page }) => {
    app = new Planner(page);
    await app.goto();
  });

  test('Inspector shows an empty state when nothing is selected', async () => {
    const empty = app.inspector.region.getByText(EMPTY_INSPECTOR, { exact: true });
    await expect(empty).toBeVisible();
    await expect(app.inspector.title).toHaveCount(0);

    // A new initiative is selected: the form replaces the empty state.
    await app.newInitiative('Alpha', { effort: 2, impact: 8 });
    await expect(empty).toHaveCount(0);
    await app.newInitiative('Beta', { effort: 8, impact: 3 });
    // Deleting the selected one leaves nothing selected: the empty state is back.
    await app.inspector.deleteButton.click();
    await expect(app.grid.card('Beta')).toHaveCount(0);
    await expect(empty).toBeVisible();
    await expect(app.inspector.title).toHaveCount(0);
    // Clicking a card selects it: the empty state goes again.
    await app.selectCard('Alpha');
    await expect(empty).toHaveCount(0);
  });

  test('grid shows the four quadrant labels', async () => {
    for (const label of ['Quick wins', 'Big bets', 'Fill-ins', 'Money pits']) {
      await expect(app.grid.region.getByText(label, { exact: true })).toBeVisible();
    }
  });

  test('"New initiative" creates a free-form initiative in the middle of the grid', async () => {
    const card = await app.newInitiative('Pilot a feature store');
    await expect(card).toHaveAccessibleName(/^Pilot a feature store, effort 5\.5, impact 5\.5/);
    await expect(app.inspector.title).toHaveValue('Pilot a feature store');
    await expect(app.inspector.effort).toHaveValue('5.5');
    await expect(app.inspector.impact).toHaveValue('5.5');
    await expect(app.inspector.urgency).toHaveValue('none');
    await expect(app.inspector.quickWin).not.toBeChecked();
    await expect(app.inspector.selectedPhase()).toHaveText('Unphased');
    await expect(app.phases.item('Unphased', 'Pilot a feature store')).toBeVisible();
  });

  test('clicking a card selects it in the Inspector', async () => {
    // Apart on the grid, so neither card covers the other.
    await app.newInitiative('Alpha', { effort: 2, impact: 8 });
    await app.newInitiative('Beta', { effort: 8, impact: 3 });
    await expect(app.inspector.title).toHaveValue('Beta');
    await app.selectCard('Alpha');
    await expect(app.inspector.title).toHaveValue('Alpha');
  });

  test('renaming in the Inspector renames the card', async () => {
    await app.newInitiative('Draft name');
    await app.inspector.title.fill('Final name');
    await app.inspector.title.press('Tab');
    await expect(app.grid.card('Final name')).toBeVisible();
    await expect(app.grid.card('Draft name')).toHaveCount(0);
  });

  test('arrow keys move the focused card, Shift for big steps; Inspector follows', async ({ page }) => {
    const card = await app.newInitiative('Keyboard card');
    await card.click();
    await card.focus();
    await expect(card).toBeFocused();

    await page.keyboard.press('ArrowRight');
    await expect(card).toHaveAccessibleName(scoreInName('effort', 6));
    await expect(app.inspector.effort).toHaveValue('6.0');

    await page.keyboard.press('ArrowUp');
    await expect(card).toHaveAccessibleName(scoreInName('impact', 6));
    await expect(app.inspector.impact).toHaveValue('6.0');

    await page.keyboard.press('Shift+ArrowLeft');
    await expect(card).toHaveAccessibleName(scoreInName('effort', 4));
    await page.keyboard.press('Shift+ArrowDown');
    await expect(card).toHaveAccessibleName(scoreInName('impact', 4));
    await page.keyboard.press('ArrowLeft');
    await expect(card).toHaveAccessibleName(scoreInName('effort', 3.5));
    await page.keyboard.press('ArrowDown');
    await expect(card).toHaveAccessibleName(scoreInName('impact', 3.5));
    await expect(app.inspector.effort).toHaveValue('3.5');
    await expect(app.inspector.impact).toHaveValue('3.5');
  });

  test('keyboard moves are clamped to 1..10', async ({ page }) => {
    const card = await app.newInitiative('Edge card');
    await card.click();
    await card.focus();
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Shift+ArrowRight');
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Shift+ArrowUp');
    await expect(card).toHaveAccessibleName(scoreInName('effort', 10));
    await expect(card).toHaveAccessibleName(scoreInName('impact', 10));
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('Shift+ArrowLeft');
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('Shift+ArrowDown');
    await expect(card).toHaveAccessibleName(scoreInName('effort', 1));
    await expect(card).toHaveAccessibleName(scoreInName('impact', 1));
    await expect(app.inspector.effort).toHaveValue('1.0');
  });

  test('scores typed in the Inspector move the card', async () => {
    const card = await app.newInitiative('Typed card');
    const before = await card.boundingBox();
    await app.edit({ effort: 9, impact: 2 });
    await expect(card).toHaveAccessibleName(scoreInName('effort', 9));
    await expect(card).toHaveAccessibleName(scoreInName('impact', 2));
    await expect.poll(async () => (await card.boundingBox()).x).toBeGreaterThan(before.x + 50);
    await expect.poll(async () => (await card.boundingBox()).y).toBeGreaterThan(before.y + 50);
  });

  test('scores typed in the Inspector outside 1..10 are refused with a message; the old score stays', async () => {
    const card = await app.newInitiative('Refused card');
    const ins = app.inspector;
    const messages = ins.region.getByRole('alert');
    await expect(messages).toHaveCount(0);

    await ins.setScore('effort', 42);
    await expect(messages).toHaveText(['Effort must be between 1 and 10.']);
    await expect(ins.effort).toHaveAttribute('aria-invalid', 'true');
    await expect(card).toHaveAccessibleName(/^Refused card, effort 5\.5, impact 5\.5,/);

    await ins.setScore('impact', 0);
    await expect(messages).toHaveText(['Effort must be between 1 and 10.', 'Impact must be between 1 and 10.']);
    await expect(ins.impact).toHaveAttribute('aria-invalid', 'true');
    await expect(card).toHaveAccessibleName(/^Refused card, effort 5\.5, impact 5\.5,/);

    // An emptied box is not a number.
    await ins.effort.fill('');
    await ins.effort.press('Enter');
    await expect(messages).toHaveText(['Effort must be a number from 1 to 10.', 'Impact must be between 1 and 10.']);
    await expect(card).toHaveAccessibleName(/^Refused card, effort 5\.5, impact 5\.5,/);

    // A valid score is taken and clears that field's message.
    await ins.setScore('effort', 7);
    await expect(messages).toHaveText(['Impact must be between 1 and 10.']);
    await expect(ins.effort).toHaveAttribute('aria-invalid', 'false');
    await expect(ins.effort).toHaveValue('7.0');
    await expect(card).toHaveAccessibleName(/^Refused card, effort 7\.0, impact 5\.5,/);
    await ins.setScore('impact', 10);
    await expect(messages).toHaveCount(0);
    await expect(card).toHaveAccessibleName(/^Refused card, effort 7\.0, impact 10\.0,/);
  });

  test('dragging a card to the top-left corner makes it a quick win candidate', async () => {
    await app.newInitiative('Dragged card');
    await app.grid.dragCard('Dragged card', 0.1, 0.1);
    await expect.poll(() => app.inspector.effortValue()).toBeLessThan(5.5);
    await expect.poll(() => app.inspector.impactValue()).toBeGreaterThan(5.5);
    await expect(app.inspector.region.getByText(/Suggested: this sits in Quick wins/)).toBeVisible();
    // The card's name follows the drop.
    const effort = await app.inspector.effortValue();
    await expect(app.grid.card('Dragged card')).toHaveAccessibleName(scoreInName('effort', effort));
  });

  test('dragging a card to the bottom-right corner gives high effort and low impact', async () => {
    await app.newInitiative('Money pit');
    await app.grid.dragCard('Money pit', 0.92, 0.9);
    await expect.poll(() => app.inspector.effortValue()).toBeGreaterThan(5.5);
    await expect.poll(() => app.inspector.impactValue()).toBeLessThan(5.5);
    await expect(app.inspector.region.getByText(/Suggested: this sits in Quick wins/)).toHaveCount(0);
  });

  test('quick win: suggested in the quadrant, flagged (not overridden) outside it', async () => {
    const card = await app.newInitiative('Self-serve dashboards', { effort: 2, impact: 9 });
    const suggestion = app.inspector.region.getByText(/Suggested: this sits in Quick wins/);
    await expect(suggestion).toBeVisible();
    // A suggestion is not a mark: no ring yet.
    await expect(card).not.toHaveClass(/\bis-quick-win\b/);

    await app.inspector.quickWin.check();
    await expect(card).toHaveClass(/\bis-quick-win\b/);
    await expect(card).not.toHaveClass(/\bis-flagged\b/);
    await expect(card).toHaveAccessibleName(/, quick win$/);

    // Outside Quick wins the mark stays, flagged (a dashed ring, and in words).
    await app.edit({ effort: 9 });
    await expect(card).toHaveClass(/\bis-flagged\b/);
    await expect(card).toHaveAccessibleName(/, marked quick win but not in Quick wins$/);
    await expect(app.inspector.region.getByText(/Marked as a quick win, but it sits in Big bets/)).toBeVisible();
    await expect(app.inspector.quickWin).toBeChecked();
    await expect(card).toHaveClass(/\bis-quick-win\b/);

    await app.edit({ effort: 3 });
    await expect(card).not.toHaveClass(/\bis-flagged\b/);
    await expect(card).toHaveAccessibleName(/, quick win$/);
  });

  test('urgency and due date show on the card', async () => {
    const card = await app.newInitiative('Migrate billing');
    await expect(app.inspector.urgency.locator('option')).toHaveText([
      'None',
      'Low',
      'Medium',
      'High',
      'Critical',
    ]);
    await app.edit({ urgency: 'high', due: '2026-09-30' });
    await expect(app.inspector.urgency).toHaveValue('high');
    await expect(app.inspector.dueDate).toHaveValue('2026-09-30');
    // Urgency shows as the mark's shape (never colour alone) and in its name, with the due date.
    await expect(card).toHaveClass(/\bshape-high\b/);
    await expect(card).toHaveAccessibleName(/, urgency High, due 2026-09-30(,|$)/);

    await app.edit({ urgency: 'critical' });
    await expect(card).toHaveClass(/\bshape-critical\b/);
    await expect(card).not.toHaveClass(/\bshape-high\b/);
    await expect(card).toHaveAccessibleName(/, urgency Critical, due 2026-09-30(,|$)/);
  });

  test('"Delete initiative" removes it from grid and phases at once, without asking', async ({ page }) => {
    await app.newInitiative('Short-lived');
    await expect(app.phases.item('Unphased', 'Short-lived')).toBeVisible();
    await app.inspector.deleteButton.click();
    await expect(app.grid.card('Short-lived')).toHaveCount(0);
    await expect(app.phases.region.getByRole('button', { name: /^Short-lived/ })).toHaveCount(0);
    await expect(app.inspector.title).toHaveCount(0);
    // Deleted without a question (Undo brings it back).
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await app.undoButton.click();
    await expect(app.grid.card('Short-lived')).toBeVisible();
  });

  test('Undo and Redo revert and replay a score change', async () => {
    const card = await app.newInitiative('Undoable');
    await app.edit({ effort: 8 });
    await expect(card).toHaveAccessibleName(scoreInName('effort', 8));
    await app.undoButton.click();
    await expect(card).toHaveAccessibleName(scoreInName('effort', 5.5));
    await app.redoButton.click();
    await expect(card).toHaveAccessibleName(scoreInName('effort', 8));
  });

  test('dependencies: find one by name, add it, never a cycle, remove it', async () => {
    await app.newInitiative('Data lake', { effort: 2, impact: 8 });
    await app.newInitiative('BI dashboards', { effort: 8, impact: 3 });
    const inspector = app.inspector.region;
    const find = inspector.getByRole('searchbox', { name: 'Find a dependency' });
    const add = inspector.getByRole('combobox', { name: 'Add dependency' });
    const remove = inspector.getByRole('button', { name: 'Remove dependency on Data lake' });

    await find.fill('LAKE');
    await expect(add.locator('option')).toHaveText(['Add a dependency…', 'Data lake']);
    await add.selectOption({ label: 'Data lake' });
    await expect(remove).toBeVisible();
    await expect(add.locator('option')).toHaveText(['Add a dependency…']);
    await expect(add).toHaveValue('');

    // Data lake cannot depend on BI dashboards, which depends on it.
    await app.selectCard('Data lake');
    await expect(app.inspector.title).toHaveValue('Data lake');
    // The list follows the selection: Data lake depends on nothing.
    await expect(remove).toHaveCount(0);
    await find.fill('');
    await expect(add.locator('option')).toHaveText(['Add a dependency…']);

    await app.selectCard('BI dashboards');
    await remove.click();
    await expect(remove).toHaveCount(0);
    await expect(add.locator('option')).toHaveText(['Add a dependency…', 'Data lake']);
  });
});
