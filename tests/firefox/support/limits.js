// Time limits of the Firefox smoke suite, shared by the tests and the timings reporter (which
// writes each test's limit beside its duration, so scripts/slowest-tests.js can flag a test that
// takes more than half of it). Every test passes TEST_TIMEOUT_MS to node:test.
'use strict';

module.exports = {
  /** Each test's timeout: generous, as the goal is to stay under half of it. */
  TEST_TIMEOUT_MS: 60_000,
  /** Starting Firefox with a fresh profile (about 9 s cold on two cores) and the server. */
  SETUP_TIMEOUT_MS: 60_000,
  /** One wait for the page (an element, a drawn chart, a save): fails long before the test would. */
  WAIT_MS: 10_000,
};
