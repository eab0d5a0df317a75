// Working safely (DESIGN.md section 2): undo/redo by buttons and keyboard, several roadmaps kept
// in this browser (create, rename, duplicate, switch, delete) across a reload, two tabs on the
// same roadmap (changes follow, conflicts are asked about), and full storage.
const { test, expect } = require('./support/test');
const {
  Planner,
  ROADMAP_KEY,
  SAVE_LOCK,
  WORKSPACE_KEY,
  saveTimers,
  scoreInName,
  stored,
  storedRoadmap,
  waitForNoPendingSave,
  waitForSave,
  watchSaveTimers,
} = require('./support/planner');
const { download, exportJson, roadmapNameBox, roadmapNames, roadmapSwitcher } = require('./support/files');

const STORAGE = 'Data Storage - Amazon S3, Hadoop HDFS, Snowflake, Amazon Redshift';

/** Deletes the selected initiative `title`: gone at once, without a question. */
async function deleteSelected(app, title) {
  await app.inspector.deleteButton.click();
  await expect(app.grid.card(title)).toHaveCount(0);
  await expect(app.page.getByRole('alertdialog')).toHaveCount(0);
}

test.describe('undo and redo', () => {
  let app;
  test.beforeEach(async ({ page }) => {
    app = new Planner(page);
    await app.goto();
  });

  /** Adds the catalog item, moves it right and up with arrow keys, deletes it: four undo steps. */
  async function fourChanges(page) {
    const card = app.grid.card(STORAGE);
    await app.catalog.add(STORAGE, ['Data Tech Stack']);
    await expect(card).toHaveAccessibleName(scoreInName('effort', 5.5));
    await card.focus();
    await page.keyboard.press('ArrowRight');
    await expect(card).toHaveAccessibleName(scoreInName('effort', 6));
    await page.keyboard.press('ArrowUp');
    await expect(card).toHaveAccessibleName(scoreInName('impact', 6));
    await app.selectCard(STORAGE);
    await deleteSelected(app, STORAGE);
    return card;
  }

  test('buttons undo and redo adding, moving (arrow keys) and deleting an initiative', async ({ page }) => {
    await expect(app.undoButton).toBeDisabled();
    await expect(app.redoButton).toBeDisabled();
    const card = await fourChanges(page);
    await expect(app.undoButton).toBeEnabled();
    await expect(app.redoButton).toBeDisabled();

    await app.undoButton.click(); // the delete
    await expect(card).toHaveAccessibleName(/, effort 6\.0, impact 6\.0,/);
    await app.undoButton.click(); // ArrowUp
    await expect(card).toHaveAccessibleName(/, effort 6\.0, impact 5\.5,/);
    await app.undoButton.click(); // ArrowRight
    await expect(card).toHaveAccessibleName(/, effort 5\.5, impact 5\.5,/);
    await app.undoButton.click(); // the add
    await expect(card).toHaveCount(0);
    await expect(app.undoButton).toBeDisabled();
    await expect(app.redoButton).toBeEnabled();

    await app.redoButton.click();
    await expect(card).toHaveAccessibleName(/, effort 5\.5, impact 5\.5,/);
    await app.redoButton.click();
    await expect(card).toHaveAccessibleName(/, effort 6\.0, impact 5\.5,/);
    await app.redoButton.click();
    await expect(card).toHaveAccessibleName(/, effort 6\.0, impact 6\.0,/);
    await app.redoButton.click();
    await expect(card).toHaveCount(0);
    await expect(app.redoButton).toBeDisabled();

    // A new change after undo clears the redo steps.
    await app.undoButton.click();
    await expect(card).toBeVisible();
    await app.newInitiative('Branch');
    await expect(app.redoButton).toBeDisabled();
  });

  test('Ctrl+Z and Ctrl+Shift+Z undo and redo when focus is not in a text field', async ({ page }) => {
    const card = await fourChanges(page);
    await page.evaluate(() => document.activeElement && document.activeElement.blur());

    await page.keyboard.press('Control+z');
    await expect(card).toHaveAccessibleName(/, effort 6\.0, impact 6\.0,/);
    // Focus on the card (a button) still lets the shortcuts through.
    await card.focus();
    await page.keyboard.press('Control+z');
    await expect(card).toHaveAccessibleName(/, effort 6\.0, impact 5\.5,/);
    await page.keyboard.press('Control+z');
    await expect(card).toHaveAccessibleName(/, effort 5\.5, impact 5\.5,/);
    await page.keyboard.press('Control+z');
    await expect(card).toHaveCount(0);
    await expect(app.undoButton).toBeDisabled();

    await page.keyboard.press('Control+Shift+z');
    await expect(card).toHaveAccessibleName(/, effort 5\.5, impact 5\.5,/);
    await page.keyboard.press('Control+Shift+Z');
    await expect(card).toHaveAccessibleName(/, effort 6\.0, impact 5\.5,/);
    await page.keyboard.press('Control+y');
    await expect(card).toHaveAccessibleName(/, effort 6\.0, impact 6\.0,/);
  });

  test('Ctrl+Z inside a text field is left to the text field', async ({ page }) => {
    await app.catalog.add(STORAGE, ['Data Tech Stack']);
    await expect(app.grid.card(STORAGE)).toBeVisible();
    await expect(app.redoButton).toBeDisabled();
    const nameBox = roadmapNameBox(page);
    await nameBox.focus();
    await page.keyboard.press('Control+z');
    // Keys are handled in order: once Tab has moved the focus on, Ctrl+Z has been handled too.
    await page.keyboard.press('Tab');
    await expect(nameBox).not.toBeFocused();
    await expect(app.grid.card(STORAGE)).toBeVisible();
    await expect(app.undoButton).toBeEnabled();
    await expect(app.redoButton).toBeDisabled(); // the app's Undo did not run
  });
});

