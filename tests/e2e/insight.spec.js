// Insight: the charts (drawn, redrawn on change, with tables beside them, exported as PNG and
// SVG) and auto-phasing ("Suggest phases": a preview with reasons, Accept as one undoable step,
// Discard changing nothing).
const { test, expect } = require('./support/test');
const { Planner, canvasPixels } = require('./support/planner');
const { answerImport, download, fixtureText, importByPicker } = require('./support/files');

/** A version 1 roadmap file of `phases` ({ name, capacity }) and `initiatives`. */
function roadmapFile(name, phases, initiatives) {
  return JSON.stringify({
    format: 'stackplan.roadmap',
    version: 1,
    name,
    quadrant_split: { effort: 5.5, impact: 5.5 },
    phases: phases.map((phase, index) => ({ id: `p${index + 1}`, name: phase.name, capacity: phase.capacity })),
    initiatives: initiatives.map((initiative, index) => ({
      id: `i${index + 1}`,
      title: initiative.title,
      description: '',
      effort: initiative.effort,
      impact: initiative.impact,
      quick_win: initiative.quickWin || false,
      urgency: initiative.urgency || 'none',
      due: initiative.due || null,
      phase: initiative.phase || null,
      origin: null,
      owner: '',
      stakeholders: [],
      goals: [],
      budget: null,
      dependencies: initiative.dependencies || [],
      tags: [],
    })),
  });
}

async function openRoadmap(page, name, phases, initiatives) {
  await importByPicker(page, `${name}.json`, roadmapFile(name, phases, initiatives));
  await answerImport(page, name, 'Replace current roadmap');
}

test.describe('Suggest phases', () => {
  let app;
  test.beforeEach(async ({ page }) => {
    app = new Planner(page);
    await app.goto();
    // Warehouse must come before Dashboards; "Now" already holds Data catalog and Lineage (7 of 10).
    await openRoadmap(
      page,
      'Warehouse plan',
      [
        { name: 'Now', capacity: 10 },
        { name: 'Next', capacity: 12 },
        { name: 'Later', capacity: null },
      ],
      [
        { title: 'Warehouse', effort: 8, impact: 6 },
        { title: 'Dashboards', effort: 3, impact: 9, urgency: 'critical', dependencies: ['i1'] },
        { title: 'Data catalog', effort: 2, impact: 5, quickWin: true, phase: 'p1' },
        { title: 'Lineage', effort: 5, impact: 3, phase: 'p1' },
      ],
    );
    await expect(app.phases.item('Unphased', 'Warehouse')).toBeVisible();
  });

  function dialog(page) {
    return page.getByRole('dialog', { name: 'Suggested phases' });
  }

  /** The preview's rows as [initiative, from, to, why]. */
  async function rows(page) {
    return dialog(page)
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
  }

  test('lists every move with its reason; Discard changes nothing', async ({ page }) => {
    await page.getByRole('button', { name: 'Suggest phases', exact: true }).click();
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page).getByRole('button', { name: 'Accept', exact: true })).toBeFocused();
    expect(await rows(page)).toEqual([
      ['Warehouse', 'Unphased', 'Next', 'Now full: 7/10 effort'],
      ['Dashboards', 'Unphased', 'Next', 'after Warehouse (dependency)'],
    ]);
    await dialog(page).getByRole('button', { name: 'Discard', exact: true }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(app.phases.item('Unphased', 'Warehouse')).toBeVisible();
    await expect(app.phases.item('Unphased', 'Dashboards')).toBeVisible();
    // Nothing was recorded either: the one step to undo is the import itself.
    await app.undoButton.click();
    await expect(app.phases.item('Unphased', 'Warehouse')).toHaveCount(0);
    await expect(app.undoButton).toBeDisabled();
  });

  test('Accept moves them within capacity and after their dependencies; one Undo restores', async ({ page }) => {
    await page.getByRole('button', { name: 'Suggest phases', exact: true }).click();
    await dialog(page).getByRole('button', { name: 'Accept', exact: true }).click();
    await expect(dialog(page)).toBeHidden();
    for (const [column, title] of [
      ['Now', 'Data catalog'],
      ['Now', 'Lineage'],
      ['Next', 'Warehouse'],
      ['Next', 'Dashboards'],
    ]) {
      await expect(app.phases.item(column, title)).toBeVisible();
    }
    await expect(app.phases.unphased.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('alert')).toContainText('Moved 2 initiatives to the suggested phases. Undo puts them back.');

    await app.undoButton.click();
    await expect(app.phases.item('Unphased', 'Warehouse')).toBeVisible();
    await expect(app.phases.item('Unphased', 'Dashboards')).toBeVisible();
    await expect(app.phases.item('Now', 'Lineage')).toBeVisible();
  });

  test('says plainly when the phases cannot hold everything', async ({ page }) => {
    for (const [phase, capacity] of [
      ['Next', '10'],
      ['Later', '1'],
    ]) {
      await app.phases.region.getByRole('textbox', { name: `Capacity of ${phase}`, exact: true }).fill(capacity);
      await page.keyboard.press('Tab');
    }
    await page.getByRole('button', { name: 'Suggest phases', exact: true }).click();
    await expect(dialog(page)).toContainText(
      'No assignment fits: 1 initiative (3 effort) fit in no phase within its capacity. Raise a capacity or add a phase.',
    );
    expect(await rows(page)).toEqual([
      ['Warehouse', 'Unphased', 'Next', 'Now full: 7/10 effort'],
      ['Dashboards', 'Unphased', 'stays unphased', 'fits in no phase: needs 3 effort'],
    ]);
  });
});

