// Helpers for the sharing and safety specs: exporting (reading the downloaded file), importing
// by file picker, drop and paste, the published JSON Schema, the stored v1 fixture and a CSV reader.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { expect } = require('@playwright/test');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const ROOT = path.resolve(__dirname, '../../..');
const SCHEMA_PATH = path.join(ROOT, 'public/schema/roadmap.v1.schema.json');
const FIXTURE_PATH = path.join(ROOT, 'tests/fixtures/roadmap-v1.json');

/** The stored v1 fixture, exactly as kept (an export of "Data platform 2027"). */
function fixtureText() {
  return fs.readFileSync(FIXTURE_PATH, 'utf8');
}

/** The fixture parsed, for building hostile variants. */
function fixture() {
  return JSON.parse(fixtureText());
}

let validator;
/** Validates a parsed roadmap against the published schema; returns ajv's errors (empty when valid). */
function schemaErrors(data) {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')));
  }
  return validator(data) ? [] : validator.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/** Clicks `button` and returns the download it starts: { name, text, bytes }. */
async function download(page, button) {
  const [started] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = await started.path();
  if (!file) throw new Error(`download ${started.suggestedFilename()} failed: ${await started.failure()}`);
  const bytes = fs.readFileSync(file);
  return { name: started.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

function exportJsonButton(page) {
  return page.getByRole('button', { name: 'Export JSON', exact: true });
}

function exportCsvButton(page) {
  return page.getByRole('button', { name: 'Export CSV', exact: true });
}

/** "Export JSON" → { name, text } of the downloaded file. */
function exportJson(page) {
  return download(page, exportJsonButton(page));
}

/** "Export CSV" → { name, text } of the downloaded file. */
function exportCsv(page) {
  return download(page, exportCsvButton(page));
}

/** The "Import JSON" file input. */
function importInput(page) {
  return page.getByLabel('Import JSON', { exact: true });
}

/** Chooses a file in the "Import JSON" picker. */
async function importByPicker(page, name, text) {
  await importInput(page).setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
}

/** Drops a File (built in the page) on the page body, as a drag from the desktop would. */
async function importByDrop(page, name, text) {
  await page.evaluate(
    ([fileName, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'application/json' }));
      const target = document.querySelector('main') || document.body;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [name, text],
  );
}

/** Pastes text on the page (focus outside any text field). */
async function importByPaste(page, text) {
  await page.evaluate((content) => {
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    const data = new DataTransfer();
    data.setData('text/plain', content);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The import question for a roadmap called `name`. */
function importDialog(page, name) {
  return page.getByRole('alertdialog', { name: `Import “${name}”?` });
}

/** Answers the open import question with `answer` and waits for it to close. */
async function answerImport(page, name, answer) {
  const dialog = importDialog(page, name);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: answer, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** The open roadmap's entry in the "Open roadmap" switcher, and the switcher's option labels. */
function roadmapSwitcher(page) {
  return page.getByRole('combobox', { name: 'Open roadmap', exact: true });
}

async function roadmapNames(page) {
  return roadmapSwitcher(page)
    .locator('option')
    .evaluateAll((options) => options.map((option) => option.textContent));
}

function roadmapNameBox(page) {
  return page.getByRole('textbox', { name: 'Roadmap name', exact: true });
}

/** Minimal RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

module.exports = {
  answerImport,
  download,
  exportCsv,
  exportCsvButton,
  exportJson,
  exportJsonButton,
  fixture,
  fixtureText,
  importByDrop,
  importByPaste,
  importByPicker,
  importDialog,
  importInput,
  parseCsv,
  roadmapNameBox,
  roadmapNames,
  roadmapSwitcher,
  schemaErrors,
};
