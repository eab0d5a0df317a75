// Handing the roadmap around: the Markdown export (phases in order, unphased, a table of all,
// user text escaped) and the printout (grid, phases and a table of all; no toolbar or catalog).
const { test, expect } = require('./support/test');
const { Planner } = require('./support/planner');
const { answerImport, download, fixture, importByPicker } = require('./support/files');

const HOSTILE = '<b>Bold?</b> *not emphasis* [not a link](x) | bar';

async function openFixture(page) {
  const file = fixture();
  // One title that looks like HTML and Markdown: it must come out as the literal text.
  file.initiatives[5].title = HOSTILE;
  await importByPicker(page, 'roadmap.json', JSON.stringify(file));
  await answerImport(page, 'Data platform 2027', 'Replace current roadmap');
}

test('Export Markdown writes the phases in order, the unphased, and a table of all initiatives', async ({ page }) => {
  const app = new Planner(page);
  await app.goto();
  await openFixture(page);
  const file = await download(page, page.getByRole('button', { name: 'Export Markdown', exact: true }));
  expect(file.name).toBe('Data-platform-2027.md');
  const text = file.text;
  const headings = text.split('\n').filter((line) => line.startsWith('#'));
  expect(headings).toEqual([
    '# Data platform 2027',
    '## Foundations (Q1–Q2)',
    '## Scale',
    '## Optimise',
    '## Unphased',
    '## All initiatives',
  ]);
  const foundations = text.slice(text.indexOf('## Foundations'), text.indexOf('## Scale'));
  expect(foundations).toContain('2 initiatives · effort 10.5 of 20');
  expect(foundations).toContain('- **Data Lake** — effort 7.5 · impact 9.0 · urgency high · due 2027-06-30 · owner Dana Okafor');
  expect(foundations).toContain(
    '- **Infrastructure as code** — effort 3.0 · impact 7.2 · urgency critical · due 2027-02-28 · ★ quick win · owner Sam Lee',
  );
  const unphased = text.slice(text.indexOf('## Unphased'), text.indexOf('## All initiatives'));
  expect(unphased).toContain(
    '- **\\<b>Bold?\\</b> \\*not emphasis\\* \\[not a link\\](x) \\| bar** — effort 9.0 · impact 1.5',
  );
  const table = text.slice(text.indexOf('## All initiatives')).split('\n').filter((line) => line.startsWith('|'));
  expect(table[0]).toBe('| Initiative | Effort | Impact | Quadrant | Urgency | Due | Quick win | Phase | Owner |');
  // The header, its separator and one row per initiative.
  expect(table).toHaveLength(2 + 6);
  expect(table).toContain('| Data Catalog | 4.0 | 6.5 | Quick wins | medium |  |  | Scale | Dana Okafor |');
});

test('the print view shows the grid, the phases and a table of all initiatives, without toolbar or catalog', async ({ page }) => {
  const app = new Planner(page);
  await app.goto();
  await openFixture(page);
  const table = page.getByRole('table', { name: 'All initiatives' });
  await expect(table).toHaveCount(0);

  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.getByRole('button', { name: 'New initiative', exact: true })).toBeHidden();
  await expect(app.catalog.tree).toBeHidden();
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Insight' })).toBeHidden();
  await expect(app.grid.card('Data Lake')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Phases' })).toBeVisible();
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(1 + 6);
  await expect(
    table.getByRole('row', { name: 'Infrastructure as code 3.0 7.2 Quick wins Critical 2027-02-28 ★ Quick win Foundations (Q1–Q2) Sam Lee', exact: true }),
  ).toBeVisible();
  await expect(table.getByRole('rowheader', { name: HOSTILE, exact: true })).toBeVisible();
  // Light paper even when the screen is dark.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await page.screenshot({ path: 'test-results/screens/print.png', fullPage: true });

  await page.emulateMedia({ media: 'screen' });
  await expect(table).toHaveCount(0);
  await expect(app.catalog.tree).toBeVisible();
});
