// @ts-check
// Playwright e2e suite: runs against the release build in dist/ (./run.sh test builds it first).
// The browser is Debian's chromium; Playwright never downloads one (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
const { defineConfig, devices } = require('@playwright/test');

const PORT = Number(process.env.E2E_PORT || 4173);
const DIST = process.env.E2E_DIST || 'dist';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

module.exports = defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // 'list' for the console; the JSON report feeds scripts/slowest-tests.js, which ./run.sh test
  // runs at its end (the 10 slowest tests, and any over half its timeout).
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 720 },
    // No trace: recording one (DOM snapshots at every action) made the suite 262 → 387 s on two
    // cores, even with the traces of passing tests thrown away. A failing test leaves its
    // screenshot; for its trace, rerun it alone with `--trace on`.
    trace: 'off',
    // Each test is a fresh visit: the service worker would only copy the whole build into its
    // cache every time. The offline and delivery specs allow it, as they test it.
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 720 },
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
