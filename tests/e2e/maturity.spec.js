// The data-maturity audit: ten labelled 0–5 scores with their meaning, a chart and a table of
// the same numbers, saved with the roadmap (reload, Export JSON, import) and undoable.
const { test, expect } = require('./support/test');
const { Planner, canvasPixels, waitForSave } = require('./support/planner');
const { answerImport, exportJson, importByPicker, schemaErrors } = require('./support/files');

const ASPECTS = [
  'Descriptive',
  'Diagnostic',
  'Predictive',
  'Prescriptive',
  'Infrastructure',
  'Processes',
  'KPIs & metrics',
  'Team and talent',
  'Budget and resources',
  'Culture',
];

function audit(page) {
  return page.getByRole('region', { name: 'Data maturity' });
}

function score(page, aspect) {
  return audit(page).getByRole('spinbutton', { name: aspect, exact: false }).first();
}

/** Types a score into an aspect's input and leaves it (the change is taken on leaving). */
async function setScore(page, aspect, value) {
  const input = audit(page).getByLabel(aspect, { exact: false }).first();
  await input.fill(String(value));
  await input.press('Tab');
}

function chartPixels(page) {
  return canvasPixels(audit(page).getByRole('img', { name: 'Data maturity chart', exact: true }));
}

test.describe('Data maturity audit', () => {
  let app;

  test.beforeEach(async ({ page }) => {
    app = new Planner(page);
    await app.goto();
    await app.showInsight();
  });

  test('has a labelled 0–5 input per level and dimension, each with the meaning of its score', async ({ page }) => {
    const region = audit(page);
    await expect(region).toBeVisible();
    // The Data maturity region sits inside Insight, with the other charts.
    await expect(page.getByRole('region', { name: 'Insight' }).getByRole('region', { name: 'Data maturity' })).toBeVisible();
    await expect(region.getByRole('spinbutton')).toHaveCount(ASPECTS.length);
    for (const aspect of ASPECTS) {
      const input = region.getByLabel(aspect, { exact: false }).first();
      await expect(input).toHaveAttribute('min', '0');
      await expect(input).toHaveAttribute('max', '5');
      await expect(input).toHaveValue('');
      await expect(input).toHaveAccessibleDescription(/^Not scored yet/);
    }
    // The scale: one line per step.
    await expect(region.getByRole('list', { name: 'The scale' }).getByRole('listitem')).toHaveCount(6);
    await expect(region.getByRole('listitem').filter({ hasText: 'Defined: documented and shared' })).toHaveText(/^3/);

    await setScore(page, 'Predictive', 3);
    await expect(score(page, 'Predictive')).toHaveValue('3');
    await expect(score(page, 'Predictive')).toHaveAccessibleDescription(
      /^Defined: documented and shared across the organization/,
    );
  });

  test('the chart is drawn, redraws on a score, and its table holds the same numbers', async ({ page }) => {
    const region = audit(page);
    // Drawn once it scrolls into view.
    await region.getByRole('img', { name: 'Data maturity chart', exact: true }).scrollIntoViewIfNeeded();
    await expect.poll(async () => (await chartPixels(page)).inked).toBeGreaterThan(2_000);
    const before = await chartPixels(page);
    expect(before.sharp).toBe(true);
    const table = region.getByRole('table', { name: 'Data maturity' });
    await expect(table.getByRole('row', { name: 'Culture Dimension — Not scored yet', exact: true })).toBeVisible();

    await setScore(page, 'Culture', 4);
    await expect(
      table.getByRole('row', {
        name: 'Culture Dimension 4 Managed: measured and improved against targets',
        exact: true,
      }),
    ).toBeVisible();
    await expect.poll(async () => (await chartPixels(page)).digest).not.toBe(before.digest);
    await expect(table.getByRole('row')).toHaveCount(ASPECTS.length + 1);
  });

  test('a score off the scale is refused with a message and the saved score stays', async ({ page }) => {
    await setScore(page, 'Team and talent', 2);
    await setScore(page, 'Team and talent', 7);
    await expect(audit(page).getByRole('alert')).toHaveText('Team and talent: Enter a whole number from 0 to 5, or leave it empty.');
    await expect(score(page, 'Team and talent')).toHaveAttribute('aria-invalid', 'true');
    const table = audit(page).getByRole('table', { name: 'Data maturity' });
    await expect(table.getByRole('row', { name: /^Team and talent Dimension 2 Repeatable/ })).toBeVisible();
    // A good score clears the message; an empty input clears the score.
    await setScore(page, 'Team and talent', 5);
    await expect(audit(page).getByRole('alert')).toBeHidden();
    await expect(table.getByRole('row', { name: /^Team and talent Dimension 5 Optimized/ })).toBeVisible();
    await setScore(page, 'Team and talent', '');
    await expect(table.getByRole('row', { name: 'Team and talent Dimension — Not scored yet', exact: true })).toBeVisible();
  });

  test('a score is one undo step', async ({ page }) => {
    await setScore(page, 'Diagnostic', 1);
    await setScore(page, 'Diagnostic', 4);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(score(page, 'Diagnostic')).toHaveValue('1');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(score(page, 'Diagnostic')).toHaveValue('');
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect(score(page, 'Diagnostic')).toHaveValue('1');
  });

  test('scores survive a reload and an export/import round trip', async ({ page, browser }) => {
    await setScore(page, 'Descriptive', 4);
    await setScore(page, 'KPIs & metrics', 0);
    await setScore(page, 'Culture', 2);
    await waitForSave(page, (roadmap) => roadmap.maturity && roadmap.maturity.culture === 2);
    await page.reload();
    await app.showInsight();
    await expect(score(page, 'Descriptive')).toHaveValue('4');
    await expect(score(page, 'KPIs & metrics')).toHaveValue('0');
    await expect(score(page, 'Culture')).toHaveValue('2');
    await expect(score(page, 'Processes')).toHaveValue('');

    const file = await exportJson(page);
    const data = JSON.parse(file.text);
    expect(data.maturity).toEqual({ descriptive: 4, kpis: 0, culture: 2 });
    expect(Object.keys(data).slice(0, 5)).toEqual(['format', 'version', 'name', 'quadrant_split', 'maturity']);
    expect(schemaErrors(data)).toEqual([]);

    // Another browser profile opens the file with the same audit.
    const other = await browser.newContext();
    const elsewhere = await other.newPage();
    await new Planner(elsewhere).goto();
    await importByPicker(elsewhere, file.name, file.text);
    await answerImport(elsewhere, 'My roadmap', 'Replace current roadmap');
    await new Planner(elsewhere).showInsight();
    await expect(score(elsewhere, 'Descriptive')).toHaveValue('4');
    await expect(score(elsewhere, 'KPIs & metrics')).toHaveValue('0');
    await expect(score(elsewhere, 'Culture')).toHaveValue('2');
    const again = await exportJson(elsewhere);
    expect(again.text).toBe(file.text);
    await other.close();
  });

  test('a roadmap never audited exports no maturity field', async ({ page }) => {
    const file = await exportJson(page);
    expect(JSON.parse(file.text)).not.toHaveProperty('maturity');
  });
});
