// Firefox for the smoke suite: Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core
// (which downloads no browser), a fresh profile per run, the release build served on 127.0.0.1,
// and helpers that find elements by role and accessible name as the Playwright suite does.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const puppeteer = require('puppeteer-core');
const { startStaticServer } = require('../../e2e/support/static-server');
const { WAIT_MS } = require('./limits');

const ROOT = path.resolve(__dirname, '../../..');
/** The build under test: dist/ unless E2E_DIST names another (as for Playwright). */
const DIST = path.resolve(ROOT, process.env.E2E_DIST || 'dist');
const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Fails early, and plainly, when the build or the browser is missing. */
function checkPrerequisites() {
  for (const file of ['index.html', 'stackplan.html']) {
    assert.ok(fs.existsSync(path.join(DIST, file)), `${path.join(DIST, file)} is missing: build the site first (./run.sh test builds it)`);
  }
  assert.ok(fs.existsSync(FIREFOX), `${FIREFOX} is missing: ./run.sh setup installs firefox-esr`);
}

/**
 * Starts headless Firefox over WebDriver BiDi with a new profile in a temporary folder (removed
 * again by close()), so no earlier run's storage or cache leaks in. Runs as root as is: headless
 * Firefox needs no MOZ_* variable or flag for that.
 */
async function launchFirefox() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'stackplan-firefox-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      // The Playwright suite's desktop size.
      defaultViewport: { width: 1280, height: 720 },
    });
  } catch (error) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    async close() {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves the build at http://127.0.0.1:<free port>/ (the e2e suite's static server). */
function serveBuild() {
  return startStaticServer(DIST);
}

/**
 * A new tab in its own browser context (its own storage) that records what must never happen:
 * uncaught page errors (a wasm panic among them) and Content-Security-Policy violations, as the
 * Playwright suite fails on. `assertClean(page)` checks both.
 */
async function newPage(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(String(error && error.message ? error.message : error)));
  await page.evaluateOnNewDocument(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return page;
}

async function assertClean(page) {
  assert.deepEqual(page.errors, [], 'the page threw uncaught errors');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations || []), [], 'the Content-Security-Policy reported violations');
}

/**
 * Runs `wait` (a puppeteer wait); on failure says what was awaited, instead of puppeteer's bare
 * "Waiting failed: 10000ms exceeded".
 */
async function waitFor(what, wait) {
  try {
    return await wait;
  } catch (error) {
    throw new Error(`${what}: ${error.message}`, { cause: error });
  }
}

/**
 * Firefox computes some roles by their ARIA 1.3 names, and its BiDi accessibility locator matches
 * those only: role="img" is "image" there.
 */
const FIREFOX_ROLES = { img: 'image' };

/** The element with this ARIA role and exact accessible name under `scope` (a page or element). */
function byRole(scope, role, name) {
  const quoted = name.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const computed = FIREFOX_ROLES[role] || role;
  return waitFor(`no ${role} named "${name}"`, scope.waitForSelector(`::-p-aria([name="${quoted}"][role="${computed}"])`));
}

/** Waits until `element` has focus. */
function waitForFocus(page, element, what) {
  return waitFor(`${what} never got focus`, page.waitForFunction((el) => el === document.activeElement, {}, element));
}

/**
 * The button in the region "Effort vs impact" whose accessible name starts with `title` (then
 * ends or goes on with ","), as the grid's card or mark of that initiative is named; found by
 * that name and never by its class, so a redesign of the grid keeps it. With `differsFrom` the
 * wait goes on until the name is another one (e.g. new scores after a drag), with `equals` until
 * it is that one. Resolves to { element, name }.
 */
async function gridMark(page, title, { differsFrom = null, equals = null } = {}) {
  const region = await byRole(page, 'region', 'Effort vs impact');
  const what = equals ? `"${equals}"` : differsFrom ? `"${title}, …" other than "${differsFrom}"` : `"${title}, …"`;
  const found = await waitFor(
    `no mark named ${what} on the grid`,
    page.waitForFunction(
      (area, prefix, other, exact) => {
        // BiDi cannot list accessible names by prefix, so they are read here: aria-label, else
        // aria-labelledby, else the text, as the name computation does for these buttons.
        for (const element of area.querySelectorAll('button, [role="button"]')) {
          const by = element.getAttribute('aria-labelledby');
          const name = (
            element.getAttribute('aria-label') ||
            (by ? by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : element.textContent)
          )
            .replace(/\s+/g, ' ')
            .trim();
          if (name !== prefix && !name.startsWith(`${prefix},`)) continue;
          if ((other === null || name !== other) && (exact === null || name === exact)) return [element, name];
        }
        return null;
      },
      {},
      region,
      title,
      differsFrom,
      equals,
    ),
  );
  const element = (await found.getProperty('0')).asElement();
  const name = await (await found.getProperty('1')).jsonValue();
  await found.dispose();
  return { element, name };
}

/** The score after `label` ("effort" or "impact") in a card's accessible name, as a number. */
function scoreIn(name, label) {
  const match = new RegExp(`, ${label} (\\d+(?:\\.\\d+)?)(,|$)`).exec(name);
  assert.ok(match, `no "${label} N" in the name "${name}"`);
  return Number(match[1]);
}

/** The centre of an element's box in the viewport, for real mouse events. */
async function centre(element, what) {
  const box = await element.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, `${what} has no box on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

module.exports = {
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
};
