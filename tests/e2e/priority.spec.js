// Prioritize with evidence, through the UI contract: the Framework select (one undo step), the
// Inspector's inputs named after each input with "<name> low" / "<name> high" for ranges, the
// Priority region's ranked table with each formula and its numbers (sortable by keyboard), the
// weighted criteria, and a roadmap with frameworks exported and imported back byte for byte.
const { test, expect } = require('./support/test');
const { Planner } = require('./support/planner');
const { answerImport, exportJson, fixture, importByPicker, schemaErrors } = require('./support/files');

function priority(page) {
  return page.getByRole('region', { name: 'Priority' });
}

function frameworkSelect(page) {
  return priority(page).getByRole('combobox', { name: 'Framework', exact: true });
}

function inspector(page) {
  return page.getByRole('region', { name: 'Inspector' });
}

/** Types into an Inspector spin button and commits it (change fires on leaving the field). */
async function setNumber(page, name, value) {
  const input = inspector(page).getByRole('spinbutton', { name, exact: true });
  await input.fill(String(value));
  await input.press('Tab');
}

/** The ranked table's body rows as [rank, initiative, score, formula] texts. */
async function rankedRows(page) {
  const rows = priority(page).getByRole('table', { name: 'Initiatives by priority' }).locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent.trim())));
}

