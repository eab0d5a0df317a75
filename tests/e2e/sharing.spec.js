// Sharing a roadmap as a file (DESIGN.md section 3): Export JSON (pretty, versioned, stable,
// schema-valid), export → import round trip, import by picker, drop and paste, hostile files
// refused with a message naming what is wrong (the roadmap untouched), Export CSV.
const { test, expect } = require('./support/test');
const { Planner, scoreInName } = require('./support/planner');
const {
  answerImport,
  exportCsv,
  exportJson,
  fixture,
  fixtureText,
  importByDrop,
  importByPaste,
  importByPicker,
  importDialog,
  parseCsv,
  roadmapNameBox,
  roadmapNames,
  roadmapSwitcher,
  schemaErrors,
} = require('./support/files');

const STORAGE = 'Data Storage - Amazon S3, Hadoop HDFS, Snowflake, Amazon Redshift';
const FIXTURE_NAME = 'Data platform 2027';
const FIXTURE_TITLES = [
  'Data Lake',
  'Infrastructure as code',
  'Data Catalog',
  'Event streaming with Kafka',
  'Self-service BI dashboards 📊',
  'Archive the legacy ledger',
];

/** A roadmap built through the UI: a catalog item, two free-form initiatives, phases, marks. */
async function buildSample(app) {
  await app.catalog.add(STORAGE, ['Data Tech Stack']);
  await app.newInitiative('Customer 360 pilot', {
    effort: 3,
    impact: 8.5,
    urgency: 'high',
    due: '2026-09-30',
    quickWin: true,
    phase: 'Phase 2',
  });
  await app.newInitiative('Retire legacy ETL', { effort: 7.5, impact: 4, urgency: 'low', phase: 'Phase 1' });
  await app.phases.rename('Phase 3', 'Later');
}

test.describe('Export JSON', () => {
  test('downloads pretty-printed "stackplan.roadmap" version 1 that validates against the schema', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await buildSample(app);

    const { name, text } = await exportJson(page);
    expect(name).toBe('My-roadmap.stackplan.json');
    // Envelope first, 2-space indentation, one key per line, a final newline.
    expect(text).toMatch(/^\{\n {2}"format": "stackplan\.roadmap",\n {2}"version": 1,\n {2}"name": "My roadmap",\n/);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n').length).toBeGreaterThan(40);
    expect(text).toMatch(/\n {4}\{\n {6}"id": /);

    const data = JSON.parse(text);
    expect(data.format).toBe('stackplan.roadmap');
    expect(data.version).toBe(1);
    expect(data.initiatives.map((i) => i.title)).toEqual([STORAGE, 'Customer 360 pilot', 'Retire legacy ETL']);
    expect(data.phases.map((p) => p.name)).toEqual(['Phase 1', 'Phase 2', 'Later']);
    const pilot = data.initiatives[1];
    expect(pilot).toMatchObject({ effort: 3, impact: 8.5, urgency: 'high', due: '2026-09-30', quick_win: true });
    expect(pilot.phase).toBe(data.phases[1].id);
    expect(data.initiatives[0].origin.path).toContain('Data Tech Stack');
    expect(schemaErrors(data)).toEqual([]);
  });

  test('two exports of the same roadmap are byte-identical', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await buildSample(app);
    const first = await exportJson(page);
    // Selecting and moving around must not change what is written.
    await app.selectCard('Customer 360 pilot');
    await app.selectCard('Retire legacy ETL');
    const second = await exportJson(page);
    expect(second.name).toBe(first.name);
    expect(Buffer.from(second.text).equals(Buffer.from(first.text))).toBe(true);
  });
});

