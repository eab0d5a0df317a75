// Catalog: the "Modern Stacks" outline as a searchable, collapsible tree; nodes become initiatives.
const { test, expect } = require('./support/test');
const { Planner } = require('./support/planner');

const STORAGE = 'Data Storage - Amazon S3, Hadoop HDFS, Snowflake, Amazon Redshift';

test.describe('catalog', () => {
  let app;
  test.beforeEach(async ({ page }) => {
    app = new Planner(page);
    await app.goto();
  });

  test('shows the outline with depth 1 and 2 expanded, deeper levels collapsed', async () => {
    const { catalog } = app;
    for (const name of ['Modern Stacks', 'Data', 'MLOps', 'Cloud', 'ML']) {
      await expect(catalog.item(name)).toBeVisible();
    }
    for (const name of ['Modern Stacks', 'Data', 'MLOps', 'Cloud']) {
      await expect(catalog.item(name)).toHaveAttribute('aria-expanded', 'true');
    }
    await expect(catalog.item('Data Tech Stack')).toBeVisible();
    await expect(catalog.item('Data Tech Stack')).toHaveAttribute('aria-expanded', 'false');
    await expect(catalog.item(STORAGE)).toBeHidden();
    // A leaf has no expanded state.
    await expect(catalog.item('Infrastructure Planning')).toBeVisible();
    await expect(catalog.item('Infrastructure Planning')).not.toHaveAttribute('aria-expanded', /.*/);
  });

  test('shows topic and tools of a heading', async () => {
    await app.catalog.expand('Data Tech Stack');
    const item = app.catalog.item(STORAGE);
    await expect(item).toBeVisible();
    await expect(item.getByText('Data Storage', { exact: true })).toBeVisible();
    for (const tool of ['Amazon S3', 'Hadoop HDFS', 'Snowflake', 'Amazon Redshift']) {
      await expect(item.getByText(tool, { exact: true })).toBeVisible();
    }
  });

  test('click selects; ArrowRight/ArrowLeft expand and collapse; ArrowUp/ArrowDown move focus', async ({ page }) => {
    const { catalog } = app;
    const stack = await catalog.select('Data Tech Stack');
    await expect(stack).toBeFocused();
    await expect(stack).toHaveAttribute('aria-expanded', 'false');

    await page.keyboard.press('ArrowRight');
    await expect(stack).toHaveAttribute('aria-expanded', 'true');
    await expect(catalog.item(STORAGE)).toBeVisible();

    await page.keyboard.press('ArrowLeft');
    await expect(stack).toHaveAttribute('aria-expanded', 'false');
    await expect(catalog.item(STORAGE)).toBeHidden();

    // "Data" is expanded: its first child follows it.
    const data = await catalog.select('Data');
    await page.keyboard.press('ArrowDown');
    await expect(catalog.item('Data Stack (Higher Level Picture)')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(data).toBeFocused();

    // Clicking another item moves the selection.
    await catalog.select('Cloud Platform');
    await expect(data).not.toHaveAttribute('aria-selected', 'true');
  });

  test('search filters to matches and their ancestors; clearing restores', async () => {
    const { catalog } = app;
    await catalog.search.fill('Redshift');
    await expect(catalog.item(STORAGE)).toBeVisible();
    for (const ancestor of ['Modern Stacks', 'Data', 'Data Tech Stack']) {
      await expect(catalog.item(ancestor)).toBeVisible();
      await expect(catalog.item(ancestor)).toHaveAttribute('aria-expanded', 'true');
    }
    for (const other of ['MLOps', 'Cloud', 'ML', 'Data Strategy', 'Infrastructure Planning']) {
      await expect(catalog.item(other)).toBeHidden();
    }

    await catalog.search.fill('');
    for (const name of ['MLOps', 'Cloud', 'ML', 'Data Strategy', 'Infrastructure Planning']) {
      await expect(catalog.item(name)).toBeVisible();
    }
    await expect(catalog.item('Data Tech Stack')).toHaveAttribute('aria-expanded', 'false');
    await expect(catalog.item(STORAGE)).toBeHidden();
  });

  test('search is case-insensitive and finds tools', async () => {
    await app.catalog.search.fill('kubernetes');
    await expect(app.catalog.item('Docker/Kubernetes')).toBeVisible();
    await expect(app.catalog.item('Containers & Orchestration')).toBeVisible();
    await expect(app.catalog.item('Data')).toBeHidden();
  });

  test('"Add to roadmap" makes the selected heading an initiative', async () => {
    await app.catalog.add(STORAGE, ['Data Tech Stack']);
    const card = app.grid.card(STORAGE);
    await expect(card).toHaveCount(1);
    await expect(card).toHaveAccessibleName(/, effort 5\.5, impact 5\.5/);
    await expect(app.phases.item('Unphased', STORAGE)).toBeVisible();
  });

  test('Enter on a focused treeitem adds it', async ({ page }) => {
    await app.catalog.select('Infrastructure Planning');
    await page.keyboard.press('Enter');
    await expect(app.grid.card('Infrastructure Planning')).toHaveCount(1);
  });

  test('adding a heading twice asks before duplicating', async ({ page }) => {
    const { catalog, grid } = app;
    await catalog.add('Cloud Platform');
    await expect(grid.card('Cloud Platform')).toHaveCount(1);

    await catalog.addButton.click();
    const dialog = page.getByRole('alertdialog', { name: 'Already on the roadmap' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(grid.card('Cloud Platform')).toHaveCount(1);

    await catalog.addButton.click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Add again', exact: true }).click();
    await expect(dialog).toBeHidden();
    // Both land on the same scores: the new one, selected, stands apart as a mark, the first
    // waits in a chip on that spot; the phases list both.
    await expect(grid.card('Cloud Platform')).toHaveCount(1);
    await expect(grid.card('Cloud Platform')).toHaveAttribute('aria-pressed', 'true');
    await expect(grid.region.getByRole('button', { name: /^Cluster of 1 initiatives near / })).toHaveCount(1);
    await expect(app.phases.region.getByRole('button', { name: /^Cloud Platform, / })).toHaveCount(2);
  });
});