test.describe('several roadmaps', () => {
  test('create, rename, duplicate, switch and delete; all survive a reload', async ({ page }) => {
    const app = new Planner(page);
    const nameBox = roadmapNameBox(page);
    const switcher = roadmapSwitcher(page);
    await app.goto();
    await expect(nameBox).toHaveValue('My roadmap');
    expect(await roadmapNames(page)).toEqual(['My roadmap']);

    // Rename the first roadmap and give it an initiative.
    await app.newInitiative('Alpha item');
    await nameBox.fill('Alpha plan');
    await expect.poll(() => roadmapNames(page)).toEqual(['Alpha plan']);

    // A new, empty roadmap.
    await page.getByRole('button', { name: 'New roadmap', exact: true }).click();
    await expect(nameBox).toHaveValue('New roadmap');
    await expect(app.grid.card('Alpha item')).toHaveCount(0);
    await expect.poll(() => roadmapNames(page)).toEqual(['Alpha plan', 'New roadmap']);
    await expect(switcher.locator('option:checked')).toHaveText('New roadmap');
    await expect(app.undoButton).toBeDisabled();
    await app.newInitiative('Beta item', { effort: 8, impact: 8 });
    await nameBox.fill('Beta plan');
    await expect.poll(() => roadmapNames(page)).toEqual(['Alpha plan', 'Beta plan']);

    // Duplicate: a copy with the same initiatives, changed independently.
    await page.getByRole('button', { name: 'Copy roadmap', exact: true }).click();
    await expect(nameBox).toHaveValue('Beta plan (copy)');
    await expect(app.grid.card('Beta item')).toHaveAccessibleName(scoreInName('effort', 8));
    await expect.poll(() => roadmapNames(page)).toEqual(['Alpha plan', 'Beta plan', 'Beta plan (copy)']);
    await app.newInitiative('Copy only item', { effort: 2, impact: 2 });

    // Switch with "Open roadmap".
    await switcher.selectOption({ label: 'Beta plan' });
    await expect(nameBox).toHaveValue('Beta plan');
    await expect(app.grid.card('Beta item')).toBeVisible();
    await expect(app.grid.card('Copy only item')).toHaveCount(0);
    await switcher.selectOption({ label: 'Alpha plan' });
    await expect(nameBox).toHaveValue('Alpha plan');
    await expect(app.grid.card('Alpha item')).toBeVisible();
    await expect(app.grid.card('Beta item')).toHaveCount(0);
    await switcher.selectOption({ label: 'Beta plan (copy)' });
    await expect(app.grid.card('Copy only item')).toBeVisible();
    await expect(app.grid.card('Beta item')).toBeVisible();

    // Delete asks first; Cancel keeps it.
    const deleteRoadmap = page.getByRole('button', { name: 'Delete roadmap', exact: true });
    await deleteRoadmap.click();
    const question = page.getByRole('alertdialog', { name: 'Delete “Beta plan (copy)”?' });
    await expect(question).toBeVisible();
    await question.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(question).toBeHidden();
    expect(await roadmapNames(page)).toEqual(['Alpha plan', 'Beta plan', 'Beta plan (copy)']);
    await expect(app.grid.card('Copy only item')).toBeVisible();

    await deleteRoadmap.click();
    await question.getByRole('button', { name: 'Delete roadmap', exact: true }).click();
    await expect(question).toBeHidden();
    await expect.poll(() => roadmapNames(page)).toEqual(['Alpha plan', 'Beta plan']);
    await expect(app.grid.card('Copy only item')).toHaveCount(0);
    await expect(nameBox).toHaveValue('Beta plan');
    await expect(app.grid.card('Beta item')).toBeVisible();

    // Storage holds exactly the two roadmaps and an index naming them.
    await expect
      .poll(() =>
        page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('stackplan:roadmap:')).length),
      )
      .toBe(2);
    // The list of roadmaps is stored too, with Beta plan open.
    await expect
      .poll(async () => {
        const workspace = JSON.parse(await stored(page, WORKSPACE_KEY));
        const active = workspace.roadmaps.find((entry) => entry.id === workspace.active);
        return [workspace.roadmaps.map((entry) => entry.name), active && active.name];
      })
      .toEqual([['Alpha plan', 'Beta plan'], 'Beta plan']);

    await page.reload();
    await expect(app.grid.region).toBeVisible();
    await expect.poll(() => roadmapNames(page)).toEqual(['Alpha plan', 'Beta plan']);
    await expect(nameBox).toHaveValue('Beta plan');
    await expect(app.grid.card('Beta item')).toHaveAccessibleName(scoreInName('impact', 8));
    await switcher.selectOption({ label: 'Alpha plan' });
    await expect(app.grid.card('Alpha item')).toBeVisible();
    await expect(app.grid.card('Beta item')).toHaveCount(0);

    // The roadmap last changed is the one a reload opens: its save lists it as the open one.
    const alphaItem = app.grid.card('Alpha item');
    const before = await alphaItem.getAttribute('aria-label');
    await alphaItem.focus();
    await page.keyboard.press('ArrowUp');
    await expect(alphaItem).not.toHaveAccessibleName(before);
    const moved = await alphaItem.getAttribute('aria-label');
    await expect
      .poll(async () => {
        const workspace = JSON.parse(await stored(page, WORKSPACE_KEY));
        return workspace.roadmaps.find((entry) => entry.id === workspace.active)?.name;
      })
      .toBe('Alpha plan');
    await page.reload();
    await expect(nameBox).toHaveValue('Alpha plan');
    await expect(app.grid.card('Alpha item')).toHaveAccessibleName(moved);
  });
});