test.describe('export → import round trip', () => {
  test('importing an export as a new roadmap gives back the same roadmap', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await buildSample(app);
    const original = await exportJson(page);

    await importByPicker(page, original.name, original.text);
    const dialog = importDialog(page, 'My roadmap');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('3 initiatives, 3 phases, 1 marked as a quick win');
    await answerImport(page, 'My roadmap', 'Open as new roadmap');

    // open_as_new keeps names in the switcher apart: the copy is "My roadmap (2)".
    await expect(roadmapNameBox(page)).toHaveValue('My roadmap (2)');
    await expect.poll(() => roadmapNames(page)).toEqual(['My roadmap', 'My roadmap (2)']);
    await expect(app.grid.card('Customer 360 pilot')).toHaveAccessibleName(scoreInName('impact', 8.5));

    const again = await exportJson(page);
    expect(again.name).toBe('My-roadmap-2.stackplan.json');
    const expected = original.text.replace(/^ {2}"name": "My roadmap",$/m, '  "name": "My roadmap (2)",');
    expect(expected).not.toBe(original.text);
    expect(again.text).toBe(expected);
  });

  test('the stored v1 fixture imports and re-exports byte for byte', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await importByPicker(page, 'roadmap-v1.json', fixtureText());
    const dialog = importDialog(page, FIXTURE_NAME);
    await expect(dialog).toContainText('6 initiatives, 3 phases, 1 marked as a quick win');
    await answerImport(page, FIXTURE_NAME, 'Open as new roadmap');
    await expect(roadmapNameBox(page)).toHaveValue(FIXTURE_NAME);
    for (const title of FIXTURE_TITLES) await expect(app.grid.card(title)).toBeVisible();
    await expect(app.phases.item('Foundations (Q1–Q2)', 'Data Lake')).toBeVisible();

    const { name, text } = await exportJson(page);
    expect(name).toBe('Data-platform-2027.stackplan.json');
    expect(text).toBe(fixtureText());
  });
});

