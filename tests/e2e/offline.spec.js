// Offline: after the first visit the site keeps working with no network (DESIGN section 4), from
// the service worker's copy of this build (one cache per release, named by its build id).
const { test, expect } = require('./support/test');
const { Planner, waitForSave } = require('./support/planner');

test.use({ serviceWorkers: 'allow' });

test('the app opens offline after the first visit, with the saved roadmap', async ({ page, context }) => {
  const app = new Planner(page);
  await app.goto();
  await app.newInitiative('Planned before the train');
  await waitForSave(page, ['Planned before the train']);

  // The worker controls the page and its cache holds every file the page loaded.
  const build = await page.locator('meta[name="stackplan-build"]').getAttribute('content');
  expect(build).toMatch(/^[0-9a-f]{16}$/);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  const missingFromCache = () =>
    page.evaluate(async (name) => {
      if (!(await caches.has(name))) return ['(no cache)'];
      const cache = await caches.open(name);
      const cached = new Set((await cache.keys()).map((request) => request.url));
      const loaded = [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
      return loaded.filter((url) => new URL(url).origin === location.origin && !cached.has(url));
    }, `stackplan-${build}`);
  await expect.poll(missingFromCache).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('treeitem', { name: 'Modern Stacks', exact: true })).toBeVisible();
  await expect(app.grid.card('Planned before the train')).toBeVisible();
  await app.newInitiative('Planned on the train');
  await expect(app.grid.card('Planned on the train')).toBeVisible();
});