test.describe('two tabs', () => {
  // Each step below makes one change and waits until the other tab shows it before the next.
  // A tab learns of the other's change only from the storage event its save fires, so by then
  // that save is in storage: every save is a single write the other tab receives on its own.

  /**
   * Opens the planner in `page` (keeping a record of its save timers); with a `title`, creates
   * that initiative at effort 5, impact 5 there and waits until it is stored. Then opens the
   * planner in a second tab, showing what storage holds.
   */
  async function twoTabs(page, title) {
    await watchSaveTimers(page);
    const a = new Planner(page);
    await a.goto();
    if (title) {
      await a.newInitiative(title, { effort: 5, impact: 5 });
      await waitForSave(
        page,
        (roadmap) =>
          roadmap.initiatives.length === 1 &&
          roadmap.initiatives[0].title === title &&
          roadmap.initiatives[0].effort === 5 &&
          roadmap.initiatives[0].impact === 5,
        `"${title}" at effort 5, impact 5 should be stored`,
      );
    }
    const b = new Planner(await page.context().newPage());
    await b.goto();
    if (title) await expect(b.grid.card(title)).toHaveAccessibleName(/, effort 5\.0, impact 5\.0,/);
    return [a, b];
  }

  test('a change saved in one tab appears in the other, both ways', async ({ page }) => {
    const [a, b] = await twoTabs(page);
    await a.catalog.add(STORAGE, ['Data Tech Stack']);
    await expect(b.grid.card(STORAGE)).toHaveAccessibleName(scoreInName('effort', 5.5));
    expect((await storedRoadmap(page)).initiatives.map((i) => i.title)).toEqual([STORAGE]);

    await roadmapNameBox(a.page).fill('Team plan');
    await expect(roadmapNameBox(b.page)).toHaveValue('Team plan');
    await expect.poll(() => roadmapNames(b.page)).toEqual(['Team plan']);
    expect((await storedRoadmap(page)).name).toBe('Team plan');

    // And back: B moves the card, A follows.
    const cardB = b.grid.card(STORAGE);
    await cardB.focus();
    await b.page.keyboard.press('Shift+ArrowRight');
    await expect(a.grid.card(STORAGE)).toHaveAccessibleName(scoreInName('effort', 7.5));
    await expect(a.page.getByRole('alertdialog')).toHaveCount(0);
    await expect(b.page.getByRole('alertdialog')).toHaveCount(0);
  });

  test('two tabs adding roadmaps in a tight loop lose none of them', async ({ page }) => {
    // Both tabs read, change and write the one list of roadmaps. Each save takes the page-wide
    // save lock and changes the list as stored at that moment, so neither tab's roadmaps can
    // drop out of the list the other writes.
    const [a, b] = await twoTabs(page);
    const ROUNDS = 8;
    const burst = (tab) =>
      tab.page.evaluate(async (rounds) => {
        for (let round = 0; round < rounds; round += 1) {
          document.querySelector('button[aria-label="New roadmap"]').click();
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }, ROUNDS);
    await Promise.all([burst(a), burst(b)]);

    const expected = 1 + 2 * ROUNDS;
    const listed = async () => {
      const workspace = JSON.parse((await stored(page, WORKSPACE_KEY)) || '{"roadmaps":[]}');
      return workspace.roadmaps.map((entry) => entry.id);
    };
    await expect.poll(async () => (await listed()).length, { timeout: 15_000 }).toBe(expected);
    const ids = await listed();
    expect(new Set(ids).size).toBe(expected);
    const storedIds = () =>
      page.evaluate(() =>
        Object.keys(localStorage)
          .filter((key) => key.startsWith('stackplan:roadmap:'))
          .map((key) => key.slice('stackplan:roadmap:'.length))
          .sort(),
      );
    // Every new roadmap is stored and listed; the first one (r1) is listed but, never changed,
    // has nothing stored yet. A new roadmap is written once it has painted, so the other tab
    // may list it a frame before its own tab stores it.
    await expect.poll(storedIds).toEqual(ids.filter((id) => id !== 'r1').sort());
    expect(ids).toContain('r1');
    for (const tab of [a, b]) {
      await expect.poll(async () => (await roadmapNames(tab.page)).length).toBe(expected);
    }
    await expect(a.page.getByRole('alertdialog')).toHaveCount(0);
    await expect(b.page.getByRole('alertdialog')).toHaveCount(0);
  });

  test('a tab that only receives changes never asks about a conflict', async ({ page }) => {
    // Regression: adopting another tab's save scheduled a save of its own, so the other tab's
    // next save inside that 300 ms window looked like a conflict. Here A saves at once by
    // opening a new roadmap (which flushes its pending save) right after B received A's
    // previous save.
    const [a, b] = await twoTabs(page, 'Relay');
    const cardA = a.grid.card('Relay');
    await cardA.focus();
    await a.page.keyboard.press('ArrowRight'); // saved 300 ms later; B applies it
    // The moment A's save is in storage, A changes again and saves at once: "New roadmap"
    // flushes the pending save of the open roadmap. Done in the page so the timing is exact.
    await a.page.evaluate(async (key) => {
      const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      const saved = () => JSON.parse(localStorage.getItem(key)).initiatives[0].effort === 5.5;
      while (!saved()) await sleep(2);
      document.activeElement.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, cancelable: true }),
      );
      await sleep(0); // let the change schedule its save
      document.querySelector('button[aria-label="New roadmap"]').click();
    }, ROADMAP_KEY);
    await expect(roadmapNameBox(a.page)).toHaveValue('New roadmap');

    // B (still on the first roadmap) follows quietly.
    await expect(b.grid.card('Relay')).toHaveAccessibleName(/, effort 5\.5, impact 5\.5,/);
    await expect(b.page.getByRole('alertdialog', { name: 'Changed in another tab' })).toHaveCount(0);
  });

  /**
   * Both tabs change the same roadmap before either has saved: A nudges the card up (its save is
   * due 300 ms later), then B nudges it right and saves at once (the pagehide flush), so B's save
   * reaches A while A's own save is still pending and A must ask. A signals B over a
   * BroadcastChannel inside the pages, so no test-runner round trip sits between the two
   * changes; and A's page holds the save lock meanwhile (as another tab's long save would), so
   * however busy the machine, A's save waits, still pending, until B's write has reached A.
   */
  async function conflict(page) {
    const [a, b] = await twoTabs(page, 'Contested');
    const cardA = a.grid.card('Contested');
    const cardB = b.grid.card('Contested');
    await expect(cardB).toHaveAccessibleName(/, effort 5\.0, impact 5\.0,/);
    await cardB.focus();
    await cardA.focus();
    const savesBefore = (await saveTimers(a.page)).scheduled;

    await b.page.evaluate(() => {
      const channel = new BroadcastChannel('stackplan-e2e-conflict');
      window.__nudged = new Promise((resolve) => {
        channel.onmessage = () => {
          const card = document.activeElement;
          card.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
          // Once the change has scheduled its save, leaving the page saves it at once.
          setTimeout(() => {
            window.dispatchEvent(new Event('pagehide'));
            channel.close();
            resolve(card.getAttribute('aria-label'));
          }, 0);
        };
      });
    });
    await a.page.evaluate(async (lock) => {
      await new Promise((held) => {
        navigator.locks.request(lock, () => new Promise((release) => {
          window.__releaseSaveLock = release;
          held();
        }));
      });
      document.activeElement.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, cancelable: true }),
      );
      const channel = new BroadcastChannel('stackplan-e2e-conflict');
      channel.postMessage('nudged');
      setTimeout(() => channel.close(), 1_000);
    }, SAVE_LOCK);
    expect(await b.page.evaluate(() => window.__nudged)).toMatch(/^Contested,/);
    await expect(cardB).toHaveAccessibleName(/, effort 5\.5, impact 5\.0,/); // B: effort 5.5
    await expect(cardA).toHaveAccessibleName(/, effort 5\.0, impact 5\.5,/); // A: impact 5.5
    const dialog = a.page.getByRole('alertdialog', { name: 'Changed in another tab' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Nothing was overwritten');
    await a.page.evaluate(() => window.__releaseSaveLock());
    // Storage holds B's version, and A does not write over it while the question is open: A's
    // nudge scheduled a save, and once no save is waiting or running in A, storage still holds B's.
    expect((await saveTimers(a.page)).scheduled).toBeGreaterThan(savesBefore);
    await waitForNoPendingSave(a.page);
    const kept = await storedRoadmap(a.page);
    expect(kept.initiatives[0]).toMatchObject({ effort: 5.5, impact: 5 });
    await expect(cardA).toHaveAccessibleName(/, effort 5\.0, impact 5\.5,/);
    await expect(b.page.getByRole('alertdialog')).toHaveCount(0);
    return { a, b, dialog, cardA, cardB };
  }

  test('both tabs change at once: "Use the other tab\'s version", and Undo brings this tab\'s back', async ({ page }) => {
    const { a, dialog, cardA, cardB } = await conflict(page);
    await dialog.getByRole('button', { name: "Use the other tab's version", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(cardA).toHaveAccessibleName(/, effort 5\.5, impact 5\.0,/);
    await a.undoButton.click();
    await expect(cardA).toHaveAccessibleName(/, effort 5\.0, impact 5\.5,/);
    // That undo is a change like any other: saved, and B follows.
    await expect(cardB).toHaveAccessibleName(/, effort 5\.0, impact 5\.5,/);
  });

  test('both tabs change at once: "Keep this tab\'s version" writes it, and the other tab follows', async ({ page }) => {
    const { a, dialog, cardA, cardB } = await conflict(page);
    await dialog.getByRole('button', { name: "Keep this tab's version", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(cardA).toHaveAccessibleName(/, effort 5\.0, impact 5\.5,/);
    await expect(cardB).toHaveAccessibleName(/, effort 5\.0, impact 5\.5,/);
    await expect.poll(async () => (await storedRoadmap(a.page)).initiatives[0]).toMatchObject({ effort: 5, impact: 5.5 });
  });

  test('the conflict question cannot be dismissed with Escape', async ({ page }) => {
    const { dialog } = await conflict(page);
    const useTheirs = dialog.getByRole('button', { name: "Use the other tab's version", exact: true });
    const keepMine = dialog.getByRole('button', { name: "Keep this tab's version", exact: true });
    await useTheirs.focus();
    await expect(useTheirs).toBeFocused();
    await page.keyboard.press('Escape');
    // Keys are handled in order: once Shift+Tab has moved the focus, Escape has been handled.
    await page.keyboard.press('Shift+Tab');
    await expect(keepMine).toBeFocused();
    await expect(dialog).toBeVisible();
  });
});

test.describe('full storage', () => {
  test('a full quota is reported; the app keeps working in memory and Export JSON still has it', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await app.newInitiative('Saved before full', { effort: 2, impact: 9 });
    await waitForSave(
      page,
      (roadmap) => roadmap.initiatives.some((i) => i.title === 'Saved before full' && i.effort === 2 && i.impact === 9),
    );

    // Fill localStorage with junk until not even one more character fits.
    const junkKeys = await page.evaluate(() => {
      let size = 1 << 20;
      let count = 0;
      while (size >= 1) {
        try {
          localStorage.setItem(`junk:${count}`, 'x'.repeat(size));
          count += 1;
        } catch (error) {
          if (error.name !== 'QuotaExceededError') throw error;
          size = Math.floor(size / 2);
        }
      }
      return count;
    });
    expect(junkKeys).toBeGreaterThan(0);

    await app.newInitiative('Made while full', { effort: 8, impact: 3 });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Browser storage is full');
    await expect(alert).toContainText('Export JSON');

    // Still working in memory: the change shows, more changes work, Undo works.
    await expect(app.grid.card('Made while full')).toHaveAccessibleName(scoreInName('effort', 8));
    const card = app.grid.card('Made while full');
    await card.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(card).toHaveAccessibleName(scoreInName('effort', 7.5));

    // Storage still holds the last good save, intact.
    const kept = await storedRoadmap(page);
    expect(kept.initiatives.map((i) => i.title)).toEqual(['Saved before full']);

    const { text } = await exportJson(page);
    const exported = JSON.parse(text);
    expect(exported.initiatives.map((i) => i.title)).toEqual(['Saved before full', 'Made while full']);
    expect(exported.initiatives[1]).toMatchObject({ effort: 7.5, impact: 3 });
    // The notice offers the same export.
    const fromNotice = await download(page, alert.getByRole('button', { name: /^Export JSON/ }));
    expect(fromNotice.text).toBe(text);

    // Once space is freed, the next change is saved.
    await page.evaluate((count) => {
      for (let i = 0; i < count; i += 1) localStorage.removeItem(`junk:${i}`);
    }, junkKeys);
    await card.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(card).toHaveAccessibleName(scoreInName('effort', 7));
    await expect
      .poll(async () => (await storedRoadmap(page)).initiatives.map((i) => [i.title, i.effort]))
      .toEqual([['Saved before full', 2], ['Made while full', 7]]);
  });
});