test.describe('scoring frameworks', () => {
  let app;
  test.beforeEach(async ({ page }) => {
    app = new Planner(page);
    await app.goto();
  });

  test('RICE inputs give the formula with its numbers; a missing input says so, never a zero', async ({ page }) => {
    await app.newInitiative('Lakehouse');
    await frameworkSelect(page).selectOption({ label: 'RICE' });
    await expect(inspector(page).getByRole('group', { name: 'Scoring: RICE' })).toBeVisible();
    await setNumber(page, 'Reach', 2000);
    await inspector(page).getByRole('combobox', { name: 'RICE impact', exact: true }).selectOption({ label: '2 high' });
    await inspector(page).getByRole('combobox', { name: 'Confidence', exact: true }).selectOption({ label: '80%' });
    await expect.poll(() => rankedRows(page)).toEqual([['—', 'Lakehouse', '—', 'needs Effort (person-months)']]);
    await expect(inspector(page).getByText('RICE: needs Effort (person-months)')).toBeVisible();

    await setNumber(page, 'Effort (person-months)', 3);
    const formula = 'RICE = 2,000 × 2 × 80% ÷ 3 = 1,066.67';
    await expect(inspector(page).getByText(formula, { exact: true })).toBeVisible();
    await expect.poll(() => rankedRows(page)).toEqual([['1', 'Lakehouse', '1,066.67', formula]]);

    // A range: the score uses its PERT mean (1,000 + 4 × 2,000 + 6,000) ÷ 6 = 2,500.
    await setNumber(page, 'Reach low', 1000);
    await setNumber(page, 'Reach high', 6000);
    await expect(inspector(page).getByText('RICE = 2,500 × 2 × 80% ÷ 3 = 1,333.33', { exact: true })).toBeVisible();

    // Out of order: refused in words, nothing changed.
    await setNumber(page, 'Reach low', 5000);
    await expect(inspector(page).getByRole('alert')).toHaveText(
      'Reach low must not be above Reach, and Reach high not below it.',
    );
    await expect(inspector(page).getByText('RICE = 2,500 × 2 × 80% ÷ 3 = 1,333.33', { exact: true })).toBeVisible();
  });

  test('a framework switch is one undo step, and Effort vs impact is the default', async ({ page }) => {
    await app.newInitiative('Churn model');
    await expect(frameworkSelect(page)).toHaveValue('effort_impact');
    await expect.poll(() => rankedRows(page)).toEqual([['1', 'Churn model', '1', 'Impact ÷ Effort = 5.5 ÷ 5.5 = 1']]);
    await frameworkSelect(page).selectOption({ label: 'WSJF' });
    await expect(frameworkSelect(page)).toHaveValue('wsjf');
    await expect(inspector(page).getByRole('spinbutton', { name: 'Time criticality', exact: true })).toHaveAttribute(
      'placeholder',
      'proposed 1',
    );
    await app.undoButton.click();
    await expect(frameworkSelect(page)).toHaveValue('effort_impact');
    await expect(inspector(page).getByRole('group', { name: /^Scoring/ })).toHaveCount(0);
    await app.redoButton.click();
    await expect(frameworkSelect(page)).toHaveValue('wsjf');
  });

  test('WSJF and ICE rank by their formulas, and the table sorts by keyboard', async ({ page }) => {
    await app.newInitiative('Data contracts');
    await frameworkSelect(page).selectOption({ label: 'WSJF' });
    await setNumber(page, 'Business value', 8);
    await setNumber(page, 'Time criticality', 5);
    await setNumber(page, 'Risk reduction', 3);
    await inspector(page).getByRole('combobox', { name: 'Job size', exact: true }).selectOption('8');
    await app.newInitiative('Feature store');
    await setNumber(page, 'Business value', 13);
    await setNumber(page, 'Risk reduction', 8);
    await inspector(page).getByRole('combobox', { name: 'Job size', exact: true }).selectOption('3');
    // Feature store's time criticality is proposed from its urgency (none): 1.
    await expect.poll(() => rankedRows(page)).toEqual([
      ['1', 'Feature store', '7.33', 'WSJF = (13 + 1 + 8) ÷ 3 = 7.33'],
      ['2', 'Data contracts', '2', 'WSJF = (8 + 5 + 3) ÷ 8 = 2'],
    ]);

    const byInitiative = priority(page).getByRole('button', { name: 'Initiative', exact: true });
    await byInitiative.focus();
    await page.keyboard.press('Enter');
    await expect(priority(page).getByRole('columnheader', { name: 'Initiative' })).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(async () => (await rankedRows(page)).map((row) => row[1])).toEqual(['Data contracts', 'Feature store']);

    await frameworkSelect(page).selectOption({ label: 'ICE' });
    await priority(page).getByRole('checkbox', { name: /average of its inputs/ }).check();
    // The table re-ranks a moment after a change and rebuilds its rows: a click in between
    // would be pressed on one row and released on its successor. Wait for ICE's rows first.
    await expect
      .poll(async () => (await rankedRows(page)).map((row) => row[3].startsWith('WSJF')))
      .toEqual([false, false]);
    // Both sit at the board's centre (one chip there): pick it from the ranked list instead.
    await priority(page).getByRole('button', { name: 'Data contracts', exact: true }).click();
    await expect(app.inspector.title).toHaveValue('Data contracts');
    await setNumber(page, 'ICE impact', 8);
    await setNumber(page, 'ICE confidence', 6);
    await setNumber(page, 'Ease', 4);
    await expect(inspector(page).getByText('ICE (average) = (8 + 6 + 4) ÷ 3 = 6', { exact: true })).toBeVisible();
    // The setting alone changes the formula shown.
    await priority(page).getByRole('checkbox', { name: /average of its inputs/ }).uncheck();
    await expect(inspector(page).getByText('ICE = 8 × 6 × 4 = 192', { exact: true })).toBeVisible();
  });

  test('weighted criteria score on their fixed scales, costs counting the other way', async ({ page }) => {
    await app.newInitiative('Lakehouse');
    await frameworkSelect(page).selectOption({ label: 'Weighted criteria' });
    const criteria = priority(page).getByRole('group', { name: 'Weighted criteria' });
    await criteria.getByRole('button', { name: 'Add criterion', exact: true }).click();
    await criteria.getByRole('button', { name: 'Add criterion', exact: true }).click();
    await criteria.getByRole('textbox', { name: 'Name of Criterion 1' }).fill('Strategy fit');
    await criteria.getByRole('textbox', { name: 'Name of Criterion 1' }).press('Tab');
    await criteria.getByRole('spinbutton', { name: 'Strategy fit weight' }).fill('30');
    await criteria.getByRole('spinbutton', { name: 'Strategy fit weight' }).press('Tab');
    await criteria.getByRole('textbox', { name: 'Name of Criterion 2' }).fill('Cost');
    await criteria.getByRole('textbox', { name: 'Name of Criterion 2' }).press('Tab');
    await criteria.getByRole('spinbutton', { name: 'Cost weight' }).fill('70');
    await criteria.getByRole('spinbutton', { name: 'Cost weight' }).press('Tab');
    await criteria.getByRole('combobox', { name: 'Cost direction' }).selectOption('cost');
    await criteria.getByRole('combobox', { name: 'Cost scale' }).selectOption('money');
    await criteria.getByRole('spinbutton', { name: 'Cost most' }).fill('500000');
    await criteria.getByRole('spinbutton', { name: 'Cost most' }).press('Tab');

    await setNumber(page, 'Strategy fit', 10);
    await setNumber(page, 'Cost', 100000);
    // 30% × 1 + 70% × (1 − 0.2) = 0.86.
    await expect(
      inspector(page).getByText('Weighted = 100 × (30% × 1 + 70% × (1 − 0.2)) = 86', { exact: true }),
    ).toBeVisible();

    // Another initiative never changes this one's score (fixed scales, not the largest value).
    await app.newInitiative('Data catalog');
    await setNumber(page, 'Strategy fit', 4);
    await setNumber(page, 'Cost', 490000);
    await expect.poll(() => rankedRows(page)).toEqual([
      ['1', 'Lakehouse', '86', 'Weighted = 100 × (30% × 1 + 70% × (1 − 0.2)) = 86'],
      ['2', 'Data catalog', '11.4', 'Weighted = 100 × (30% × 0.33 + 70% × (1 − 0.98)) = 11.4'],
    ]);
  });

  test('the grid can take its axes from the framework, with the mapping stated, as one undo step', async ({ page }) => {
    await app.newInitiative('Lakehouse');
    await frameworkSelect(page).selectOption({ label: 'ICE' });
    await setNumber(page, 'ICE impact', 10);
    await setNumber(page, 'ICE confidence', 10);
    await setNumber(page, 'Ease', 10);
    await expect(app.grid.card('Lakehouse')).toHaveAccessibleName(/^Lakehouse, effort 5\.5, impact 5\.5,/);
    const axes = priority(page).getByRole('checkbox', { name: 'Grid axes from the framework', exact: true });
    await expect(priority(page).getByText(/^Impact: ICE impact × confidence, 1 at 1 and 10 at 100\. Effort: 11 − ease\./)).toBeVisible();
    await axes.check();
    await expect(app.grid.card('Lakehouse')).toHaveAccessibleName(/^Lakehouse, effort 1\.0, impact 10\.0, Quick wins/);
    // While it follows, an input moves the mark with it.
    await setNumber(page, 'Ease', 1);
    await expect(app.grid.card('Lakehouse')).toHaveAccessibleName(/^Lakehouse, effort 10\.0, impact 10\.0,/);
    await app.undoButton.click();
    await app.undoButton.click();
    await expect(axes).not.toBeChecked();
    await expect(app.grid.card('Lakehouse')).toHaveAccessibleName(/^Lakehouse, effort 5\.5, impact 5\.5,/);
  });

  test('a roadmap with frameworks, criteria and ranges exports and imports back byte for byte', async ({ page }) => {
    await app.newInitiative('Lakehouse');
    await frameworkSelect(page).selectOption({ label: 'RICE' });
    await setNumber(page, 'Reach', 2000);
    await setNumber(page, 'Reach low', 1500);
    await setNumber(page, 'Reach high', 4000);
    await inspector(page).getByRole('combobox', { name: 'Confidence', exact: true }).selectOption({ label: '50%' });
    const first = await exportJson(page);
    const data = JSON.parse(first.text);
    expect(data.framework).toBe('rice');
    expect(data.initiatives[0].rice).toEqual({ reach: { low: 1500, likely: 2000, high: 4000 }, confidence: 50 });
    expect(schemaErrors(data)).toEqual([]);

    await importByPicker(page, 'again.json', first.text);
    await answerImport(page, data.name, 'Replace current roadmap');
    await expect(frameworkSelect(page)).toHaveValue('rice');
    const second = await exportJson(page);
    expect(second.text).toBe(first.text);
  });
});

