// The one modal shell (DESIGN section 5): a dialog takes focus when it opens, keeps Tab inside,
// brings back focus that strays, closes on Escape or a click beside it, and gives focus back to
// the control that opened it.
const { test, expect } = require('./support/test');
const { Planner } = require('./support/planner');
const { answerImport, fixtureText, importByPicker, importDialog } = require('./support/files');

async function openFixture(page) {
  await new Planner(page).goto();
  await importByPicker(page, 'roadmap.json', fixtureText());
  await answerImport(page, 'Data platform 2027', 'Replace current roadmap');
}

/** Tab from the last control reaches the first, Shift+Tab from the first the last. */
async function expectTabWraps(page, first, last) {
  await last.focus();
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(last).toBeFocused();
}

test('a confirmation keeps focus inside and gives it back to its opener on Escape', async ({ page }) => {
  await openFixture(page);
  const opener = page.getByRole('button', { name: 'Delete Scale', exact: true });
  await opener.click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete Scale?' });
  const cancel = dialog.getByRole('button', { name: 'Cancel' });
  const remove = dialog.getByRole('button', { name: 'Delete phase' });
  await expect(remove).toBeFocused();
  await expectTabWraps(page, cancel, remove);

  // Focus moved out of the dialog by script (or an assistive tool) comes back in.
  await page.getByRole('button', { name: 'Suggest phases' }).evaluate((button) => button.focus());
  await expect(remove).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(new Planner(page).phases.column('Scale')).toBeVisible();
});

test('the suggested phases close on a click beside them and give focus back', async ({ page }) => {
  await openFixture(page);
  const opener = page.getByRole('button', { name: 'Suggest phases' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Suggested phases' });
  const discard = dialog.getByRole('button', { name: 'Discard' });
  const accept = dialog.getByRole('button', { name: 'Accept' });
  await expect(accept).toBeFocused();
  await expectTabWraps(page, discard, accept);

  const box = await dialog.boundingBox();
  await page.mouse.click(box.x / 2, box.y + box.height / 2);
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the import preview keeps Tab inside and Escape leaves the roadmap as it was', async ({ page }) => {
  await openFixture(page);
  await importByPicker(page, 'roadmap.json', fixtureText());
  const dialog = importDialog(page, 'Data platform 2027');
  const cancel = dialog.getByRole('button', { name: 'Cancel' });
  const open = dialog.getByRole('button', { name: 'Open as new roadmap' });
  await expect(open).toBeFocused();
  await expectTabWraps(page, cancel, open);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Roadmap name', exact: true })).toHaveValue('Data platform 2027');
});
