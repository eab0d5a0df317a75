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

/**
 * Before the page loads: records the body's background and text colours in the first animation
 * frame that has a body. Rendering (and so that frame) waits for the stylesheet in the head, so
 * this is what the first paint shows, usually before the app has mounted: no sleeping, no
 * waiting for the app. Read it back with `firstPaint`.
 */
async function recordFirstPaint(page) {
  await page.addInitScript(() => {
    const look = () => {
      if (!document.body) {
        requestAnimationFrame(look);
        return;
      }
      const style = getComputedStyle(document.body);
      window.__stackplanFirstPaint = { background: style.backgroundColor, text: style.color };
    };
    requestAnimationFrame(look);
  });
}

/** The colours `recordFirstPaint` saw, as { background, text } CSS colour strings. */
async function firstPaint(page) {
  await page.waitForFunction(() => window.__stackplanFirstPaint !== undefined);
  return page.evaluate(() => window.__stackplanFirstPaint);
}

/** A computed `rgb(r, g, b)` or `rgba(r, g, b, a)` as { r, g, b, alpha }. */
function parseColour(css) {
  const match = css.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$/);
  if (!match) throw new Error(`not an rgb() colour: ${css}`);
  const [r, g, b] = match.slice(1, 4).map(Number);
  return { r, g, b, alpha: match[4] === undefined ? 1 : Number(match[4]) };
}

