// Your own outline as a catalog: import a Markdown outline, switch between it and the built-in
// one, add from it, keep both across a reload; hostile files change nothing and say why.
const { test, expect } = require('./support/test');
const { Planner } = require('./support/planner');

const TEAM = [
  '# Team plan',
  '',
  '## Hiring - Recruiter, Job board/Referrals',
  '',
  '### Onboarding <b>buddy</b>',
  '',
  '## Training',
  '',
].join('\n');

function outlineSelect(page) {
  return page.getByRole('combobox', { name: 'Outline', exact: true });
}

async function importOutline(page, name, contents) {
  await page.getByLabel('Import outline', { exact: true }).setInputFiles({
    name,
    mimeType: 'text/markdown',
    buffer: Buffer.isBuffer(contents) ? contents : Buffer.from(contents),
  });
}

async function outlineNames(page) {
  return outlineSelect(page).locator('option').evaluateAll((options) => options.map((option) => option.textContent));
}

test('an imported outline becomes the catalog, its items keep their origin, and both survive a reload', async ({ page }) => {
  const app = new Planner(page);
  await app.goto();
  await importOutline(page, 'team.md', TEAM);
  await expect(page.getByRole('alert').filter({ hasText: 'Outline “Team plan” imported: 4 headings.' })).toBeVisible();
  await expect(outlineSelect(page).locator('option:checked')).toHaveText('Team plan');
  await expect(app.catalog.item('Team plan')).toBeVisible();
  await expect(app.catalog.item('Modern Stacks')).toHaveCount(0);
  // HTML in a heading is shown as text.
  await app.catalog.expand('Hiring - Recruiter, Job board/Referrals');
  await expect(app.catalog.tree.getByText('Onboarding <b>buddy</b>')).toBeVisible();

  await app.catalog.add('Training');
  await expect(app.grid.card('Training')).toBeVisible();
  await expect(app.inspector.region.getByText('From the catalog: Team plan', { exact: true })).toBeVisible();

  await page.reload();
  await expect(outlineSelect(page).locator('option:checked')).toHaveText('Team plan');
  await expect(app.catalog.item('Team plan')).toBeVisible();
  await expect(app.grid.card('Training')).toBeVisible();

  // Back to the built-in outline, then rename and remove the imported one.
  await outlineSelect(page).selectOption({ label: 'Modern Stacks (built in)' });
  await expect(app.catalog.item('Modern Stacks')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove outline' })).toHaveCount(0);
  await outlineSelect(page).selectOption({ label: 'Team plan' });
  const name = page.getByRole('textbox', { name: 'Outline name', exact: true });
  await name.fill('People plan');
  await name.press('Enter');
  await expect.poll(() => outlineNames(page)).toEqual(['Modern Stacks (built in)', 'People plan']);
  await page.getByRole('button', { name: 'Remove outline', exact: true }).click();
  await expect.poll(() => outlineNames(page)).toEqual(['Modern Stacks (built in)']);
  await expect(app.catalog.item('Modern Stacks')).toBeVisible();
  // The initiative keeps its origin after its outline is gone.
  await app.selectCard('Training');
  await expect(app.inspector.region.getByText('From the catalog: Team plan', { exact: true })).toBeVisible();
});

for (const [what, name, contents, reason] of [
  ['a binary file', 'logo.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'the file is not text'],
  ['a file without headings', 'notes.md', 'Just some notes.\n\n- a list item\n', 'the outline has no headings'],
  ['a heading deeper than six levels', 'deep.md', '# Top\n\n####### Seventh\n', 'line 3 is a heading deeper than level 6'],
  ['too many headings', 'huge.md', Array.from({ length: 5001 }, (_, index) => `## Heading ${index}`).join('\n'), 'the outline has 5001 headings'],
]) {
  test(`${what} gives a message and leaves the outline list as it was`, async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await importOutline(page, name, contents);
    await expect(
      page.getByRole('alert').filter({ hasText: `“${name}” was not imported as an outline; the catalog is unchanged: ${reason}` }),
    ).toBeVisible();
    expect(await outlineNames(page)).toEqual(['Modern Stacks (built in)']);
    await expect(app.catalog.item('Modern Stacks')).toBeVisible();
  });
}
