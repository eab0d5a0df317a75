// Phases: default columns, add / rename / reorder / delete (with confirmation), assignment from
// the Inspector and on the board (keyboard and drag), and the Unphased list.
const { test, expect } = require('./support/test');
const { Planner } = require('./support/planner');

test.describe('phases', () => {
  let app;
  test.beforeEach(async ({ page }) => {
    app = new Planner(page);
    await app.goto();
  });

  test('a new roadmap has Phase 1..3 and an Unphased list', async () => {
    const { phases } = app;
    for (const name of ['Phase 1', 'Phase 2', 'Phase 3', 'Unphased']) {
      await expect(phases.column(name)).toBeVisible();
    }
    expect(await phases.names()).toEqual(['Phase 1', 'Phase 2', 'Phase 3']);
  });

  test('"Add phase" appends Phase 4, also offered in the Inspector', async () => {
    await app.addPhaseButton.click();
    await expect(app.phases.column('Phase 4')).toBeVisible();
    expect(await app.phases.names()).toEqual(['Phase 1', 'Phase 2', 'Phase 3', 'Phase 4']);
    await app.newInitiative('Phase-four work');
    await expect(app.inspector.phase.locator('option')).toHaveText([
      'Unphased',
      'Phase 1',
      'Phase 2',
      'Phase 3',
      'Phase 4',
    ]);
  });

  test('rename a phase', async () => {
    await app.newInitiative('Renamed home', { phase: 'Phase 1' });
    await app.phases.rename('Phase 1', 'Discovery');
    await expect(app.phases.column('Phase 1')).toHaveCount(0);
    await expect(app.phases.nameBox('Discovery')).toHaveValue('Discovery');
    await expect(app.phases.item('Discovery', 'Renamed home')).toBeVisible();
    await expect(app.inspector.selectedPhase()).toHaveText('Discovery');
    expect(await app.phases.names()).toEqual(['Discovery', 'Phase 2', 'Phase 3']);
  });

  test('reorder phases earlier and later', async ({ page }) => {
    const { phases } = app;
    await page.getByRole('button', { name: 'Move Phase 3 earlier', exact: true }).click();
    await expect.poll(() => phases.names()).toEqual(['Phase 1', 'Phase 3', 'Phase 2']);
    await page.getByRole('button', { name: 'Move Phase 1 later', exact: true }).click();
    await expect.poll(() => phases.names()).toEqual(['Phase 3', 'Phase 1', 'Phase 2']);
    // The Inspector's Phase select follows the order.
    await app.newInitiative('Order check');
    await expect(app.inspector.phase.locator('option')).toHaveText([
      'Unphased',
      'Phase 3',
      'Phase 1',
      'Phase 2',
    ]);
  });

  test('delete a phase asks first; its initiatives become unphased', async ({ page }) => {
    const { phases } = app;
    await app.newInitiative('Orphan-to-be', { phase: 'Phase 2' });
    await expect(phases.item('Phase 2', 'Orphan-to-be')).toBeVisible();
    await expect(phases.item('Unphased', 'Orphan-to-be')).toHaveCount(0);

    await page.getByRole('button', { name: 'Delete Phase 2', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(phases.item('Phase 2', 'Orphan-to-be')).toBeVisible();

    await page.getByRole('button', { name: 'Delete Phase 2', exact: true }).click();
    await app.confirm('Delete phase');
    await expect(phases.column('Phase 2')).toHaveCount(0);
    expect(await phases.names()).toEqual(['Phase 1', 'Phase 3']);
    await expect(phases.item('Unphased', 'Orphan-to-be')).toBeVisible();
    await app.selectCard('Orphan-to-be');
    await expect(app.inspector.selectedPhase()).toHaveText('Unphased');
  });

  test('assign a phase in the Inspector moves the initiative on the board', async () => {
    const { phases } = app;
    await app.newInitiative('Inspector assigned');
    await expect(phases.item('Unphased', 'Inspector assigned')).toBeVisible();
    await app.edit({ phase: 'Phase 3' });
    await expect(phases.item('Phase 3', 'Inspector assigned')).toBeVisible();
    await expect(phases.item('Unphased', 'Inspector assigned')).toHaveCount(0);
    await app.edit({ phase: 'Unphased' });
    await expect(phases.item('Unphased', 'Inspector assigned')).toBeVisible();
    await expect(phases.item('Phase 3', 'Inspector assigned')).toHaveCount(0);
  });

  test('ArrowRight / ArrowLeft move an initiative between columns', async () => {
    const { phases } = app;
    const title = 'Keyboard mover';
    await app.newInitiative(title);
    const moves = [
      ['Unphased', 'ArrowRight', 'Phase 1'],
      ['Phase 1', 'ArrowRight', 'Phase 2'],
      ['Phase 2', 'ArrowRight', 'Phase 3'],
      ['Phase 3', 'ArrowLeft', 'Phase 2'],
    ];
    for (const [from, key, to] of moves) {
      const item = phases.item(from, title);
      await item.focus();
      await item.press(key);
      await expect(phases.item(to, title)).toBeVisible();
      await expect(phases.item(from, title)).toHaveCount(0);
    }
    await app.selectCard(title);
    await expect(app.inspector.selectedPhase()).toHaveText('Phase 2');
  });

  test('drag an initiative between columns', async () => {
    const { phases } = app;
    await app.newInitiative('Dragged between');
    await phases.item('Unphased', 'Dragged between').dragTo(phases.column('Phase 2'));
    await expect(phases.item('Phase 2', 'Dragged between')).toBeVisible();
    await expect(phases.item('Unphased', 'Dragged between')).toHaveCount(0);

    await phases.item('Phase 2', 'Dragged between').dragTo(phases.column('Unphased'));
    await expect(phases.item('Unphased', 'Dragged between')).toBeVisible();
    await expect(phases.item('Phase 2', 'Dragged between')).toHaveCount(0);
  });

  test('Unphased lists exactly the initiatives without a phase', async () => {
    const { phases } = app;
    await app.newInitiative('Loose one');
    await app.newInitiative('Placed one', { phase: 'Phase 1' });
    await app.newInitiative('Loose two');
    await expect(phases.unphased.getByRole('button', { name: /^(Loose|Placed) / })).toHaveCount(2);
    await expect(phases.item('Unphased', 'Loose one')).toBeVisible();
    await expect(phases.item('Unphased', 'Loose two')).toBeVisible();
    await expect(phases.item('Unphased', 'Placed one')).toHaveCount(0);
  });
});
