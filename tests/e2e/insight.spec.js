// Insight: auto-phasing ("Suggest phases": a preview with reasons, Accept as one undoable step,
// Discard changing nothing).
const { test, expect } = require('@playwright/test');
const { Planner } = require('./support/planner');
const { answerImport, importByPicker } = require('./support/files');

/** A version 1 roadmap file of `phases` ({ name, capacity }) and `initiatives`. */
function roadmapFile(name, phases, initiatives) {
  return JSON.stringify({
    format: 'stackplan.roadmap',
    version: 1,
    name,
    quadrant_split: { effort: 5.5, impact: 5.5 },
    phases: phases.map((phase, index) => ({ id: `p${index + 1}`, name: phase.name, capacity: phase.capacity })),
    initiatives: initiatives.map((initiative, index) => ({
      id: `i${index + 1}`,
      title: initiative.title,
      description: '',
      effort: initiative.effort,
      impact: initiative.impact,
      quick_win: initiative.quickWin || false,
      urgency: initiative.urgency || 'none',
      due: initiative.due || null,
      phase: initiative.phase || null,
      origin: null,
      owner: '',
      stakeholders: [],
      goals: [],
      budget: null,
      dependencies: initiative.dependencies || [],
      tags: [],
    })),
  });
}

async function openRoadmap(page, name, phases, initiatives) {
  await importByPicker(page, `${name}.json`, roadmapFile(name, phases, initiatives));
  await answerImport(page, name, 'Replace current roadmap');
}

test.describe('Suggest phases', () => {
  let app;
  test.beforeEach(async ({ page }) => {
    app = new Planner(page);
    await app.goto();
    // Warehouse must come before Dashboards; "Now" already holds Data catalog and Lineage (7 of 10).
    await openRoadmap(
      page,
      'Warehouse plan',
      [
        { name: 'Now', capacity: 10 },
        { name: 'Next', capacity: 12 },
        { name: 'Later', capacity: null },
      ],
      [
        { title: 'Warehouse', effort: 8, impact: 6 },
        { title: 'Dashboards', effort: 3, impact: 9, urgency: 'critical', dependencies: ['i1'] },
        { title: 'Data catalog', effort: 2, impact: 5, quickWin: true, phase: 'p1' },
        { title: 'Lineage', effort: 5, impact: 3, phase: 'p1' },
      ],
    );
    await expect(app.phases.item('Unphased', 'Warehouse')).toBeVisible();
  });

  function dialog(page) {
    return page.getByRole('dialog', { name: 'Suggested phases' });
  }

  /** The preview's rows as [initiative, from, to, why]. */
  async function rows(page) {
    return dialog(page)
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
  }

  test('lists every move with its reason; Discard changes nothing', async ({ page }) => {
    await page.getByRole('button', { name: 'Suggest phases', exact: true }).click();
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page).getByRole('button', { name: 'Accept', exact: true })).toBeFocused();
    expect(await rows(page)).toEqual([
      ['Warehouse', 'Unphased', 'Next', 'Now full: 7/10 effort'],
      ['Dashboards', 'Unphased', 'Next', 'after Warehouse (dependency)'],
    ]);
    await dialog(page).getByRole('button', { name: 'Discard', exact: true }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(app.phases.item('Unphased', 'Warehouse')).toBeVisible();
    await expect(app.phases.item('Unphased', 'Dashboards')).toBeVisible();
    // Nothing was recorded either: the one step to undo is the import itself.
    await app.undoButton.click();
    await expect(app.phases.item('Unphased', 'Warehouse')).toHaveCount(0);
    await expect(app.undoButton).toBeDisabled();
  });

  test('Accept moves them within capacity and after their dependencies; one Undo restores', async ({ page }) => {
    await page.getByRole('button', { name: 'Suggest phases', exact: true }).click();
    await dialog(page).getByRole('button', { name: 'Accept', exact: true }).click();
    await expect(dialog(page)).toBeHidden();
    for (const [column, title] of [
      ['Now', 'Data catalog'],
      ['Now', 'Lineage'],
      ['Next', 'Warehouse'],
      ['Next', 'Dashboards'],
    ]) {
      await expect(app.phases.item(column, title)).toBeVisible();
    }
    await expect(app.phases.unphased.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('alert')).toContainText('Moved 2 initiatives to the suggested phases. Undo puts them back.');

    await app.undoButton.click();
    await expect(app.phases.item('Unphased', 'Warehouse')).toBeVisible();
    await expect(app.phases.item('Unphased', 'Dashboards')).toBeVisible();
    await expect(app.phases.item('Now', 'Lineage')).toBeVisible();
  });

  test('says plainly when the phases cannot hold everything', async ({ page }) => {
    for (const [phase, capacity] of [
      ['Next', '10'],
      ['Later', '1'],
    ]) {
      await app.phases.region.getByRole('textbox', { name: `Capacity of ${phase}`, exact: true }).fill(capacity);
      await page.keyboard.press('Tab');
    }
    await page.getByRole('button', { name: 'Suggest phases', exact: true }).click();
    await expect(dialog(page)).toContainText(
      'No assignment fits: 1 initiative (3 effort) fit in no phase within its capacity. Raise a capacity or add a phase.',
    );
    expect(await rows(page)).toEqual([
      ['Warehouse', 'Unphased', 'Next', 'Now full: 7/10 effort'],
      ['Dashboards', 'Unphased', 'stays unphased', 'fits in no phase: needs 3 effort'],
    ]);
  });
});
