// Phases in time: each phase's start and end date inputs, quick set-up in quarters or sprints
// (one undo step each), an end before a start refused with a message, dates in Markdown and print,
// and Export calendar checked with a real iCalendar parser (python `icalendar` from PyPI, installed
// by ./run.sh setup), UIDs stable from one export to the next.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { test, expect } = require('./support/test');
const { Planner, waitForSave } = require('./support/planner');
const { answerImport, download, exportJson, fixture, importByPicker, schemaErrors } = require('./support/files');

const ICS_EVENTS = path.join(__dirname, 'support', 'ics_events.py');

/** The "<phase> start" or "<phase> end" date input (a date input has no textbox role: found by its name). */
function dateInput(page, phase, edge) {
  return page.getByLabel(`${phase} ${edge}`, { exact: true });
}

/** Opens "Set dates…" in the Phases header, sets the first day, and presses the button named `which`. */
async function quickDates(page, from, which, weeks) {
  const phases = page.getByRole('region', { name: 'Phases' });
  const group = phases.getByRole('group', { name: 'Set phase dates', exact: true });
  if (!(await group.isVisible())) await phases.getByRole('button', { name: 'Set dates…', exact: true }).click();
  await group.getByLabel('Dates from', { exact: true }).fill(from);
  if (weeks !== undefined) await group.getByRole('spinbutton', { name: 'Weeks per sprint', exact: true }).fill(String(weeks));
  await group.getByRole('button', { name: which, exact: true }).click();
  await expect(group).toBeHidden();
}

async function expectDates(page, expected) {
  for (const [phase, start, end] of expected) {
    await expect(dateInput(page, phase, 'start')).toHaveValue(start);
    await expect(dateInput(page, phase, 'end')).toHaveValue(end);
  }
}

async function openFixture(page) {
  await importByPicker(page, 'roadmap.json', JSON.stringify(fixture()));
  await answerImport(page, 'Data platform 2027', 'Replace current roadmap');
}

/** Downloads the calendar, saves it under the test's output, and reads it with python icalendar. */
async function exportCalendar(page, testInfo, name) {
  const file = await download(page, page.getByRole('button', { name: 'Export calendar', exact: true }));
  const saved = testInfo.outputPath(name);
  fs.writeFileSync(saved, file.bytes);
  const parsed = JSON.parse(execFileSync('python3', [ICS_EVENTS, saved], { encoding: 'utf8' }));
  return { ...file, parsed };
}

