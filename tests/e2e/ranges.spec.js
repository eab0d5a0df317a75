// Ranges on effort and impact: typed beside the scores in the Inspector, kept from a merge's
// spread, drawn on the board as whiskers or ellipses, moved along with their mark, and written
// to the file.
const { test, expect } = require('./support/test');
const { Planner } = require('./support/planner');
const { answerImport, exportJson, fixture, fixtureText, importByPicker } = require('./support/files');

/** The numbers of an SVG path, in order. */
function pathNumbers(d) {
  return d.match(/-?\d+(\.\d+)?/g).map(Number);
}

/** The centre of a locator's box relative to the plot's box. */
async function centreIn(plot, locator) {
  const [outer, inner] = await Promise.all([plot.boundingBox(), locator.boundingBox()]);
  return { x: inner.x + inner.width / 2 - outer.x, y: inner.y + inner.height / 2 - outer.y };
}

async function openFixture(page) {
  const app = new Planner(page);
  await app.goto();
  await importByPicker(page, 'roadmap.json', fixtureText());
  await answerImport(page, 'Data platform 2027', 'Replace current roadmap');
  return app;
}

test('a range typed beside a score is drawn as whiskers around the mark, moves with it, and is saved in the file', async ({ page }) => {
  const app = await openFixture(page);
  const ranges = app.grid.region.locator('svg.score-ranges');
  const choice = app.grid.region.getByRole('combobox', { name: 'Ranges' });
  await expect(choice).toBeHidden();

  await app.selectCard('Data Catalog');
  const inspector = app.inspector.region;
  const effortLow = inspector.getByRole('spinbutton', { name: 'Effort low' });
  const effortHigh = inspector.getByRole('spinbutton', { name: 'Effort high' });

  // A low end above the score is refused in words, and nothing changes.
  await effortLow.fill('5');
  await effortLow.press('Tab');
  await expect(inspector.getByText('Effort low and high must be from 1 to 10, low at most 4.0 and high at least 4.0.')).toBeVisible();
  await expect(ranges.locator('path')).toHaveCount(0);

  // Data Catalog is at effort 4: from 2.5 to 7 the range reaches twice as far right as left.
  await effortLow.fill('2.5');
  await effortHigh.fill('7');
  await effortHigh.press('Tab');
  await expect(inspector.getByText(/Effort low and high must be/)).toHaveCount(0);
  await expect(choice).toBeVisible();
  await expect(choice).toHaveValue('whiskers');
  const card = app.grid.card('Data Catalog');
  await expect(card).toHaveAccessibleName(/^Data Catalog, effort 4\.0 \(2\.5–7\.0\), impact 6\.5, /);
  const whisker = ranges.locator('path');
  await expect(whisker).toHaveCount(1);
  const mark = await centreIn(app.grid.plot, card);
  const [left, y, right] = pathNumbers(await whisker.getAttribute('d'));
  expect(Math.abs(y - mark.y)).toBeLessThan(1.5);
  expect((right - mark.x) / (mark.x - left)).toBeCloseTo(2, 1);

  // An arrow key moves the mark and its range along: effort 4.5, range 3–7.5.
  await card.focus();
  await page.keyboard.press('ArrowRight');
  await expect(card).toHaveAccessibleName(/^Data Catalog, effort 4\.5 \(3\.0–7\.5\), /);
  await expect(effortLow).toHaveValue('3.0');
  await expect(effortHigh).toHaveValue('7.5');

  // Ellipses, then hidden.
  await choice.selectOption({ label: 'Ellipses' });
  await expect(ranges.locator('ellipse')).toHaveCount(1);
  await expect(ranges.locator('path')).toHaveCount(0);
  await choice.selectOption({ label: 'Hidden' });
  await expect(ranges).toBeHidden();

  const exported = JSON.parse((await exportJson(page)).text);
  const catalog = exported.initiatives.find((initiative) => initiative.title === 'Data Catalog');
  expect(catalog).toMatchObject({ effort: 4.5, effort_range: { low: 3, high: 7.5 } });
  expect(catalog.impact_range).toBeUndefined();
  expect(exported.initiatives.filter((initiative) => initiative.effort_range)).toHaveLength(1);

  // While the mark is dragged its range hides; the drop draws it around the new place.
  await choice.selectOption({ label: 'Whiskers' });
  await expect(whisker).toBeVisible();
  const before = await whisker.getAttribute('d');
  const start = await card.boundingBox();
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 60, start.y + start.height / 2, { steps: 5 });
  await expect(whisker).toHaveAttribute('visibility', 'hidden');
  await page.mouse.up();
  await expect(whisker).not.toHaveAttribute('visibility', 'hidden');
  await expect(whisker).not.toHaveAttribute('d', before);
  const moved = await centreIn(app.grid.plot, card);
  expect(Math.abs(pathNumbers(await whisker.getAttribute('d'))[1] - moved.y)).toBeLessThan(1.5);

  // Blank ends make the score a single point again.
  await effortLow.fill('');
  await effortHigh.fill('');
  await effortHigh.press('Tab');
  await expect(card).toHaveAccessibleName(/^Data Catalog, effort \d+\.\d, impact 6\.5, /);
  await expect(choice).toBeHidden();
});

test('Merge scores can keep the spread as the range: median scores, lowest to highest around them', async ({ page }) => {
  const app = await openFixture(page);
  const participant = (name, lake) => {
    const file = fixture();
    Object.assign(file.initiatives[0], { effort: lake[0], impact: lake[1] });
    return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
  };
  await page.getByLabel('Merge scores', { exact: true }).setInputFiles([
    participant('Sam.stackplan.json', [3, 8]),
    participant('Dana.stackplan.json', [7, 9]),
    participant('Priya.stackplan.json', [8, 2]),
  ]);
  const region = page.getByRole('region', { name: 'Consensus' });
  await region.getByRole('combobox', { name: 'Keep for all' }).selectOption({ label: 'Median, spread as range' });
  await region.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(region).toHaveCount(0);

  // Data Lake: efforts 3, 7, 8 and impacts 2, 8, 9; the rest were scored alike by everyone.
  await expect(app.grid.card('Data Lake')).toHaveAccessibleName(/^Data Lake, effort 7\.0 \(3\.0–8\.0\), impact 8\.0 \(2\.0–9\.0\), /);
  const whisker = app.grid.region.locator('svg.score-ranges path');
  await expect(whisker).toHaveCount(1);
  const mark = await centreIn(app.grid.plot, app.grid.card('Data Lake'));
  // Across: effort 3 to 8 around 7 (4 : 1); down: impact 9 to 2 around 8 (1 : 6).
  const [left, y, right, , , , , , , x, top, bottom] = pathNumbers(await whisker.getAttribute('d'));
  expect(Math.abs(y - mark.y)).toBeLessThan(1.5);
  expect(Math.abs(x - mark.x)).toBeLessThan(1.5);
  expect((mark.x - left) / (right - mark.x)).toBeCloseTo(4, 1);
  expect((bottom - mark.y) / (mark.y - top)).toBeCloseTo(6, 1);

  const exported = JSON.parse((await exportJson(page)).text);
  expect(exported.initiatives[0]).toMatchObject({
    effort: 7,
    impact: 8,
    effort_range: { low: 3, high: 8 },
    impact_range: { low: 2, high: 9 },
  });
  expect(exported.initiatives[1].effort_range).toBeUndefined();

  // One Undo takes the merge back, ranges and all.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(app.grid.card('Data Lake')).toHaveAccessibleName(/^Data Lake, effort 7\.5, impact 9\.0, /);
  await expect(whisker).toHaveCount(0);
});