/** A RICE roadmap: Lakehouse's wide reach straddles Data catalog's narrow one; Archive trails. */
function closeCall() {
  const base = fixture();
  const template = base.initiatives[0];
  const initiative = (id, title, reach) => ({
    ...template,
    id,
    title,
    phase: null,
    dependencies: [],
    due: null,
    origin: null,
    rice: { reach, impact: 2, confidence: 80, effort: 2 },
  });
  return {
    ...base,
    name: 'Close call',
    framework: 'rice',
    initiatives: [
      initiative('i1', 'Lakehouse', { low: 300, likely: 1100, high: 1500 }),
      initiative('i2', 'Data catalog', { low: 900, likely: 1000, high: 1100 }),
      initiative('i3', 'Archive', 20),
    ],
  };
}

test.describe('rank stability', () => {
  test('overlapping ranges are flagged too close to call, with the estimate that would settle each', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await importByPicker(page, 'close.json', JSON.stringify(closeCall()));
    await answerImport(page, 'Close call', 'Replace current roadmap');
    const region = page.getByRole('region', { name: 'Rank stability' });
    await region.scrollIntoViewIfNeeded();
    const topK = region.getByRole('spinbutton', { name: 'Top K', exact: true });
    await topK.fill('1');
    await topK.press('Tab');
    await expect(region.getByRole('img', { name: 'Rank stability chart', exact: true })).toBeVisible();
    const table = region.getByRole('table', { name: 'Rank intervals' });
    await expect(table.getByRole('row', { name: /^Lakehouse 1 1–2 \d+ % too close to call$/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /^Data catalog 2 1–2 \d+ % too close to call$/ })).toBeVisible();
    await expect(table.getByRole('row', { name: 'Archive 3 3 0 %', exact: true })).toBeVisible();
    const notes = region.getByRole('group', { name: 'Close calls' }).getByRole('listitem');
    await expect(notes).toHaveCount(2);
    await expect(notes.first()).toHaveText(
      /^Lakehouse is too close to call: \d+ % chance of the top 1; narrowing its Reach to its likely value would settle it most \(100 % then\)\.$/,
    );

    // The tornado of the selected initiative: Reach moves Lakehouse from rank 2 to rank 1.
    await page.getByRole('region', { name: 'Priority' }).getByRole('button', { name: 'Lakehouse', exact: true }).click();
    const tornado = region.getByRole('table', { name: "What moves Lakehouse's rank most" });
    await expect(tornado.getByRole('row', { name: 'Reach 300–1,100–1,500 2 1', exact: true })).toBeVisible();

    // Exact estimates leave nothing too close to call.
    await topK.fill('2');
    await topK.press('Tab');
    await expect(region.getByText('No close calls: every initiative is in or out of the top 2 in at least 80 % of the draws.')).toBeVisible();
  });
});