test.describe('phases in time', () => {
  let app;
  test.beforeEach(async ({ page }) => {
    app = new Planner(page);
    await app.goto();
  });

  test('every phase has start and end date inputs, empty until dated', async ({ page }) => {
    await expectDates(page, [
      ['Phase 1', '', ''],
      ['Phase 2', '', ''],
      ['Phase 3', '', ''],
    ]);
    await app.phases.rename('Phase 2', 'Scale');
    await expect(dateInput(page, 'Scale', 'start')).toBeVisible();
    await expect(dateInput(page, 'Scale', 'end')).toBeVisible();
  });

  test('quarters from a date fill every phase, across the year end, as one undo step', async ({ page }) => {
    await dateInput(page, 'Phase 1', 'start').fill('2027-05-05');
    await quickDates(page, '2027-11-20', 'Set quarters');
    const quarters = [
      ['Phase 1', '2027-10-01', '2027-12-31'],
      ['Phase 2', '2028-01-01', '2028-03-31'],
      ['Phase 3', '2028-04-01', '2028-06-30'],
    ];
    await expectDates(page, quarters);
    await app.undoButton.click();
    // One step back: the start typed before the quick set-up is there again, nothing else.
    await expectDates(page, [
      ['Phase 1', '2027-05-05', ''],
      ['Phase 2', '', ''],
      ['Phase 3', '', ''],
    ]);
    await app.redoButton.click();
    await expectDates(page, quarters);
    // Saved with the roadmap: a reload shows the same dates.
    await waitForSave(page, ['"start":"2028-04-01","end":"2028-06-30"']);
    await page.reload();
    await expectDates(page, quarters);
  });

  test('sprints of N weeks run back to back across the leap day', async ({ page }) => {
    await quickDates(page, '2028-02-14', 'Set sprints', 2);
    await expectDates(page, [
      ['Phase 1', '2028-02-14', '2028-02-27'],
      ['Phase 2', '2028-02-28', '2028-03-12'],
      ['Phase 3', '2028-03-13', '2028-03-26'],
    ]);
  });

  test('Set dates… opens a small group and Escape closes it, back on its button', async ({ page }) => {
    const toggle = app.phases.region.getByRole('button', { name: 'Set dates…', exact: true });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const from = page.getByLabel('Dates from', { exact: true });
    await from.focus();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('group', { name: 'Set phase dates', exact: true })).toHaveCount(0);
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  test('an end before the start is refused with a message and changes nothing', async ({ page }) => {
    await dateInput(page, 'Phase 2', 'start').fill('2027-03-01');
    const end = dateInput(page, 'Phase 2', 'end');
    await end.fill('2027-01-01');
    const refusal = page
      .getByRole('alert')
      .filter({ hasText: 'Phase 2: the end 2027-01-01 is before the start 2027-03-01.' });
    await expect(refusal).toBeVisible();
    // The typed day stays while the field has focus (typing may go on), marked invalid;
    // leaving the field shows the phase's own (empty) end again.
    await expect(end).toHaveAttribute('aria-invalid', 'true');
    await end.blur();
    await expectDates(page, [['Phase 2', '2027-03-01', '']]);
    await expect(end).toHaveAttribute('aria-invalid', 'false');
    await expect(refusal).toBeVisible();
    // The refused end made no undo step: one Undo clears the start and the history is empty.
    await app.undoButton.click();
    await expectDates(page, [['Phase 2', '', '']]);
    await expect(app.undoButton).toBeDisabled();
    // An end on the start day is a one-day phase, and fine.
    await dateInput(page, 'Phase 2', 'start').fill('2027-03-01');
    await dateInput(page, 'Phase 2', 'end').fill('2027-03-01');
    await expectDates(page, [['Phase 2', '2027-03-01', '2027-03-01']]);
  });

  test('typing a year digit by digit passes through refused days and lands on the typed one', async ({ page }) => {
    await dateInput(page, 'Phase 1', 'start').fill('2027-03-01');
    const end = dateInput(page, 'Phase 1', 'end');
    await end.fill('2027-06-30');
    await end.blur();
    // Chromium's date field: the year segment takes digits one by one (0002, 0020, 0202, 2028),
    // each a whole date that is before the start, until the last.
    // Focus lands on the first segment (the month, in an en-US browser); the year is two on.
    await end.focus();
    await end.press('ArrowRight');
    await end.press('ArrowRight');
    await end.pressSequentially('2028');
    await expect(end).toHaveValue('2028-06-30');
    await expect(end).toHaveAttribute('aria-invalid', 'false');
    // The refusals of the half-typed years are taken back once the date is whole.
    await expect(page.getByRole('alert')).toHaveCount(0);
    await end.blur();
    await expectDates(page, [['Phase 1', '2027-03-01', '2028-06-30']]);
    // The whole typing is one undo step back to the end as it was.
    await app.undoButton.click();
    await expectDates(page, [['Phase 1', '2027-03-01', '2027-06-30']]);
  });

  test('Export calendar without any dates says what to do instead of downloading', async ({ page }) => {
    let downloads = 0;
    page.on('download', () => {
      downloads += 1;
    });
    await page.getByRole('button', { name: 'Export calendar', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'There are no dates to put in a calendar yet.' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Set dates…');
    expect(downloads).toBe(0);
  });

  test('dated phases export to JSON that fits the schema, Markdown and print', async ({ page }) => {
    await openFixture(page);
    await quickDates(page, '2027-01-01', 'Set quarters');
    const json = await exportJson(page);
    const data = JSON.parse(json.text);
    expect(data.phases.map((phase) => [phase.start, phase.end])).toEqual([
      ['2027-01-01', '2027-03-31'],
      ['2027-04-01', '2027-06-30'],
      ['2027-07-01', '2027-09-30'],
    ]);
    expect(schemaErrors(data)).toEqual([]);

    const markdown = await download(page, page.getByRole('button', { name: 'Export Markdown', exact: true }));
    expect(markdown.text).toContain('## Scale\n\n2 initiatives · effort 12.8 of 25.5 · 2027-04-01 to 2027-06-30\n');

    await page.emulateMedia({ media: 'print' });
    const phases = page.getByRole('region', { name: 'Phases' });
    await expect(phases.getByText('2027-07-01 to 2027-09-30', { exact: true })).toBeVisible();
    await expect(dateInput(page, 'Optimise', 'start')).toBeHidden();
  });

  test('Export calendar writes events a real iCalendar parser reads, with stable UIDs', async ({ page }, testInfo) => {
    await openFixture(page);
    await quickDates(page, '2027-02-10', 'Set quarters');
    const first = await exportCalendar(page, testInfo, 'first.ics');
    expect(first.name).toBe('Data-platform-2027.ics');

    // RFC 5545 on the wire: CRLF line ends, no line over 75 octets.
    const lines = first.bytes.toString('binary').split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines.every((line) => !line.includes('\n') && Buffer.byteLength(line, 'binary') <= 75)).toBe(true);

    const { version, prodid, events } = first.parsed;
    expect(version).toBe('2.0');
    expect(prodid).toContain('Stackplan');
    const summaries = events.map((event) => [event.summary, event.dtstart, event.dtend]);
    expect(summaries).toEqual([
      ['Foundations (Q1–Q2) (Data platform 2027)', '2027-01-01', '2027-04-01'],
      ['Scale (Data platform 2027)', '2027-04-01', '2027-07-01'],
      ['Optimise (Data platform 2027)', '2027-07-01', '2027-10-01'],
      ['Due: Data Lake (Data platform 2027)', '2027-06-30', '2027-07-01'],
      ['Due: Infrastructure as code (Data platform 2027)', '2027-02-28', '2027-03-01'],
    ]);
    expect(events.every((event) => event.dtstart_is_date)).toBe(true);
    expect(events[0].description).toContain('Initiatives: Data Lake, Infrastructure as code.');
    const uids = events.map((event) => event.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const roadmapId = uids[0].split('-phase-')[0];
    expect(uids).toEqual([
      `${roadmapId}-phase-p1@stackplan`,
      `${roadmapId}-phase-p2@stackplan`,
      `${roadmapId}-phase-p3@stackplan`,
      `${roadmapId}-due-i1@stackplan`,
      `${roadmapId}-due-i2@stackplan`,
    ]);

    // A renamed, re-dated phase is the same event: importing again updates, never duplicates.
    await app.phases.rename('Scale', 'Scale, then grow; fast');
    await quickDates(page, '2027-03-01', 'Set sprints', 4);
    const second = await exportCalendar(page, testInfo, 'second.ics');
    expect(second.parsed.events.map((event) => event.uid)).toEqual(uids);
    expect(second.parsed.events[1].summary).toBe('Scale, then grow; fast (Data platform 2027)');
    expect([second.parsed.events[1].dtstart, second.parsed.events[1].dtend]).toEqual(['2027-03-29', '2027-04-26']);
  });
});

/**
 * Three phases and three initiatives, Churn model (Phase 1) waiting for Data Lake (Phase 3):
 * a dependency planned in the wrong order. Built from the stored fixture's first initiative.
 */
function wrongOrder() {
  const base = fixture();
  const template = base.initiatives[0];
  const initiative = (id, title, phase, dependencies, effort, impact) => ({
    ...template,
    id,
    title,
    phase,
    dependencies,
    effort,
    impact,
    due: null,
    origin: null,
  });
  return {
    ...base,
    name: 'Timeline check',
    phases: [
      { id: 'p1', name: 'Phase 1', capacity: null },
      { id: 'p2', name: 'Phase 2', capacity: null },
      { id: 'p3', name: 'Phase 3', capacity: null },
    ],
    initiatives: [
      initiative('i1', 'Churn model', 'p1', ['i3'], 3.0, 8.0),
      initiative('i2', 'Data Catalog', 'p2', [], 5.0, 6.0),
      initiative('i3', 'Data Lake', 'p3', [], 8.0, 9.0),
    ],
  };
}

const WRONG_ORDER = 'Churn model waits for Data Lake, which sits in a later phase (Phase 3)';

function timeline(page) {
  return page.getByRole('region', { name: 'Timeline' });
}

/** How many pixels of the Timeline chart are exactly the light theme's red (broken arrows). */
function redPixels(page) {
  return timeline(page)
    .getByRole('img', { name: 'Timeline chart', exact: true })
    .evaluate((canvas) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let red = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] === 185 && data[i + 1] === 28 && data[i + 2] === 28) red += 1;
      }
      return red;
    });
}

