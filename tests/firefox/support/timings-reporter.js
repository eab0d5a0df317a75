// A node:test reporter that writes each test's duration and timeout as JSON, for
// scripts/slowest-tests.js (run beside the spec reporter, which prints the usual summary):
//   node --test --test-reporter=spec --test-reporter-destination=stdout \
//     --test-reporter=./tests/firefox/support/timings-reporter.js \
//     --test-reporter-destination=test-results/firefox.json tests/firefox/
// node:test does not report a test's timeout, so each row carries the suite's TEST_TIMEOUT_MS,
// which every test in tests/firefox/ passes.
'use strict';

const path = require('node:path');
const { TEST_TIMEOUT_MS } = require('./limits');

module.exports = async function* timings(source) {
  const tests = [];
  const suites = []; // names of the enclosing describe() blocks, by nesting level
  for await (const event of source) {
    if (event.type === 'test:start') suites[event.data.nesting] = event.data.name;
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { name, nesting, file, details } = event.data;
    if (details.type === 'suite') continue;
    tests.push({
      title: [...suites.slice(0, nesting), name].join(' › '),
      file: file ? path.relative(process.cwd(), file) : null,
      status: event.type === 'test:pass' ? 'passed' : 'failed',
      durationMs: Math.round(details.duration_ms),
      timeoutMs: TEST_TIMEOUT_MS,
    });
  }
  yield `${JSON.stringify({ browser: 'firefox', tests }, null, 2)}\n`;
};