test.describe('import', () => {
  let app;
  test.beforeEach(async ({ page }) => {
    app = new Planner(page);
    await app.goto();
    await app.newInitiative('Keep me', { effort: 2, impact: 9 });
  });

  test('by file picker, "Replace current roadmap"; Undo brings the previous roadmap back', async ({ page }) => {
    const before = await exportJson(page);
    await importByPicker(page, 'roadmap-v1.json', fixtureText());
    const dialog = importDialog(page, FIXTURE_NAME);
    await expect(dialog).toContainText('“roadmap-v1.json” holds the roadmap “Data platform 2027”');

    // Cancel changes nothing.
    await answerImport(page, FIXTURE_NAME, 'Cancel');
    await expect(app.grid.card('Keep me')).toBeVisible();
    await expect(app.grid.card('Data Lake')).toHaveCount(0);

    await importByPicker(page, 'roadmap-v1.json', fixtureText());
    await answerImport(page, FIXTURE_NAME, 'Replace current roadmap');
    for (const title of FIXTURE_TITLES) await expect(app.grid.card(title)).toBeVisible();
    await expect(app.grid.card('Keep me')).toHaveCount(0);
    await expect(roadmapNameBox(page)).toHaveValue(FIXTURE_NAME);
    // Replaced in place: still one roadmap in the switcher.
    await expect(roadmapSwitcher(page).locator('option')).toHaveCount(1);

    await app.undoButton.click();
    await expect(app.grid.card('Keep me')).toBeVisible();
    await expect(app.grid.card('Data Lake')).toHaveCount(0);
    await expect(roadmapNameBox(page)).toHaveValue('My roadmap');
    expect((await exportJson(page)).text).toBe(before.text);

    await app.redoButton.click();
    await expect(app.grid.card('Data Lake')).toBeVisible();
    expect((await exportJson(page)).text).toBe(fixtureText());
  });

  test('by dropping a file on the page', async ({ page }) => {
    await importByDrop(page, 'dropped.stackplan.json', fixtureText());
    const dialog = importDialog(page, FIXTURE_NAME);
    await expect(dialog).toContainText('“dropped.stackplan.json” holds the roadmap');
    await answerImport(page, FIXTURE_NAME, 'Open as new roadmap');
    await expect(app.grid.card('Event streaming with Kafka')).toBeVisible();
    await expect(app.grid.card('Keep me')).toHaveCount(0);
    await expect.poll(() => roadmapNames(page)).toEqual(['My roadmap', FIXTURE_NAME]);
  });

  test('a dropped hostile file is refused like a picked one', async ({ page }) => {
    await importByDrop(page, 'dropped.json', '{"format": "stackplan.roadmap", "version": 99}');
    await expect(page.getByRole('alert')).toContainText('“dropped.json” was not imported; your roadmap is unchanged.');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(app.grid.card('Keep me')).toBeVisible();
  });

  test('by pasting JSON text outside a text field', async ({ page }) => {
    await importByPaste(page, fixtureText());
    const dialog = importDialog(page, FIXTURE_NAME);
    await expect(dialog).toContainText('The pasted text holds the roadmap');
    await answerImport(page, FIXTURE_NAME, 'Replace current roadmap');
    await expect(app.grid.card('Archive the legacy ledger')).toBeVisible();
    await expect(app.grid.card('Keep me')).toHaveCount(0);
  });

  test('pasting into a text field is ordinary typing, not an import', async ({ page }) => {
    const nameBox = roadmapNameBox(page);
    await nameBox.focus();
    await nameBox.evaluate((input, content) => {
      const data = new DataTransfer();
      data.setData('text/plain', content);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, fixtureText());
    // Prove the page is listening before asserting nothing happened.
    await importByPaste(page, '{ not a roadmap');
    await expect(page.getByRole('alert')).toContainText('The pasted text was not imported');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  });
});

/** Hostile or broken files: each is refused by name and path, and the roadmap is untouched. */
const HOSTILE = [
  {
    what: 'not JSON',
    text: () => 'Roadmap, but as a spreadsheet',
    message: /The file is not valid JSON at line 1, column \d+/,
  },
  {
    what: 'JSON cut off half way',
    text: () => fixtureText().slice(0, 400),
    message: /The file is not valid JSON at line \d+, column \d+: the file ends too early/,
  },
  {
    what: 'a different format',
    text: () => JSON.stringify({ ...fixture(), format: 'trello.board' }),
    message: 'The file is a "trello.board" file, not a Stackplan roadmap ("stackplan.roadmap").',
  },
  {
    what: 'a newer version (99)',
    text: () => JSON.stringify({ ...fixture(), version: 99 }),
    message: /written by a newer Stackplan \(format version 99\).*Open it with a newer Stackplan/,
  },
  {
    what: 'effort 12',
    text: () => {
      const data = fixture();
      data.initiatives[0].effort = 12;
      return JSON.stringify(data, null, 2);
    },
    message: 'At initiatives[0].effort: must be between 1 and 10, not 12.',
  },
  {
    what: 'an effort given as text',
    text: () => {
      const data = fixture();
      data.initiatives[3].effort = 'high';
      return JSON.stringify(data);
    },
    message: /At initiatives\[3\]\.effort: should be a number, not the text "?high"?/,
  },
  {
    what: 'duplicate initiative ids',
    text: () => {
      const data = fixture();
      data.initiatives[1].id = 'i1';
      return JSON.stringify(data, null, 2);
    },
    message: 'At initiatives[1].id: the id "i1" is already used by initiatives[0].',
  },
  {
    what: 'a dangling phase reference',
    text: () => {
      const data = fixture();
      data.initiatives[0].phase = 'p9';
      return JSON.stringify(data, null, 2);
    },
    message: 'At initiatives[0].phase: refers to phase "p9", which is not in the file\'s phases.',
  },
  {
    what: 'a dangling dependency',
    text: () => {
      const data = fixture();
      data.initiatives[2].dependencies = ['i99'];
      return JSON.stringify(data, null, 2);
    },
    message: 'At initiatives[2].dependencies[0]: refers to initiative "i99", which is not in the file.',
  },
  {
    what: 'a missing field',
    text: () => {
      const data = fixture();
      delete data.initiatives[4].urgency;
      return JSON.stringify(data, null, 2);
    },
    message: /At initiatives\[4\]: the field "?urgency"? is missing/,
  },
];

test.describe('hostile files are refused with a message naming the problem', () => {
  for (const { what, text, message } of HOSTILE) {
    test(what, async ({ page }) => {
      const app = new Planner(page);
      await app.goto();
      await app.newInitiative('Keep me', { effort: 2, impact: 9 });
      const before = await exportJson(page);

      await importByPicker(page, 'file.json', text());
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('“file.json” was not imported; your roadmap is unchanged.');
      await expect(alert).toContainText(message);
      await expect(page.getByRole('alertdialog')).toHaveCount(0);

      await expect(app.grid.card('Keep me')).toBeVisible();
      await expect(app.grid.card('Data Lake')).toHaveCount(0);
      await expect(roadmapSwitcher(page).locator('option')).toHaveCount(1);
      expect((await exportJson(page)).text).toBe(before.text);
    });
  }

  test('text that looks like HTML imports and is shown as literal text', async ({ page }) => {
    const app = new Planner(page);
    const dialogs = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await app.goto();
    const title = '<img src=x onerror=alert(1)>';
    const name = '<b>Bold</b> plan';
    const data = fixture();
    data.name = name;
    data.initiatives[0].title = title;
    data.initiatives[1].description = '<script>alert(2)</script>';
    data.phases[0].name = '<i>Now</i>';
    const imgsBefore = await page.locator('img').count();

    await importByPicker(page, 'html.json', JSON.stringify(data, null, 2));
    await expect(importDialog(page, name)).toBeVisible();
    await answerImport(page, name, 'Open as new roadmap');

    const card = app.grid.card(title);
    await expect(card).toBeVisible();
    await expect(app.grid.label(title)).toBeVisible();
    await expect(roadmapNameBox(page)).toHaveValue(name);
    await expect(app.phases.column('<i>Now</i>')).toBeVisible();
    await app.selectCard(title);
    await expect(app.inspector.title).toHaveValue(title);

    expect(await page.locator('img').count()).toBe(imgsBefore);
    await expect(page.locator('img[src="x"], b, i, script:text("alert(2)")')).toHaveCount(0);
    // Had the title been rendered as an <img src=x>, its failed load would have run onerror by
    // the time a probe image with the same src has failed (and an alert blocks the page until
    // it is answered, so it would already be recorded).
    const probe = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const image = new Image();
          image.onerror = () => resolve('error');
          image.onload = () => resolve('load');
          image.src = 'x';
        }),
    );
    expect(probe).toBe('error');
    expect(dialogs).toEqual([]);
  });
});