function centre(box) {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test.describe('the Timeline chart', () => {
  let app;
  test.beforeEach(async ({ page }) => {
    app = new Planner(page);
    await app.goto();
    await importByPicker(page, 'timeline.json', JSON.stringify(wrongOrder()));
    await answerImport(page, 'Timeline check', 'Replace current roadmap');
    await quickDates(page, '2027-01-01', 'Set quarters');
    await timeline(page).scrollIntoViewIfNeeded();
  });

  test('quarters give bars in their phases and a red arrow for a dependency in the wrong order; a drag fixes it, Undo brings it back', async ({ page }) => {
    const region = timeline(page);
    await expect(region.getByRole('img', { name: 'Timeline chart', exact: true })).toBeVisible();
    const churn = region.getByRole('button', { name: 'Churn model, in Phase 1', exact: true });
    await expect(churn).toBeVisible();
    await expect(region.getByRole('button', { name: 'Data Lake, in Phase 3', exact: true })).toBeVisible();
    await expect(region.getByRole('group', { name: 'Conflicts' }).getByRole('listitem')).toHaveText([WRONG_ORDER]);
    await expect.poll(() => redPixels(page), { message: 'the broken dependency is drawn red' }).toBeGreaterThan(20);
    const table = region.getByRole('table', { name: 'Phases in time' });
    await expect(table.getByRole('row', { name: 'Phase 1 2027-01-01 2027-03-31 1 1', exact: true })).toBeVisible();

    // Drag Churn model's bar into the third quarter's band, between its edges.
    const start = centre(await region.getByRole('slider', { name: 'Start of Phase 3' }).boundingBox());
    const end = centre(await region.getByRole('slider', { name: 'End of Phase 3' }).boundingBox());
    const from = centre(await churn.boundingBox());
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((start.x + end.x) / 2, from.y, { steps: 10 });
    await page.mouse.up();

    await expect(region.getByRole('button', { name: 'Churn model, in Phase 3', exact: true })).toBeVisible();
    await expect(region.getByRole('status')).toHaveText(
      'No conflicts: every dependency is planned in order and every due date is met.',
    );
    await expect.poll(() => redPixels(page), { message: 'no arrow is red any more' }).toBe(0);
    await expect(app.inspector.phase).toHaveValue('p3');

    await app.undoButton.click();
    await expect(region.getByRole('button', { name: 'Churn model, in Phase 1', exact: true })).toBeVisible();
    await expect(region.getByRole('group', { name: 'Conflicts' }).getByRole('listitem')).toHaveText([WRONG_ORDER]);
    await expect.poll(() => redPixels(page)).toBeGreaterThan(20);
  });

  test('the keyboard moves a phase edge by a day (Shift: a week) and a bar to the next phase, each one undo step', async ({ page }) => {
    const region = timeline(page);
    const end = region.getByRole('slider', { name: 'End of Phase 1' });
    await expect(end).toHaveAttribute('aria-valuetext', '2027-03-31');
    await end.focus();
    await page.keyboard.press('ArrowRight');
    await expect(end).toHaveAttribute('aria-valuetext', '2027-04-01');
    await expect(dateInput(page, 'Phase 1', 'end')).toHaveValue('2027-04-01');
    await expect(end).toBeFocused();
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(dateInput(page, 'Phase 1', 'end')).toHaveValue('2027-03-25');
    await app.undoButton.click();
    await expect(dateInput(page, 'Phase 1', 'end')).toHaveValue('2027-04-01');

    // A start never passes its end: refused in words, nothing changed.
    const start = region.getByRole('slider', { name: 'Start of Phase 2' });
    await dateInput(page, 'Phase 2', 'end').fill('2027-04-02');
    await expect(start).toHaveAttribute('aria-valuetext', '2027-04-01');
    await start.focus();
    await page.keyboard.press('ArrowRight');
    await expect(start).toHaveAttribute('aria-valuetext', '2027-04-02');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('alert')).toContainText('Phase 2 cannot move there: the end 2027-04-02 is before the start 2027-04-03.');
    await expect(dateInput(page, 'Phase 2', 'start')).toHaveValue('2027-04-02');

    const lake = region.getByRole('button', { name: 'Data Lake, in Phase 3', exact: true });
    await lake.focus();
    await page.keyboard.press('ArrowLeft');
    const moved = region.getByRole('button', { name: 'Data Lake, in Phase 2', exact: true });
    await expect(moved).toBeFocused();
    await expect(region.getByRole('group', { name: 'Conflicts' }).getByRole('listitem')).toHaveText([
      'Churn model waits for Data Lake, which sits in a later phase (Phase 2)',
    ]);
    await app.undoButton.click();
    await expect(region.getByRole('button', { name: 'Data Lake, in Phase 3', exact: true })).toBeVisible();
  });

  test("dragging a phase's end edge moves its end date, as one undo step", async ({ page }) => {
    const region = timeline(page);
    const end = region.getByRole('slider', { name: 'End of Phase 2' });
    const from = centre(await end.boundingBox());
    const startBox = centre(await region.getByRole('slider', { name: 'Start of Phase 2' }).boundingBox());
    // A quarter spans start → end; a third of it further is about a month later.
    const month = (from.x - startBox.x) / 3;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + month, from.y, { steps: 8 });
    await page.mouse.up();
    const moved = await dateInput(page, 'Phase 2', 'end').inputValue();
    expect(moved > '2027-07-20' && moved < '2027-08-10', moved).toBe(true);
    await expect(end).toHaveAttribute('aria-valuetext', moved);
    await app.undoButton.click();
    await expect(dateInput(page, 'Phase 2', 'end')).toHaveValue('2027-06-30');
  });

  test('Export timeline PNG and SVG give the picture, with its phases and titles as text in the SVG', async ({ page }) => {
    const region = timeline(page);
    const png = await download(page, region.getByRole('button', { name: 'Export timeline PNG', exact: true }));
    expect(png.name).toBe('Timeline-check-timeline.png');
    expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1600, 280]);

    const svg = await download(page, region.getByRole('button', { name: 'Export timeline SVG', exact: true }));
    expect(svg.name).toBe('Timeline-check-timeline.svg');
    expect(svg.text).toMatch(/^<svg[^>]* width="1600" height="280"/);
    for (const text of ['Phase 1', 'Phase 3', 'Churn model', 'Data Lake', 'Jan 2027']) {
      expect(svg.text, text).toMatch(new RegExp(`>\\s*${text}\\s*<`));
    }
    expect(svg.text).toContain('#B91C1C');
    expect(svg.text).not.toContain('<script');
  });
});

