// Bring your backlog (DESIGN.md "Bring your backlog", issue 18): CSV and TSV tables imported
// through the Map columns dialog, by file picker, drop and paste, with presets recognised from
// the header row, stated value rules, per-row reasons, and Stackplan's own CSV round-tripping.
const { test, expect } = require('./support/test');
const AxeBuilder = require('@axe-core/playwright').default;
const { Planner } = require('./support/planner');
const { exportCsv, importByDrop, importByPaste, roadmapSwitcher } = require('./support/files');

function mapColumns(page) {
  return page.getByRole('dialog', { name: 'Map columns' });
}

function importCsvInput(page) {
  return page.getByLabel('Import CSV', { exact: true });
}

async function chooseCsv(page, name, content) {
  await importCsvInput(page).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
  });
}

/** The column a field's select has chosen, by its visible option text. */
function chosenColumn(dialog, field) {
  return dialog.getByRole('combobox', { name: `${field} column`, exact: true }).locator('option:checked');
}

/** The titles on the board, read from the marks' accessible names. */
async function boardTitles(app) {
  const names = await app.grid.plot.locator('.mark').evaluateAll((marks) => marks.map((m) => m.getAttribute('aria-label')));
  return names.map((name) => name.split(', effort')[0]).sort();
}

// A Jira export as Jira writes it: repeated "Labels" and "Sprint" columns, custom fields,
// dates such as 25/Feb/26 10:17 PM, a row with no summary, and blank trailing rows.
const JIRA = [
  'Summary,Issue key,Issue id,Status,Priority,Labels,Labels,Sprint,Sprint,Due date,Custom field (Impact),Custom field (Effort),Description',
  'Churn model,DATA-1,10001,Next,High,ml,retention,S1,S2,25/Feb/26 10:17 PM,9,3,"Predict who leaves, and why"',
  'Lakehouse,DATA-2,10002,Now,Highest,platform,,S1,,03/Mar/26 9:00 AM,7,8,',
  ',DATA-3,10003,Now,Low,,,,,,2,2,no summary here',
  'Data catalog,DATA-4,10004,Later,Low,governance,,,,,4,2,',
  '',
  ',,,,,,,,,,,,',
  '',
].join('\r\n');

