#!/usr/bin/env node
// Lighthouse report of the release build in dist/ (./run.sh lighthouse): serves it on 127.0.0.1,
// runs Lighthouse (from npm, at the version below) in Debian's chromium, and prints each
// category's score and every audit below full marks. A report, not a test: it exits 1 only when
// Lighthouse cannot run, or when accessibility is below 1.00 (the bar DESIGN sets).
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startStaticServer } = require('../tests/e2e/support/static-server');

const LIGHTHOUSE = 'lighthouse@12.8.2';
const DIST = path.resolve(__dirname, '..', 'dist');
// The browser and flags the e2e suite runs with (playwright.config.js), headless.
const { launchOptions } = require('../playwright.config.js').projects[0].use;
const CHROME_FLAGS = ['--headless=new', ...launchOptions.args].join(' ');

(async () => {
  // Compressed, as any host serves it: the figures are what users get.
  const server = await startStaticServer(DIST, '/', { compressed: true });
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stackplan-lighthouse-')), 'report.json');
  // Spawned, not run synchronously: this process serves the pages Lighthouse loads.
  const status = await new Promise((resolve) => {
    spawn(
      'npx',
      ['--yes', LIGHTHOUSE, server.url, '--output=json', `--output-path=${report}`, '--quiet', `--chrome-flags=${CHROME_FLAGS}`],
      { stdio: 'inherit', env: { ...process.env, CHROME_PATH: launchOptions.executablePath } },
    ).on('close', resolve);
  });
  await server.close();
  if (status !== 0) throw new Error(`Lighthouse exited with ${status}`);
  const result = JSON.parse(fs.readFileSync(report, 'utf8'));
  console.log(`Lighthouse ${result.lighthouseVersion}, ${result.configSettings.formFactor}, ${server.url}`);
  for (const [id, category] of Object.entries(result.categories)) {
    console.log(`${id.padEnd(16)} ${category.score.toFixed(2)}`);
    for (const ref of category.auditRefs) {
      const audit = result.audits[ref.id];
      if (audit.score !== null && audit.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) {
        console.log(`  - ${audit.id} ${audit.score}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      }
    }
  }
  console.log(`full report: ${report}`);
  process.exit(result.categories.accessibility.score === 1 ? 0 : 1);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
