// Share links (#r=…): the whole roadmap in the page address's fragment, copied from one browser
// and opened in another through the same preview as a file; damaged links change nothing.
const { test, expect } = require('./support/test');
const { Planner, waitForSave } = require('./support/planner');
const { answerImport, fixtureText, importByPicker, importDialog, roadmapNames } = require('./support/files');

async function copyShareLink(page) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy share link', exact: true }).click();
  const note = page.getByRole('status').filter({ hasText: /^Link copied · / });
  await expect(note).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  return { link, note: await note.innerText() };
}

test('a link copied in one browser opens as a preview in another, then as the roadmap', async ({ page, browser }) => {
  const app = new Planner(page);
  await app.goto();
  await importByPicker(page, 'roadmap.json', fixtureText());
  await answerImport(page, 'Data platform 2027', 'Replace current roadmap');
  const { link, note } = await copyShareLink(page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#r=1\.[A-Za-z0-9_-]+$/);
  expect(note).toBe(`Link copied · ${link.length.toLocaleString('en-US')} characters`);

  const other = await browser.newContext();
  try {
    const elsewhere = await other.newPage();
    await elsewhere.goto(link);
    await answerImport(elsewhere, 'Data platform 2027', 'Replace current roadmap');
    const there = new Planner(elsewhere);
    for (const title of ['Data Lake', 'Infrastructure as code', 'Self-service BI dashboards 📊']) {
      await expect(there.grid.card(title)).toBeVisible();
    }
    await there.selectCard('Data Lake');
    await expect(there.inspector.effort).toHaveValue('7.5');
    await expect(there.inspector.selectedPhase()).toHaveText('Foundations (Q1–Q2)');
    // The fragment is gone, so a reload opens the roadmap without asking again.
    expect(new URL(elsewhere.url()).hash).toBe('');
    await waitForSave(elsewhere, ['Data platform 2027']);
    await elsewhere.reload();
    await expect(there.grid.card('Data Lake')).toBeVisible();
    await expect(importDialog(elsewhere, 'Data platform 2027')).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test('a link pasted into the open page asks too, and Cancel keeps the roadmap', async ({ page }) => {
  const app = new Planner(page);
  await app.goto();
  await importByPicker(page, 'roadmap.json', fixtureText());
  await answerImport(page, 'Data platform 2027', 'Replace current roadmap');
  const { link } = await copyShareLink(page);
  await app.newInitiative('Only here');
  await page.evaluate((fragment) => {
    location.hash = fragment;
  }, new URL(link).hash);
  await answerImport(page, 'Data platform 2027', 'Cancel');
  await expect(app.grid.card('Only here')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
});

test('a truncated or altered link gives a message and changes nothing', async ({ page }) => {
  const app = new Planner(page);
  await app.goto();
  await importByPicker(page, 'roadmap.json', fixtureText());
  await answerImport(page, 'Data platform 2027', 'Replace current roadmap');
  const { link } = await copyShareLink(page);
  await expect.poll(() => roadmapNames(page)).toEqual(['Data platform 2027']);

  for (const [broken, words] of [
    [link.slice(0, link.length - 40), 'The link is damaged: its compressed roadmap is incomplete or changed.'],
    [link.replace('#r=1.', '#r=1.%%%'), "The link is damaged: its roadmap is not in the link's alphabet (base64url)."],
    [link.replace('#r=1.', '#r=9.'), 'The link was made by a newer Stackplan (link version 9'],
  ]) {
    await page.goto(broken);
    const alert = page.getByRole('alert').filter({ hasText: 'The share link was not imported; your roadmap is unchanged.' });
    await expect(alert).toContainText(words);
    await expect(importDialog(page, 'Data platform 2027')).toHaveCount(0);
    await expect(app.grid.card('Data Lake')).toBeVisible();
    expect(await roadmapNames(page)).toEqual(['Data platform 2027']);
  }
});

test('a long link says a file is the better choice, and is still copied', async ({ page }) => {
  const app = new Planner(page);
  await app.goto();
  // Descriptions that do not compress (a seeded pseudo-random text) make a link well over
  // 8,000 characters.
  let seed = 7;
  const noise = (length) =>
    Array.from({ length }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return String.fromCharCode(97 + (seed % 26));
    }).join('');
  const file = JSON.parse(fixtureText());
  file.initiatives = Array.from({ length: 120 }, (_, index) => ({
    ...file.initiatives[5],
    id: `n${index}`,
    title: `Initiative ${index}`,
    description: noise(80),
    dependencies: [],
  }));
  await importByPicker(page, 'big.json', JSON.stringify(file));
  await answerImport(page, 'Data platform 2027', 'Replace current roadmap');
  const { link, note } = await copyShareLink(page);
  expect(link.length).toBeGreaterThan(8_000);
  expect(note).toBe(
    `Link copied · ${link.length.toLocaleString('en-US')} characters: chat tools and mail clients often cut links this long, so a file (Export JSON) is the better choice.`,
  );
});