/** WCAG relative luminance: 0 for black, 1 for white. */
function luminance({ r, g, b }) {
  const linear = (channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two luminances, 1 to 21. */
function contrast(a, b) {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * The first paint's page background and text, as luminances. The background must be opaque:
 * a transparent one (no stylesheet yet) would read as black and pass for dark.
 */
async function firstPaintLuminance(page) {
  const colours = await firstPaint(page);
  const background = parseColour(colours.background);
  const text = parseColour(colours.text);
  expect(background.alpha, `the page background at first paint is opaque: ${colours.background}`).toBe(1);
  return { background: luminance(background), text: luminance(text), colours };
}

test.describe('dark mode from the first paint', () => {
  test.use({ colorScheme: 'dark' });
  test('the first paint is dark with light text, and the empty board follows', async ({ page }) => {
    await recordFirstPaint(page);
    const app = new Planner(page);
    await app.goto();
    const first = await firstPaintLuminance(page);
    expect(first.background, `a dark page at first paint: ${first.colours.background}`).toBeLessThan(0.1);
    expect(contrast(first.background, first.text), `readable text: ${first.colours.text}`).toBeGreaterThanOrEqual(4.5);
    expect(first.text).toBeGreaterThan(first.background);
    await expect(app.grid.region).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/empty-dark.png' });
  });
});

test.describe('light mode from the first paint', () => {
  test.use({ colorScheme: 'light' });
  test('the first paint is light with dark text', async ({ page }) => {
    await recordFirstPaint(page);
    const app = new Planner(page);
    await app.goto();
    const first = await firstPaintLuminance(page);
    expect(first.background, `a light page at first paint: ${first.colours.background}`).toBeGreaterThan(0.6);
    expect(contrast(first.background, first.text), `readable text: ${first.colours.text}`).toBeGreaterThanOrEqual(4.5);
    expect(first.text).toBeLessThan(first.background);
  });
});

test('while the app downloads the page says what is coming, and the app takes its place', async ({ page }) => {
  // Hold the wasm back until the page has been looked at: a slow line, without sleeping.
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  const app = new Planner(page);
  await page.goto('/');
  const note = page.getByRole('status').filter({ hasText: 'Opening your roadmaps' });
  await expect(note).toBeVisible();
  await expect(page.locator('#boot header')).toContainText('Stackplan');
  await expect(app.grid.region).toHaveCount(0);
  release();
  await expect(app.grid.region).toBeVisible();
  await expect(note).toHaveCount(0);
  await expect(page.locator('#boot')).toHaveCount(0);
});

test("the boot page paints before the app's stylesheet arrives, and the app waits for it", async ({ page }) => {
  // Hold the app's stylesheet back (a slow line, without sleeping): the boot page's own styles
  // are inlined, so its first paint needs nothing else, and the app starts only once styled.
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  let requested = false;
  await page.route(/\/main-[0-9a-f]+\.css$/, async (route) => {
    requested = true;
    await held;
    await route.continue();
  });
  const app = new Planner(page);
  const wasm = page.waitForResponse(/\.wasm$/);
  await page.goto('/', { waitUntil: 'commit' });
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length), {
      message: "the boot page paints while the app's stylesheet is held",
      timeout: 10_000,
    })
    .toBe(1);
  expect(requested, "the app's stylesheet was asked for").toBe(true);
  const boot = await page.evaluate(() => {
    const style = getComputedStyle(document.getElementById('boot'));
    const sheets = [...document.styleSheets].map((sheet) => sheet.href).filter(Boolean);
    return { position: style.position, background: style.backgroundColor, sheets };
  });
  expect(boot.sheets, 'no external style sheet has loaded yet').toEqual([]);
  expect(boot.position, 'the boot page is styled (an overlay)').toBe('fixed');
  expect(boot.background, 'with its own background').not.toBe('rgba(0, 0, 0, 0)');
  await expect(page.getByRole('status').filter({ hasText: 'Opening your roadmaps' })).toBeVisible();
  // The app has all it downloads but its styles, and does not start: the stylesheet is linked
  // by the page itself (parser-inserted, for every medium), which holds the app's module script.
  await (await wasm).finished();
  const link = await page.evaluate(() => {
    const element = document.querySelector('link[rel="stylesheet"]');
    const boot = document.getElementById('boot');
    return {
      media: element.getAttribute('media'),
      afterBoot: Boolean(boot.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING),
    };
  });
  expect(link).toEqual({ media: null, afterBoot: true });
  await expect(app.grid.region).toHaveCount(0);
  release();
  await expect(app.grid.region).toBeVisible();
  // Styled by main.css from its first frame: the board's panel has its border radius.
  await expect(app.grid.region).toHaveCSS('border-top-left-radius', '10px');
});

test('the page counts as shown from its first paint: the largest paint is the boot page, even when the app starts at once', async ({ page }) => {
  // The boot page's note is the largest text the page paints; when the app started, the
  // browser had painted it but not always recorded that yet, and a note removed before that
  // record made the app's later, smaller text the page's largest paint.
  await page.addInitScript(() => {
    window.appStarted = null;
    addEventListener('TrunkApplicationStarted', () => {
      window.appStarted = performance.now();
    });
  });
  const app = new Planner(page);
  await page.goto('/');
  await expect(app.grid.region).toBeVisible();
  const { largest, started } = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          resolve({ largest: list.getEntries().at(-1).startTime, started: window.appStarted });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
  expect(started, 'the app started').not.toBeNull();
  expect(largest, 'the largest paint came before the app').toBeLessThan(started);
});

test('the app is downloaded after the boot page has painted, once', async ({ page }) => {
  // A download that finished before the first paint counted, in Lighthouse's slow-line
  // simulation, toward the largest paint: the page's first frame comes first.
  await page.addInitScript(() => {
    window.firstFrame = null;
    requestAnimationFrame(() => {
      window.firstFrame = performance.now();
    });
  });
  const requests = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) requests.push(request.url());
  });
  const app = new Planner(page);
  await page.goto('/');
  await expect(app.grid.region).toBeVisible();
  const { firstFrame, asked } = await page.evaluate(() => ({
    firstFrame: window.firstFrame,
    asked: performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm')).startTime,
  }));
  expect(firstFrame, 'the boot page had a frame').not.toBeNull();
  expect(asked, 'the wasm was asked for after the first frame').toBeGreaterThan(firstFrame);
  expect(requests.length, 'and only once').toBe(1);
});
