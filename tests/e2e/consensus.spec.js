// Consensus without a server: three participants' exported copies merged; per initiative
// everyone's scores, the median and range, the most disputed first; the median applied as one
// undoable step and checked by Export JSON. Files that do not match are named and left out.
const { test, expect } = require('./support/test');
const AxeBuilder = require('@axe-core/playwright').default;
const { Planner } = require('./support/planner');
const { answerImport, exportJson, fixture, fixtureText, importByPicker } = require('./support/files');

/** The fixture with (effort, impact) of Data Lake (i1) and IAC (i2) as one participant scored them. */
function participant(lake, iac) {
  const file = fixture();
  Object.assign(file.initiatives[0], { effort: lake[0], impact: lake[1] });
  Object.assign(file.initiatives[1], { effort: iac[0], impact: iac[1] });
  return JSON.stringify(file, null, 2);
}

function file(name, text) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

test('three participants merged: their scores, the median, the most disputed first; Apply sets the median', async ({ page }) => {
  const app = new Planner(page);
  await app.goto();
  await importByPicker(page, 'roadmap.json', fixtureText());
  await answerImport(page, 'Data platform 2027', 'Replace current roadmap');

  const other = fixture();
  other.initiatives = other.initiatives.map((initiative) => ({ ...initiative, id: `x${initiative.id}`, dependencies: [] }));
  await page.getByLabel('Merge scores', { exact: true }).setInputFiles([
    file('Sam.stackplan.json', participant([3, 8], [3, 7.2])),
    file('Dana.stackplan.json', participant([7, 9], [3, 7])),
    file('Priya.stackplan.json', participant([8, 2], [4, 7.2])),
    file('other.stackplan.json', JSON.stringify(other)),
    file('broken.json', '{"format": "stackplan.roadmap", "version": 1, '),
  ]);

  const region = page.getByRole('region', { name: 'Consensus' });
  await expect(region).toBeVisible();
  await expect(region).toContainText('3 participants: Dana, Priya, Sam. 6 initiatives merged, most disputed first.');
  await expect(region.getByText('⚠ “other.stackplan.json” was left out: it shares no initiative with this roadmap (it is another roadmap)')).toBeVisible();
  await expect(region.getByText(/^⚠ “broken\.json” was left out: it is not a roadmap Stackplan can open\./)).toBeVisible();

  const table = region.getByRole('table', { name: 'Scores per participant (E effort · I impact)' });
  const rows = table.getByRole('row');
  // Header, then Data Lake (range 5 + 7 = 12), then IAC (1 + 0.2 = 1.2), then the agreed four.
  await expect(rows).toHaveCount(1 + 6);
  await expect(rows.nth(1)).toHaveAccessibleName(/^Data Lake E 7\.0 · I 9\.0 E 8\.0 · I 2\.0 E 3\.0 · I 8\.0 E 7\.0 · I 8\.0 E 3\.0–8\.0 · I 2\.0–9\.0 12 /);
  await expect(rows.nth(2)).toHaveAccessibleName(/^Infrastructure as code E 3\.0 · I 7\.0 E 4\.0 · I 7\.2 E 3\.0 · I 7\.2 E 3\.0 · I 7\.2 E 3\.0–4\.0 · I 7\.0–7\.2 1\.2 /);
  await expect(rows.nth(3)).toHaveAccessibleName(/ 0 /);

  // The region passes axe-core's checks too.
  const axe = await new AxeBuilder({ page }).include('.consensus').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  // Keep Sam's scores for IAC, the median for the rest.
  await region.getByRole('combobox', { name: 'Keep for Infrastructure as code' }).selectOption({ label: "Sam's scores" });
  await region.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(region).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'The merged scores of 6 initiatives were applied.' })).toBeVisible();

  const exported = JSON.parse((await exportJson(page)).text);
  expect(exported.initiatives[0]).toMatchObject({ title: 'Data Lake', effort: 7, impact: 8 });
  expect(exported.initiatives[1]).toMatchObject({ title: 'Infrastructure as code', effort: 3, impact: 7.2 });

  // One Undo brings back every score.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  const undone = JSON.parse((await exportJson(page)).text);
  expect(undone.initiatives[0]).toMatchObject({ effort: 7.5, impact: 9 });
});

test('Keep for all picks one participant for every initiative, and Close changes nothing', async ({ page }) => {
  const app = new Planner(page);
  await app.goto();
  await importByPicker(page, 'roadmap.json', fixtureText());
  await answerImport(page, 'Data platform 2027', 'Replace current roadmap');
  await page.getByLabel('Merge scores', { exact: true }).setInputFiles([
    file('Sam.json', participant([3, 8], [3, 7.2])),
    file('Dana.json', participant([7, 9], [3, 7])),
  ]);
  const region = page.getByRole('region', { name: 'Consensus' });
  await region.getByRole('combobox', { name: 'Keep for all' }).selectOption({ label: "Dana's scores" });
  await expect(region.getByRole('combobox', { name: 'Keep for Data Lake' }).locator('option:checked')).toHaveText("Dana's scores");
  await region.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(region).toHaveCount(0);
  const exported = JSON.parse((await exportJson(page)).text);
  expect(exported.initiatives[0]).toMatchObject({ effort: 7.5, impact: 9 });
});