test.describe('Import CSV', () => {
  test('a Jira export with repeated columns is recognised, mapped and imported as a new roadmap', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await chooseCsv(page, 'jira-export.csv', JIRA);
    const dialog = mapColumns(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: 'Title column', exact: true })).toBeFocused();
    await expect(dialog).toContainText('recognised as a Jira export');
    await expect(chosenColumn(dialog, 'Title')).toHaveText('Summary');
    await expect(chosenColumn(dialog, 'Impact')).toHaveText('Custom field (Impact)');
    await expect(chosenColumn(dialog, 'Effort')).toHaveText('Custom field (Effort)');
    await expect(chosenColumn(dialog, 'Due date')).toHaveText('Due date');
    await expect(dialog.locator('#map-columns-summary')).toContainText('4 rows → 3 initiatives; 1 skipped: row 4 has no title.');
    await expect(dialog.getByRole('combobox', { name: 'Due date format' }).locator('option:checked')).toHaveText(/^Jira/);
    await expect(dialog.getByRole('combobox', { name: 'Urgency for “Highest”' }).locator('option:checked')).toHaveText('Critical');

    await dialog.getByRole('checkbox', { name: 'Create missing phases' }).check();
    await dialog.getByRole('button', { name: 'Import as new roadmap', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(roadmapSwitcher(page).locator('option:checked')).toHaveText('jira-export');
    expect(await boardTitles(app)).toEqual(['Churn model', 'Data catalog', 'Lakehouse']);
    await expect(app.grid.card('Churn model')).toHaveAccessibleName(/effort 3\.0, impact 9\.0/);
    await app.selectCard('Churn model');
    await expect(app.inspector.dueDate).toHaveValue('2026-02-25');
    await expect(app.inspector.urgency.locator('option:checked')).toHaveText('High');
    await expect(app.inspector.selectedPhase()).toHaveText('Next');
    await expect(app.inspector.region.getByRole('textbox', { name: 'Tags' })).toHaveValue('ml, retention');
    expect(await app.phases.names()).toEqual(['Next', 'Now', 'Later']);
  });

  test('a ;-separated Excel export, dropped on the page, is added to the open roadmap as one undo step', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await app.newInitiative('Existing work', { effort: 5, impact: 5 });
    const excel = '\uFEFFTitle;Effort;Impact;Owner\r\n"Sales dashboard; EMEA";2,5;8;Ana\r\n"Two-line\r\ntitle";6;4,5;Bo\r\n';
    await importByDrop(page, 'excel.csv', excel);
    const dialog = mapColumns(page);
    await expect(dialog).toContainText('read as semicolon-separated');
    await expect(dialog.locator('#map-columns-summary')).toContainText('2 rows → 2 initiatives.');
    await expect(dialog.getByRole('cell', { name: '2.5', exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Add to this roadmap', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(app.grid.card('Sales dashboard; EMEA')).toHaveAccessibleName(/effort 2\.5, impact 8\.0/);
    await expect(app.grid.card('Two-line title')).toBeVisible();
    await expect(app.grid.card('Existing work')).toBeVisible();
    await app.undoButton.click();
    await expect(app.grid.card('Sales dashboard; EMEA')).toHaveCount(0);
    await expect(app.grid.card('Existing work')).toBeVisible();
  });

  test('three rows pasted from a spreadsheet become three initiatives', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await importByPaste(page, 'Name\tEffort\tImpact\nAudit log\t2\t9\nFeature store\t7\t6\n=SUM(A1)\t4\t4\n');
    const dialog = mapColumns(page);
    await expect(dialog).toContainText('The pasted cells: 3 rows in 3 columns, read as tab-separated');
    await expect(dialog.getByRole('checkbox', { name: 'Row 1 names the columns' })).toBeChecked();
    await dialog.getByRole('button', { name: 'Add to this roadmap', exact: true }).click();
    expect(await boardTitles(app)).toEqual(['=SUM(A1)', 'Audit log', 'Feature store']);
  });

  test('rows pasted without a header row are all read as rows, and the first column of words is the title', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await importByPaste(page, '2\tAudit log\t9\n7\tFeature store\t6\n4\tChurn model\t4\n');
    const dialog = mapColumns(page);
    const header = dialog.getByRole('checkbox', { name: 'Row 1 names the columns' });
    await expect(header).not.toBeChecked();
    await expect(chosenColumn(dialog, 'Title')).toHaveText('Column B');
    await expect(dialog.locator('#map-columns-summary')).toContainText('3 rows → 3 initiatives.');
    await dialog.getByRole('combobox', { name: 'Effort column', exact: true }).selectOption({ label: 'Column A' });
    await dialog.getByRole('combobox', { name: 'Impact column', exact: true }).selectOption({ label: 'Column C' });
    // Read with row 1 as names, the same cells give one row fewer, and the chosen columns stay.
    await header.check();
    await expect(dialog.locator('#map-columns-summary')).toContainText('2 rows →');
    await expect(chosenColumn(dialog, 'Effort')).toHaveText('2');
    await header.uncheck();
    await expect(dialog.locator('#map-columns-summary')).toContainText('3 rows → 3 initiatives.');
    await expect(chosenColumn(dialog, 'Effort')).toHaveText('Column A');
    await expect(chosenColumn(dialog, 'Impact')).toHaveText('Column C');
    await dialog.getByRole('button', { name: 'Add to this roadmap', exact: true }).click();
    await expect(app.grid.card('Audit log')).toHaveAccessibleName(/effort 2\.0, impact 9\.0/);
    expect(await boardTitles(app)).toEqual(['Audit log', 'Churn model', 'Feature store']);
  });

  test("Stackplan's own CSV round-trips: export, import as new, export again gives the same file", async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await app.newInitiative('Customer 360, pilot', { effort: 3, impact: 8.5, urgency: 'high', due: '2027-03-31', phase: 'Phase 1' });
    await app.newInitiative('Say "hello" =1+1', { effort: 9, impact: 2, quickWin: true, phase: 'Phase 2' });
    await app.inspector.region.getByRole('textbox', { name: 'Tags' }).fill('exec; crm');
    await app.newInitiative('Unphased idea', { effort: 1, impact: 1 });
    const first = await exportCsv(page);
    await chooseCsv(page, first.name, first.text);
    const dialog = mapColumns(page);
    await expect(dialog).toContainText('recognised as a Stackplan CSV export');
    await dialog.getByRole('button', { name: 'Import as new roadmap', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(app.grid.card('Customer 360, pilot')).toBeVisible();
    const second = await exportCsv(page);
    expect(second.text).toBe(first.text);
  });

  test('the mapping chosen for a header row is proposed again for the next file with it', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    const csv = 'Title,Owner,Effort\r\nBackfill,Ana,3\r\n';
    await chooseCsv(page, 'one.csv', csv);
    let dialog = mapColumns(page);
    await expect(chosenColumn(dialog, 'Owner')).toHaveText('Owner');
    await dialog.getByRole('combobox', { name: 'Owner column', exact: true }).selectOption({ label: 'Not imported' });
    await dialog.getByRole('button', { name: 'Add to this roadmap', exact: true }).click();
    await expect(dialog).toBeHidden();
    await chooseCsv(page, 'two.csv', csv);
    dialog = mapColumns(page);
    await expect(chosenColumn(dialog, 'Owner')).toHaveText('Not imported');
    await expect(chosenColumn(dialog, 'Title')).toHaveText('Title');
  });

  test('the dialog has no accessibility violations, and Escape leaves the roadmap as it was', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await chooseCsv(page, 'jira-export.csv', JIRA);
    const dialog = mapColumns(page);
    await expect(dialog).toBeVisible();
    const results = await new AxeBuilder({ page })
      .setLegacyMode(true)
      .include('.dialog.map-columns')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .options({ resultTypes: ['violations'] })
      .analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(app.grid.plot.locator('.mark')).toHaveCount(0);
  });

  test('files that are not tables are refused with a reason, and the roadmap stays as it was', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await app.newInitiative('Keep me', { effort: 4, impact: 6 });
    const alert = page.getByRole('alert');
    await chooseCsv(page, 'picture.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
    await expect(alert).toContainText('“picture.csv” was not imported; your roadmap is unchanged');
    await expect(alert).toContainText('binary');
    await chooseCsv(page, 'open-quote.csv', 'Title,Effort\r\nOne,2\r\n"Two, and never closed,3\r\nThree,4\r\n');
    await expect(alert).toContainText('“open-quote.csv” was not imported');
    await expect(alert).toContainText('line 3');
    await chooseCsv(page, 'empty.csv', '\r\n\r\n');
    await expect(alert).toContainText('“empty.csv” was not imported');
    await expect(mapColumns(page)).toBeHidden();
    expect(await boardTitles(app)).toEqual(['Keep me']);
  });
});
