// Delivery (DESIGN section 4): installable (manifest and icons), served from a sub-path of a
// plain static host, a new release replacing the old one cleanly, and the single file that runs
// from file://. The CSP check of ./support/test runs around each of these too.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { test, expect } = require('./support/test');
const { Planner, waitForSave } = require('./support/planner');
const { startStaticServer } = require('./support/static-server');

const DIST = path.resolve(__dirname, '../..', process.env.E2E_DIST || 'dist');
const SUB_PATH = '/tools/stackplan/';

test.use({ serviceWorkers: 'allow' });

function buildIdOf(folder) {
  const match = fs.readFileSync(path.join(folder, 'index.html'), 'utf8').match(/name="stackplan-build" content="([0-9a-f]{16})"/);
  if (!match) throw new Error(`no build id in ${folder}/index.html`);
  return match[1];
}

/** Waits until the service worker controls the page and its release's cache is complete. */
async function waitForOfflineCopy(page, build) {
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await expect.poll(() => page.evaluate((name) => caches.has(name), `stackplan-${build}`)).toBe(true);
}

test.describe('served from a sub-path of a static host', () => {
  let server;
  test.beforeAll(async () => {
    server = await startStaticServer(DIST, SUB_PATH);
  });
  test.afterAll(async () => {
    await server.close();
  });

  test('everything loads from inside the sub-path, with no failed request', async ({ page }) => {
    const failed = [];
    const outside = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.url()} ${response.status()}`);
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !/^(data|blob):/.test(request.url())) outside.push(request.url());
    });
    await page.goto(server.url);
    const app = new Planner(page);
    await expect(app.catalog.tree).toBeVisible();
    await app.newInitiative('Hosted under a sub-path');
    // The schema, the manifest and its icons are published beside the page.
    for (const file of ['schema/roadmap.v1.schema.json', 'manifest.webmanifest', 'icons/icon-192.png', 'favicon.svg']) {
      const response = await page.request.get(new URL(file, server.url).href);
      expect(response.status(), file).toBe(200);
    }
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(server.url);
    expect(failed).toEqual([]);
    expect(outside).toEqual([]);
  });

  test('the web app manifest is valid, with name, start URL inside the scope, and icons that load', async ({ page }) => {
    await page.goto(server.url);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifestUrl = new URL(href, server.url).href;
    const response = await page.request.get(manifestUrl);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    const manifest = JSON.parse(await response.text());
    expect(manifest.name).toMatch(/^Stackplan/);
    expect(manifest.short_name).toBe('Stackplan');
    const start = new URL(manifest.start_url, manifestUrl).href;
    const scope = new URL(manifest.scope, manifestUrl).href;
    expect(start).toBe(server.url);
    expect(scope).toBe(server.url);
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    const sizes = manifest.icons.map((icon) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['any', '192x192', '512x512']));
    for (const icon of manifest.icons) {
      const file = await page.request.get(new URL(icon.src, manifestUrl).href);
      expect(file.status(), icon.src).toBe(200);
      const body = await file.body();
      if (icon.type === 'image/png') {
        expect(body.subarray(1, 4).toString('ascii')).toBe('PNG');
        const [width, height] = [body.readUInt32BE(16), body.readUInt32BE(20)];
        expect(`${width}x${height}`).toBe(icon.sizes);
      } else {
        expect(body.toString('utf8')).toContain('<svg');
      }
    }
    await expect(page.locator('meta[name="theme-color"]')).toHaveCount(2);
  });
});

test.describe('a new release', () => {
  let server;
  let folders;
  test.beforeAll(async () => {
    // Release 2 is release 1 with one changed file (its build id, so a new service worker).
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stackplan-releases-'));
    folders = { one: path.join(root, 'one'), two: path.join(root, 'two') };
    fs.cpSync(DIST, folders.one, { recursive: true });
    fs.cpSync(DIST, folders.two, { recursive: true });
    const old = buildIdOf(folders.one);
    const next = old.split('').reverse().join('') === old ? 'f'.repeat(16) : old.split('').reverse().join('');
    for (const file of ['index.html', 'sw.js']) {
      const target = path.join(folders.two, file);
      fs.writeFileSync(target, fs.readFileSync(target, 'utf8').replaceAll(old, next));
    }
    server = await startStaticServer(folders.one, SUB_PATH);
  });
  test.afterAll(async () => {
    await server.close();
  });

  test('waits for the user: "A new version is ready — reload" shows it, and the old cache is gone', async ({ page }) => {
    const [one, two] = [buildIdOf(folders.one), buildIdOf(folders.two)];
    const build = () => page.locator('meta[name="stackplan-build"]').getAttribute('content');
    await page.goto(server.url);
    const app = new Planner(page);
    await app.newInitiative('Work in progress');
    await waitForSave(page, ['Work in progress']);
    await waitForOfflineCopy(page, one);

    server.serve(folders.two);
    await page.reload();
    // The open release keeps serving itself whole; the new one waits and says so.
    expect(await build()).toBe(one);
    const notice = page.getByRole('status').filter({ hasText: 'A new version is ready — reload' });
    // The notice waits for the new service worker to install, which copies the whole release
    // into its cache: in a full test run on two cores that took over the default 5 s once.
    await expect(notice).toBeVisible({ timeout: 15_000 });
    expect(await build()).toBe(one);
    await expect(app.grid.card('Work in progress')).toBeVisible();

    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
    await expect.poll(build).toBe(two);
    await expect(app.grid.card('Work in progress')).toBeVisible();
    await expect
      .poll(() => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('stackplan-'))))
      .toEqual([`stackplan-${two}`]);
    await expect(notice).toHaveCount(0);
  });
});

test.describe('the single file', () => {
  const SINGLE = path.join(DIST, 'stackplan.html');

  test('opens from file://, keeps a roadmap across a reload, and loads nothing else', async ({ page }) => {
    const requests = [];
    const problems = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    const size = fs.statSync(SINGLE).size;
    expect(size).toBeGreaterThan(100_000);
    await page.goto(`file://${SINGLE}`);
    const app = new Planner(page);
    await expect(app.catalog.tree).toBeVisible();
    await app.newInitiative('Planned from a USB stick', { effort: 3, impact: 8 });
    await waitForSave(page, ['Planned from a USB stick']);
    await page.reload();
    await expect(app.grid.card('Planned from a USB stick')).toBeVisible();
    // Only the file itself (and data: or blob: URLs): no other file, no service worker.
    expect(requests.filter((url) => !/^(data|blob):/.test(url))).toEqual([`file://${SINGLE}`, `file://${SINGLE}`]);
    expect(problems).toEqual([]);
  });
});
