// Firefox smoke suite (node --test tests/firefox/): the release build in Debian's firefox-esr over
// WebDriver BiDi. A short pass through what differs most between engines: the wasm start-up,
// pointer events on the grid, localStorage across a reload, canvas drawing once scrolled into
// view, and the single file from file://. One tab goes through the first four tests in order
// (each names what it needs from the one before); the file:// test has a tab of its own.
// Every test fails on an uncaught page error or a Content-Security-Policy violation.
'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');
const { after, before, test } = require('node:test');
const { SETUP_TIMEOUT_MS, TEST_TIMEOUT_MS } = require('./support/limits');
const {
  DIST,
  assertClean,
  byRole,
  centre,
  checkPrerequisites,
  gridMark,
  launchFirefox,
  newPage,
  scoreIn,
  serveBuild,
  waitFor,
  waitForFocus,
} = require('./support/firefox');

const TITLE = 'Firefox smoke initiative';
/** A blank canvas has 0 pixels unlike its background; axes, ticks and labels give thousands. */
const MIN_INKED_PIXELS = 500;

/** Waits until the app has started: the catalog tree and the grid region are on the page. */
async function appStarted(page) {
  const catalog = await byRole(page, 'region', 'Catalog');
  await waitFor('the catalog has no tree', catalog.waitForSelector('::-p-aria([role="tree"])'));
  await byRole(page, 'region', 'Effort vs impact');
}

let firefox;
let server;
let page;
/** The initiative as the drag left it: { name, effort, impact }, for the reload test. */
let dragged = null;

before(
  async () => {
    checkPrerequisites();
    [firefox, server] = await Promise.all([launchFirefox(), serveBuild()]);
    page = await newPage(firefox.browser);
  },
  { timeout: SETUP_TIMEOUT_MS },
);

after(async () => {
  await Promise.all([firefox && firefox.close(), server && server.close()]);
});

test('loads the app from the server', { timeout: TEST_TIMEOUT_MS }, async () => {
  await page.goto(server.url);
  await appStarted(page);
  await assertClean(page);
});

test('adds an initiative and drags its mark on the grid with the mouse', { timeout: TEST_TIMEOUT_MS }, async () => {
  await (await byRole(page, 'button', 'New initiative')).click();
  const inspector = await byRole(page, 'region', 'Inspector');
  const titleBox = await byRole(inspector, 'textbox', 'Title');
  await waitForFocus(page, titleBox, 'the Title box (after "New initiative")');
  await page.keyboard.type(TITLE);
  await page.keyboard.press('Tab'); // commits the title
  const placed = await gridMark(page, TITLE);
  const from = { effort: scoreIn(placed.name, 'effort'), impact: scoreIn(placed.name, 'impact') };

  // Real mouse events from the mark's centre, a fifth of the grid up and to the left: less
  // effort, more impact, wherever the plot sits in its region (a new mark starts mid-grid).
  const grid = await (await byRole(page, 'region', 'Effort vs impact')).boundingBox();
  const start = await centre(placed.element, `the mark "${placed.name}"`);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x - grid.width / 5, start.y - grid.height / 5, { steps: 12 });
  await page.mouse.up();

  const moved = await gridMark(page, TITLE, { differsFrom: placed.name });
  const to = { effort: scoreIn(moved.name, 'effort'), impact: scoreIn(moved.name, 'impact') };
  assert.ok(to.effort < from.effort, `dragging left should lower the effort: ${from.effort} → ${to.effort} ("${moved.name}")`);
  assert.ok(to.impact > from.impact, `dragging up should raise the impact: ${from.impact} → ${to.impact} ("${moved.name}")`);
  // The Inspector shows the dragged initiative with the same scores.
  await waitFor(
    `the Inspector should show effort ${to.effort} and impact ${to.impact}`,
    page.waitForFunction(
      (effort, impact, want) => Number(effort.value) === want.effort && Number(impact.value) === want.impact,
      {},
      await byRole(inspector, 'spinbutton', 'Effort'),
      await byRole(inspector, 'spinbutton', 'Impact'),
      to,
    ),
  );
  dragged = { name: moved.name, ...to };
  await assertClean(page);
});

test('restores the dragged initiative after a reload', { timeout: TEST_TIMEOUT_MS }, async () => {
  assert.ok(dragged, 'needs the initiative dragged by the previous test');
  // The save is debounced: reload once localStorage holds the new scores (no fixed sleep).
  await waitFor(
    'autosave never stored the dragged scores',
    page.waitForFunction(
      (title, effort, impact) =>
        Object.keys(localStorage)
          .filter((key) => key.startsWith('stackplan:roadmap:'))
          .some((key) => {
            try {
              const roadmap = JSON.parse(localStorage.getItem(key));
              return roadmap.initiatives.some((i) => i.title === title && i.effort === effort && i.impact === impact);
            } catch {
              return false; // not a plain JSON roadmap (yet)
            }
          }),
      {},
      TITLE,
      dragged.effort,
      dragged.impact,
    ),
  );
  await page.reload();
  await appStarted(page);
  await gridMark(page, TITLE, { equals: dragged.name });
  await assertClean(page);
});

test('draws the effort-vs-impact chart once Insight is scrolled into view', { timeout: TEST_TIMEOUT_MS }, async () => {
  const insight = await byRole(page, 'region', 'Insight');
  await insight.scrollIntoView();
  const chart = await byRole(insight, 'img', 'Effort vs impact chart');
  await chart.scrollIntoView(); // the chart draws when it comes into view
  await waitFor(
    `the chart canvas stayed blank (fewer than ${MIN_INKED_PIXELS} pixels unlike its background)`,
    page.waitForFunction(
      (canvas, least) => {
        if (!canvas.width || !canvas.height) return false;
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let inked = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) inked += 1;
        }
        return inked >= least;
      },
      {},
      chart,
      MIN_INKED_PIXELS,
    ),
  );
  await assertClean(page);
});

test('opens the single file dist/stackplan.html from file://', { timeout: TEST_TIMEOUT_MS }, async () => {
  const single = await newPage(firefox.browser);
  try {
    await single.goto(`file://${path.join(DIST, 'stackplan.html')}`);
    await appStarted(single);
    assert.equal(new URL(single.url()).protocol, 'file:', 'the single file should stay on file://');
    await assertClean(single);
  } finally {
    await single.browserContext().close();
  }
});
