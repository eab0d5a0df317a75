// Working safely: autosave to localStorage and an exact restore on reload; corrupted storage is
// set aside (never silently overwritten) and reported; unavailable storage is reported.
const { test, expect } = require('./support/test');
const {
  Planner,
  ROADMAP_KEY,
  WORKSPACE_KEY,
  RECOVERED_PREFIX,
  scoreInName,
  stored,
  waitForSave,
} = require('./support/planner');

const STORAGE = 'Data Storage - Amazon S3, Hadoop HDFS, Snowflake, Amazon Redshift';

test.describe('persistence', () => {
  test('reload restores initiatives, scores, urgency, due date, quick win and phases', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();

    await app.catalog.add(STORAGE, ['Data Tech Stack']);
    await app.newInitiative('Customer 360 pilot', {
      effort: 3,
      impact: 8.5,
      urgency: 'high',
      due: '2026-09-30',
      quickWin: true,
      phase: 'Phase 2',
    });
    await app.newInitiative('Retire legacy ETL', { effort: 7.5, impact: 4, urgency: 'low' });
    await app.phases.rename('Phase 1', 'Foundations');
    await page.getByRole('button', { name: 'Move Phase 3 earlier', exact: true }).click();
    await expect.poll(() => app.phases.names()).toEqual(['Foundations', 'Phase 3', 'Phase 2']);
    const storageItem = app.phases.item('Unphased', STORAGE);
    await storageItem.focus();
    await storageItem.press('ArrowRight');
    await expect(app.phases.item('Foundations', STORAGE)).toBeVisible();

    // The last change: the catalog item moved into Foundations.
    await waitForSave(page, (roadmap) => {
      const foundations = roadmap.phases.find((phase) => phase.name === 'Foundations');
      const item = roadmap.initiatives.find((initiative) => initiative.title === STORAGE);
      return Boolean(foundations && item && item.phase === foundations.id);
    });
    expect(await stored(page, ROADMAP_KEY)).toContain('Customer 360 pilot');

    await page.reload();
    await expect(app.grid.region).toBeVisible();

    // Phases: names, order and membership.
    await expect.poll(() => app.phases.names()).toEqual(['Foundations', 'Phase 3', 'Phase 2']);
    await expect(app.phases.item('Foundations', STORAGE)).toBeVisible();
    await expect(app.phases.item('Phase 2', 'Customer 360 pilot')).toBeVisible();
    await expect(app.phases.item('Unphased', 'Retire legacy ETL')).toBeVisible();

    // Grid cards and their scores.
    await expect(app.grid.card(STORAGE)).toHaveAccessibleName(scoreInName('effort', 5.5));
    const pilot = app.grid.card('Customer 360 pilot');
    await expect(pilot).toHaveAccessibleName(scoreInName('effort', 3));
    await expect(pilot).toHaveAccessibleName(scoreInName('impact', 8.5));
    // Urgency as the mark's shape, the quick-win mark as its ring (the name says both in words).
    await expect(pilot).toHaveClass(/\bshape-high\b/);
    await expect(pilot).toHaveClass(/\bis-quick-win\b/);
    await expect(pilot).toHaveAccessibleName(/, urgency High(,|$)/);

    // Every field, through the Inspector.
    await app.selectCard('Customer 360 pilot');
    const ins = app.inspector;
    await expect(ins.effort).toHaveValue('3.0');
    await expect(ins.impact).toHaveValue('8.5');
    await expect(ins.urgency).toHaveValue('high');
    await expect(ins.dueDate).toHaveValue('2026-09-30');
    await expect(ins.quickWin).toBeChecked();
    await expect(ins.selectedPhase()).toHaveText('Phase 2');

    await app.selectCard('Retire legacy ETL');
    await expect(ins.effort).toHaveValue('7.5');
    await expect(ins.impact).toHaveValue('4.0');
    await expect(ins.urgency).toHaveValue('low');
    await expect(ins.quickWin).not.toBeChecked();
    await expect(ins.selectedPhase()).toHaveText('Unphased');

    // Adding the catalog heading again still asks: its origin survived the reload.
    await app.catalog.add(STORAGE, ['Data Tech Stack']);
    await expect(page.getByRole('alertdialog', { name: 'Already on the roadmap' })).toBeVisible();
  });

  test('autosave writes the workspace and the roadmap under their keys', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await app.newInitiative('Stored under r1');
    await waitForSave(page, ['Stored under r1']);
    expect(await stored(page, ROADMAP_KEY), ROADMAP_KEY).toContain('Stored under r1');
    expect(await stored(page, WORKSPACE_KEY), WORKSPACE_KEY).not.toBeNull();
  });

  test('a change made right before reload is not lost (flushed on pagehide)', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await app.newInitiative('Last-second edit');
    await waitForSave(page, ['Last-second edit']);
    await app.edit({ effort: 9.5 });
    await expect(app.grid.card('Last-second edit')).toHaveAccessibleName(scoreInName('effort', 9.5));
    await page.reload(); // no wait for the debounce
    await expect(app.grid.card('Last-second edit')).toHaveAccessibleName(scoreInName('effort', 9.5));
  });

  const UNREADABLE = {
    'truncated JSON': '{"format":"stackplan.roadmap","version":1,',
    'not JSON': 'not json',
    'non-ASCII fragment': '{"format":"stackplan.roadmap","version":1,"title":"Café ☕ \u2028',
  };

  for (const [what, text] of Object.entries(UNREADABLE)) {
    test(`corrupted roadmap (${what}) is reported and kept aside byte for byte`, async ({ page }) => {
      // Seed the broken text once, before the app's first load (not again on reload).
      await page.addInitScript(
        ([key, value]) => {
          if (!window.sessionStorage.getItem('e2e-seeded')) {
            window.localStorage.clear();
            window.localStorage.setItem(key, value);
            window.sessionStorage.setItem('e2e-seeded', '1');
          }
        },
        [ROADMAP_KEY, text],
      );
      const app = new Planner(page);
      await app.goto();

      await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();

      const recovered = () =>
        page.evaluate((prefix) => {
          const out = {};
          for (let i = 0; i < window.localStorage.length; i += 1) {
            const k = window.localStorage.key(i);
            if (k.startsWith(prefix)) out[k] = window.localStorage.getItem(k);
          }
          return out;
        }, RECOVERED_PREFIX);
      await expect.poll(async () => Object.values(await recovered())).toContain(text);
      // Regression: the fresh roadmap was named after the switcher's "Unreadable roadmap" placeholder.
      await expect(page.getByRole('textbox', { name: 'Roadmap name' })).toHaveValue('My roadmap');

      // The app still works, and saving the new roadmap keeps the recovered copy.
      await app.newInitiative('After recovery');
      await waitForSave(page, ['After recovery']);
      expect(Object.values(await recovered())).toContain(text);

      await page.reload();
      await expect(app.grid.card('After recovery')).toBeVisible();
      expect(Object.values(await recovered())).toContain(text);
      await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toHaveCount(0);
    });
  }

  test('unavailable storage is reported and the app works in memory', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const app = new Planner(page);
    await app.goto();
    await expect(page.getByRole('alert').filter({ hasText: 'not saved' })).toBeVisible();

    const card = await app.newInitiative('In-memory only', { effort: 2, impact: 9 });
    await expect(card).toHaveAccessibleName(scoreInName('impact', 9));
    await app.catalog.add('Cloud Platform');
    await expect(app.grid.card('Cloud Platform')).toBeVisible();
  });
});