test.describe('Export CSV', () => {
  test('downloads a header row and one row per initiative', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await importByPicker(page, 'roadmap-v1.json', fixtureText());
    await answerImport(page, FIXTURE_NAME, 'Open as new roadmap');
    await expect(app.grid.card('Data Lake')).toBeVisible();

    const { name, text } = await exportCsv(page);
    expect(name).toBe('Data-platform-2027.csv');
    const rows = parseCsv(text);
    const [header, ...body] = rows;
    expect(header).toEqual([
      'id', 'title', 'effort', 'impact', 'quadrant', 'quick_win', 'urgency', 'due', 'phase', 'owner',
      'stakeholders', 'goals', 'budget', 'dependencies', 'tags', 'catalog_path', 'description',
    ]);
    expect(body).toHaveLength(6);
    for (const row of body) expect(row).toHaveLength(header.length);
    const column = (key) => body.map((row) => row[header.indexOf(key)]);
    expect(column('id')).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6']);
    expect(column('title')).toEqual(FIXTURE_TITLES);
    expect(column('phase')).toEqual(['Foundations (Q1–Q2)', 'Foundations (Q1–Q2)', 'Scale', 'Scale', 'Optimise', '']);
    expect(column('quick_win')).toEqual(['no', 'yes', 'no', 'no', 'no', 'no']);
    // A quoted field keeps its line break.
    expect(column('description')[0]).toBe('One governed store for raw and curated data.\nStart with sales & ops.');

    // A new initiative adds a row.
    await app.newInitiative('One more');
    const more = parseCsv((await exportCsv(page)).text);
    expect(more).toHaveLength(8);
    expect(more[7][1]).toBe('One more');
  });
});