test.describe('dependencies on the board', () => {
  test('Show dependencies draws a line from an initiative to what it waits for, red while the order is broken', async ({ page }) => {
    const app = new Planner(page);
    await app.goto();
    await importByPicker(page, 'timeline.json', JSON.stringify(wrongOrder()));
    await answerImport(page, 'Timeline check', 'Replace current roadmap');
    const lines = app.grid.region.locator('svg.dependency-lines');
    await expect(lines).toBeHidden();
    const show = app.grid.region.getByRole('checkbox', { name: 'Show dependencies', exact: true });
    await show.check();
    await expect(lines).toBeVisible();
    const drawn = lines.locator(':scope > path');
    await expect(drawn).toHaveCount(1);
    await expect(drawn).toHaveClass(/is-broken/);

    // It runs from Churn model's mark to Data Lake's: its ends lie next to those marks.
    const ends = await drawn.evaluate((element) => {
      const length = element.getTotalLength();
      const svg = element.ownerSVGElement.getBoundingClientRect();
      const at = (point) => ({ x: svg.x + point.x, y: svg.y + point.y });
      return [at(element.getPointAtLength(0)), at(element.getPointAtLength(length))];
    });
    const near = async (title, point) => {
      const mark = centre(await app.grid.card(title).boundingBox());
      return Math.hypot(mark.x - point.x, mark.y - point.y);
    };
    expect(await near('Churn model', ends[0])).toBeLessThan(30);
    expect(await near('Data Lake', ends[1])).toBeLessThan(30);

    // Planned in order, the line turns from red.
    await app.selectCard('Churn model');
    await app.edit({ phase: 'Phase 3' });
    await expect(drawn).not.toHaveClass(/is-broken/);
    await show.uncheck();
    await expect(lines).toBeHidden();
  });
});