test.describe('charts', () => {
  // A high-DPI screen: the canvases must draw at twice their CSS size.
  test.use({ deviceScaleFactor: 2 });
  let app;
  const CHARTS = ['Effort vs impact chart', 'Phase load chart', 'Quadrant and urgency chart', 'Outline coverage chart'];

  test.beforeEach(async ({ page }) => {
    app = new Planner(page);
    await app.goto();
    await importByPicker(page, 'roadmap.json', fixtureText());
    await answerImport(page, 'Data platform 2027', 'Replace current roadmap');
  });

  function insight(page) {
    return page.getByRole('region', { name: 'Insight' });
  }

  function chartPixels(page, name) {
    return canvasPixels(insight(page).getByRole('img', { name, exact: true }));
  }

  test('every chart is drawn once seen, sized for the screen, and redraws after a score changes', async ({ page }) => {
    // The page opens on the grid: charts below it are built but not drawn until they scroll into view.
    await expect(insight(page).getByRole('img', { name: 'Outline coverage chart' })).toBeAttached();
    await expect(insight(page).getByRole('img', { name: 'Outline coverage chart' })).not.toBeInViewport();
    expect((await chartPixels(page, 'Outline coverage chart')).inked).toBe(0);
    const before = {};
    for (const name of CHARTS) {
      await insight(page).getByRole('img', { name, exact: true }).scrollIntoViewIfNeeded();
      await expect.poll(async () => (await chartPixels(page, name)).inked, { message: name }).toBeGreaterThan(2_000);
      before[name] = await chartPixels(page, name);
      expect(before[name].sharp, `${name} has one buffer pixel per screen pixel`).toBe(true);
    }
    // Data Lake moves from a big bet (7.5) to a quick win (2) and out of its phase: every
    // chart's numbers change.
    await app.selectCard('Data Lake');
    await app.edit({ effort: 2, phase: 'Unphased' });
    for (const name of CHARTS) {
      await expect.poll(async () => (await chartPixels(page, name)).digest, { message: name }).not.toBe(before[name].digest);
    }
  });

  test('the tables beside the charts hold the same titles and numbers', async ({ page }) => {
    const region = insight(page);
    await app.showInsight();
    await region.getByText('Effort vs impact as a table').click();
    const matrix = region.getByRole('table', { name: 'Effort vs impact' });
    await expect(matrix.getByRole('row', { name: /^Data Lake 7\.5 9 Big bets Foundations \(Q1–Q2\) High/ })).toBeVisible();
    // The header and the fixture's six initiatives.
    await expect(matrix.getByRole('row')).toHaveCount(7);
    const phases = region.getByRole('table', { name: 'Phase load' });
    await expect(phases.getByRole('row', { name: 'Foundations (Q1–Q2) 2 10.5 20 16.2', exact: true })).toBeVisible();
    const counts = region.getByRole('table', { name: 'Initiatives per quadrant and per urgency' });
    await expect(counts.getByRole('row', { name: 'Big bets 3', exact: true })).toBeVisible();
    const coverage = region.getByRole('table', { name: 'Outline coverage' });
    for (const [area, phased, unphased] of [
      ['Data', 2, 0],
      ['– Data Tech Stack', 2, 0],
      ['– Data Strategy', 0, 0],
      ['Cloud', 1, 0],
      ['– IAC', 1, 0],
      ['MLOps', 0, 0],
      ['ML', 0, 0],
    ]) {
      await expect(coverage.getByRole('row', { name: `${area} ${phased} ${unphased}`, exact: true })).toBeVisible();
    }
    // Over capacity is said in words.
    await app.selectCard('Event streaming with Kafka');
    await app.edit({ phase: 'Foundations (Q1–Q2)' });
    await expect(phases.getByRole('row', { name: 'Foundations (Q1–Q2) 3 19.3 20 23.2', exact: true })).toBeVisible();
    await app.selectCard('Data Catalog');
    await app.edit({ phase: 'Foundations (Q1–Q2)' });
    await expect(phases.getByRole('row', { name: /^Foundations \(Q1–Q2\) 4 23\.3 20 \(over by 3\.3\)/ })).toBeVisible();
  });

  test('goal alignment shows what serves each goal, flags a goal nothing serves and names initiatives serving none', async ({ page }) => {
    const region = insight(page);
    await app.showInsight();
    const table = region.getByRole('table', { name: 'Goal alignment' });
    await expect(
      table.getByRole('row', {
        name: 'Market expansion 2 9.5 14.6 Data Catalog, Self-service BI dashboards 📊',
        exact: true,
      }),
    ).toBeVisible();
    await expect(
      region.getByText('3 initiatives serve no goal: Infrastructure as code, Event streaming with Kafka, Archive the legacy ledger.'),
    ).toBeVisible();
    await app.selectCard('Data Lake');
    await app.inspector.region.getByRole('checkbox', { name: 'Product development' }).uncheck();
    await expect(
      table.getByRole('row', { name: 'Product development 0 0 0 ⚠ served by no initiative', exact: true }),
    ).toBeVisible();
    await expect(region.getByText(/^4 initiatives serve no goal: Data Lake, Infrastructure as code,/)).toBeVisible();
  });

  test('Export PNG gives a 1600×900 picture and Export SVG the chart with its titles as text', async ({ page }) => {
    const png = await download(page, insight(page).getByRole('button', { name: 'Export PNG', exact: true }));
    expect(png.name).toBe('Data-platform-2027-effort-vs-impact.png');
    expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1600, 900]);

    const svg = await download(page, insight(page).getByRole('button', { name: 'Export SVG', exact: true }));
    expect(svg.name).toBe('Data-platform-2027-effort-vs-impact.svg');
    expect(svg.text).toMatch(/^<svg[^>]* width="1600" height="900"/);
    for (const title of ['Effort vs impact', 'Quick wins', 'Data Lake', 'Foundations (Q1–Q2)']) {
      expect(svg.text, title).toMatch(new RegExp(`>\\s*${title.replace(/[()]/g, '\\$&')}\\s*<`));
    }
    expect(svg.text).not.toContain('<script');
  });
});
