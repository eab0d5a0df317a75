// Screenshots of a populated board at 1280x720, light and dark, for visual review
// (written to test-results/screens/). No pixel comparison.
const { test, expect } = require('./support/test');
const { Planner } = require('./support/planner');

test('screenshots of a populated board (light and dark)', async ({ page }) => {
  const app = new Planner(page);
  await app.goto();

  const storage = 'Data Storage - Amazon S3, Hadoop HDFS, Snowflake, Amazon Redshift';
  await app.catalog.add(storage, ['Data Tech Stack']);
  await app.selectCard(storage);
  await app.edit({ effort: 7, impact: 8, urgency: 'medium', phase: 'Phase 2' });
  await app.catalog.add('Cloud Platform');
  await app.selectCard('Cloud Platform');
  await app.edit({ effort: 8.5, impact: 3, urgency: 'low', phase: 'Phase 3' });
  await app.newInitiative('Self-serve dashboards', {
    effort: 2,
    impact: 8.5,
    urgency: 'high',
    due: '2026-06-30',
    quickWin: true,
    phase: 'Phase 1',
  });
  await app.newInitiative('Customer 360 pilot', { effort: 4.5, impact: 9.5, urgency: 'critical' });
  await app.newInitiative('Tidy the wiki', { effort: 2.5, impact: 2, quickWin: true });
  await app.newInitiative('Rewrite everything in Rust', { effort: 9.5, impact: 4.5 });
  await expect(app.grid.region).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: 'test-results/screens/board-light.png' });
  await page.screenshot({ path: 'test-results/screens/board-light-full.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screens/board-dark.png' });
  await page.screenshot({ path: 'test-results/screens/board-dark-full.png', fullPage: true });
});

test.describe('dark mode from the first paint', () => {
  test.use({ colorScheme: 'dark' });
  test('screenshot of the empty board in dark mode', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await expect(app.grid.region).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/empty-dark.png' });
  });
});
