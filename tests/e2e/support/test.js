// The suite's `test`: Playwright's, plus a check that runs around every test: the page's
// Content-Security-Policy reported no violation (a `securitypolicyviolation` event) in any page
// of the test's browser context. Specs import { test, expect } from here.
const base = require('@playwright/test');

const test = base.test.extend({
  cspViolations: [
    async ({ context }, use) => {
      const violations = [];
      await context.exposeBinding('__stackplanCspViolation', (_source, violation) => violations.push(violation));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__stackplanCspViolation({
            directive: event.violatedDirective,
            blocked: event.blockedURI,
            source: `${event.sourceFile}:${event.lineNumber}`,
            sample: event.sample,
          });
        });
      });
      await use(violations);
      base.expect(violations, 'the Content-Security-Policy reported violations').toEqual([]);
    },
    { auto: true },
  ],
});

module.exports = { test, expect: base.expect };
