// Accessibility: axe-core finds no violation in the main views, in light and dark mode, with
// dialogs open (DESIGN section 5 names the roles these rely on).
const { test, expect } = require('./support/test');
const AxeBuilder = require('@axe-core/playwright').default;
const { Planner } = require('./support/planner');
const { answerImport, fixtureText, importByPicker, importDialog } = require('./support/files');

/**
 * axe's violations, each as "rule: target …" lines, so a failure says what and where.
 *
 * Two settings make a run about twice as fast and check exactly as much:
 * - legacy mode runs axe in the page itself; the default also opens a blank page in which to
 *   merge the results of cross-origin frames, and the app has no frames at all (checked here,
 *   so that one appearing brings this choice back up);
 * - resultTypes: ['violations'] stops axe from collecting every passing, incomplete and
 *   inapplicable node, which nothing here reads; violations are reported in full.
 */
async function violations(page) {
  expect(await page.locator('iframe, frame').count(), 'axe runs in legacy mode, which does not reach into cross-origin frames').toBe(0);
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(' | ')}`,
  );
}

async function openFixture(page) {
  await importByPicker(page, 'roadmap.json', fixtureText());
  await answerImport(page, 'Data platform 2027', 'Replace current roadmap');
}

for (const scheme of ['light', 'dark']) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    test('the empty board has no violations', async ({ page }) => {
      await new Planner(page).goto();
      expect(await violations(page)).toEqual([]);
    });

    test('a roadmap with a selected initiative, open tables and the catalog expanded has no violations', async ({ page }) => {
      const app = new Planner(page);
      await app.goto();
      await openFixture(page);
      await app.selectCard('Data Lake');
      await app.catalog.expand('Modern Stacks');
      await app.showInsight();
      await page.getByText('Effort vs impact as a table').click();
      expect(await violations(page)).toEqual([]);
    });

    // One test per dialog, each from a fresh page with the fixture open: axe runs once per test,
    // and the three together took 35 s of a 30 s timeout in one test on two cores.
    test('the import preview has no violations', async ({ page }) => {
      await new Planner(page).goto();
      await openFixture(page);
      await importByPicker(page, 'roadmap.json', fixtureText());
      await expect(importDialog(page, 'Data platform 2027')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('a confirmation has no violations', async ({ page }) => {
      await new Planner(page).goto();
      await openFixture(page);
      await page.getByRole('button', { name: 'Delete Scale', exact: true }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('the suggested phases have no violations', async ({ page }) => {
      await new Planner(page).goto();
      await openFixture(page);
      await page.getByRole('button', { name: 'Suggest phases' }).click();
      await expect(page.getByRole('dialog', { name: 'Suggested phases' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('dated phases, the open Set dates… and a refused date have no violations', async ({ page }) => {
      await new Planner(page).goto();
      await openFixture(page);
      const phases = page.getByRole('region', { name: 'Phases' });
      await phases.getByRole('button', { name: 'Set dates…', exact: true }).click();
      const setDates = phases.getByRole('group', { name: 'Set phase dates', exact: true });
      await setDates.getByLabel('Dates from', { exact: true }).fill('2027-01-01');
      await setDates.getByRole('button', { name: 'Set quarters', exact: true }).click();
      await page.getByLabel('Scale end', { exact: true }).fill('2027-01-01');
      await expect(page.getByRole('alert')).toContainText('the end 2027-01-01 is before the start 2027-04-01');
      await phases.getByRole('button', { name: 'Set dates…', exact: true }).click();
      await expect(setDates).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the stacked panels, the open toolbar menu and a card\'s Move to… have no violations', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await openFixture(page);
    await app.grid.card('Data Lake').tap();
    await expect(app.grid.region.getByRole('combobox', { name: 'Move Data Lake to…' })).toBeVisible();
    await page.getByRole('button', { name: '☰ Menu', exact: true }).tap();
    expect(await violations(page)).toEqual([]);
  });
});
