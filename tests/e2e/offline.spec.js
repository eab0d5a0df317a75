// Offline: after the first visit the site keeps working with no network (DESIGN section 4).
const { test, expect } = require('@playwright/test');

test('the app opens offline after the first visit', async ({ page, context }) => {
  await page.goto('./');
  await expect(page.getByRole('tree')).toBeVisible();
  // Wait until the service worker holds the page and everything it loaded from this origin
  // (the wasm, its JS glue, the stylesheet, the icon).
  const missingFromCache = () =>
    page.evaluate(async () => {
      const cache = await caches.open('stackplan-v1');
      const cached = new Set((await cache.keys()).map((request) => request.url));
      const loaded = [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
      return loaded.filter((url) => new URL(url).origin === location.origin && !cached.has(url));
    });
  await expect.poll(missingFromCache).toEqual([]);
  expect(await page.evaluate(async () => (await (await caches.open('stackplan-v1')).keys()).some((r) => r.url.endsWith('.wasm')))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('treeitem', { name: 'Modern Stacks', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'New initiative' }).click();
  await page.keyboard.type('Planned on a train');
  await expect(page.getByRole('region', { name: 'Effort vs impact' }).getByRole('button', { name: /^Planned on a train/ })).toBeVisible();
});
