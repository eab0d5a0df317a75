#!/usr/bin/env node
// The slowest browser tests of the last run: Playwright's JSON report (test-results/results.json,
// written beside the 'list' reporter by playwright.config.js) and the Firefox smoke suite's timings
// (test-results/firefox.json, from tests/firefox/support/timings-reporter.js), when present.
// Prints the 10 slowest (name and seconds, against the test's timeout), then every test that took
// more than half of its timeout: the suite's goal is that each finishes within half, so a slow
// machine or a heavier test still has room before it times out. Reports, never fails a run.
//
//   node scripts/slowest-tests.js [--top N] [REPORT.json ...]
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const DEFAULT_REPORTS = ['test-results/results.json', 'test-results/firefox.json'];

/** Playwright JSON report → [{ name, seconds, timeout, status }], one row per test run. */
function playwrightTests(report) {
  const rows = [];
  const walk = (suite, titles) => {
    // The file's suite is titled by its path; describe() blocks add their titles below it.
    const here = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs || []) {
      for (const test of spec.tests) {
        for (const result of test.results) {
          rows.push({
            name: [test.projectName, ...here, spec.title].filter(Boolean).join(' › ') + (result.retry ? ` (retry ${result.retry})` : ''),
            seconds: result.duration / 1000,
            timeout: test.timeout / 1000,
            status: result.status,
          });
        }
      }
    }
    for (const child of suite.suites || []) walk(child, here);
  };
  for (const suite of report.suites || []) walk(suite, []);
  return rows;
}

/** The Firefox suite's timings → the same rows. */
function firefoxTests(report) {
  return report.tests.map((test) => ({
    name: `firefox › ${test.file ? `${path.basename(test.file)} › ` : ''}${test.title}`,
    seconds: test.durationMs / 1000,
    timeout: test.timeoutMs / 1000,
    status: test.status,
  }));
}

function readReport(file) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (Array.isArray(report.suites)) return playwrightTests(report);
  if (Array.isArray(report.tests)) return firefoxTests(report);
  throw new Error(`${file}: neither a Playwright JSON report nor Firefox timings`);
}

function main(argv) {
  let top = 10;
  const files = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--top') top = Number(argv[(i += 1)]);
    else files.push(argv[i]);
  }
  if (!Number.isInteger(top) || top < 1) throw new Error('--top takes a positive whole number');
  // Named reports must exist; of the default ones, those of the steps that ran.
  const reports = files.length ? files : DEFAULT_REPORTS.filter((file) => fs.existsSync(file));
  if (reports.length === 0) {
    console.log(`slowest tests: no report (${DEFAULT_REPORTS.join(', ')}); run the browser tests first`);
    return;
  }
  const rows = reports.flatMap(readReport).filter((row) => row.status !== 'skipped');
  rows.sort((a, b) => b.seconds - a.seconds);
  const line = (row) => {
    const half = row.timeout > 0 && row.seconds > row.timeout / 2;
    const time = `${row.seconds.toFixed(1).padStart(6)} s of ${String(row.timeout).padStart(3)} s`;
    return `  ${time}  ${half ? '⚠ ' : '  '}${row.name}${row.status === 'passed' ? '' : ` [${row.status}]`}`;
  };
  console.log(`The ${Math.min(top, rows.length)} slowest of ${rows.length} browser tests (${reports.join(', ')}):`);
  for (const row of rows.slice(0, top)) console.log(line(row));
  // A timeout of 0 means none (test.setTimeout(0)): never over half of it.
  const over = rows.filter((row) => row.timeout > 0 && row.seconds > row.timeout / 2);
  if (over.length === 0) {
    console.log('Every test finished within half of its timeout.');
  } else {
    console.log(`⚠ ${over.length} test(s) took more than half of their timeout:`);
    for (const row of over) console.log(line(row));
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(`slowest-tests: ${error.message}`);
  process.exit(1);
}
