// Phones and tablets: at 390×844 and 768×1024 (portrait and landscape) the page never scrolls
// sideways, the grid fits the width and stays about square, and a share link opens; a card
// moves by touch (a long press picks it up; a swipe scrolls) and changes phase by its Move to… menu.
const { test, expect } = require('./support/test');
const { Planner } = require('./support/planner');
const zlib = require('zlib');
const { answerImport, fixtureText } = require('./support/files');

// `stacked`: narrower than 820 px or lower than 500 px, the panels stack in one column with a
// jump bar, the toolbar folds into a menu and the selected card offers "Move to…".
const SCREENS = [
  { name: 'phone portrait', width: 390, height: 844, stacked: true },
  { name: 'phone landscape', width: 844, height: 390, stacked: true },
  { name: 'tablet portrait', width: 768, height: 1024, stacked: true },
  { name: 'tablet landscape', width: 1024, height: 768, stacked: false },
];

/**
 * Moves one finger from `from` to `to` (viewport coordinates), as a touch screen sends it. With
 * `holding`, the finger first rests until that locator shows (the mark picked up: a long press).
 */
async function touchDrag(page, from, to, holding) {
  const client = await page.context().newCDPSession(page);
  const point = (x, y) => [{ x: Math.round(x), y: Math.round(y), id: 1 }];
  await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from.x, from.y) });
  if (holding) await expect(holding).toBeVisible();
  for (let step = 1; step <= 10; step += 1) {
    const x = from.x + ((to.x - from.x) * step) / 10;
    const y = from.y + ((to.y - from.y) * step) / 10;
    await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x, y) });
  }
  await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await client.detach();
}

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use({ viewport: { width: screen.width, height: screen.height }, hasTouch: true, isMobile: screen.width < 500 });

    test('no sideways scroll; the grid fits the width; a card moves by touch and changes phase', async ({ page }) => {
      // A shared roadmap, as a participant opens it from a chat: a link with #r=.
      const app = new Planner(page);
      await page.goto(`/#r=1.${zlib.deflateRawSync(Buffer.from(fixtureText())).toString('base64url')}`);
      await answerImport(page, 'Data platform 2027', 'Replace current roadmap');
      await expect(app.grid.card('Data Lake')).toBeVisible();

      const overflow = () => page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      const plot = await app.grid.region.locator('.plot').boundingBox();
      expect(plot.x).toBeGreaterThanOrEqual(0);
      expect(plot.x + plot.width).toBeLessThanOrEqual(screen.width);
      // Square enough to read: neither side under two thirds of the other.
      expect(Math.min(plot.width, plot.height) / Math.max(plot.width, plot.height)).toBeGreaterThan(0.66);

      // Data Lake (effort 7.5, impact 9) dragged by touch to the low-effort side.
      const card = app.grid.card('Data Lake');
      await card.scrollIntoViewIfNeeded();
      const box = await card.boundingBox();
      const area = await app.grid.region.locator('.plot').boundingBox();
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      // A quick swipe that starts on a card is not a drag: the card stays.
      // While a finger holds a mark, its stand-in above the board shows it lifted.
      const lifted = app.grid.region.locator('.drag-layer .mark.is-lifted');
      await touchDrag(page, centre, { x: area.x + area.width * 0.15, y: centre.y });
      await expect(lifted).toHaveCount(0);
      await expect(card).toHaveAccessibleName(/^Data Lake, effort 7\.5, impact 9\.0,/);
      // A long press picks it up; then it follows the finger.
      const again = await card.boundingBox();
      const start = { x: again.x + again.width / 2, y: again.y + again.height / 2 };
      await touchDrag(page, start, { x: area.x + area.width * 0.15, y: start.y }, lifted);
      await expect(card).toHaveAccessibleName(/^Data Lake, effort [1-3]\.\d, impact 9\.0,/);
      await expect(lifted).toHaveCount(0);

      await card.tap();
      await expect(card).toHaveAttribute('aria-pressed', 'true');
      const moveTo = app.grid.region.getByRole('combobox', { name: 'Move Data Lake to…', exact: true });
      if (screen.stacked) {
        // The card's own menu: the Inspector is a long scroll away.
        await expect(moveTo.locator('option:checked')).toHaveText('Foundations (Q1–Q2)');
        await moveTo.selectOption({ label: 'Scale' });
        // The menu follows the selection: another mark's name and phase, then back.
        await app.grid.card('Archive the legacy ledger').tap();
        const other = app.grid.region.getByRole('combobox', { name: 'Move Archive the legacy ledger to…', exact: true });
        await expect(other.locator('option:checked')).toHaveText('Unphased');
        await card.tap();
        await expect(moveTo.locator('option:checked')).toHaveText('Scale');
      } else {
        await expect(moveTo).toBeHidden();
        await app.inspector.setPhase('Scale');
      }
      await expect(app.phases.item('Scale', 'Data Lake')).toBeVisible();
      expect(await overflow()).toBeLessThanOrEqual(0);
    });

    test('the toolbar folds into a menu and a jump bar reaches every panel', async ({ page }) => {
      const app = new Planner(page);
      await app.goto();
      const exportJson = page.getByRole('button', { name: 'Export JSON', exact: true });
      const menu = page.getByRole('button', { name: '☰ Menu', exact: true });
      await expect(app.newInitiativeButton).toBeVisible();
      if (!screen.stacked) {
        await expect(menu).toBeHidden();
        await expect(exportJson).toBeVisible();
        await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
        return;
      }
      await expect(exportJson).toBeHidden();
      await menu.tap();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(exportJson).toBeVisible();
      await menu.tap();
      await expect(exportJson).toBeHidden();

      const jump = page.getByRole('navigation', { name: 'Sections' });
      for (const [button, region] of [
        ['Inspector', 'Inspector'],
        ['Phases', 'Phases'],
        ['Timeline', 'Timeline'],
        ['Priority', 'Priority'],
        ['Insight', 'Insight'],
        ['Catalog', 'Catalog'],
        ['Grid', 'Effort vs impact'],
      ]) {
        await jump.getByRole('button', { name: button, exact: true }).tap();
        await expect(page.getByRole('region', { name: region, exact: true })).toBeInViewport();
      }
      await expect(jump).toBeInViewport();
    });
  });
}

// Parts of the page are built after its first paint; none of them may push what is already
// shown (a catalog built late once pushed the board down a whole screen on a phone).
for (const screen of [SCREENS[0], SCREENS[3]]) {
  test(`${screen.name}: the page builds without shifting what is on screen`, async ({ page }) => {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (!entry.hadRecentInput) window.__shifts.push(entry.value);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const app = new Planner(page);
    await app.goto();
    // The last parts built: Insight and the dialogs' shells.
    await expect(page.getByRole('region', { name: 'Insight' })).toBeAttached();
    await expect(page.getByRole('region', { name: 'Inspector' })).toBeAttached();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shifts = await page.evaluate(() => window.__shifts);
    const total = shifts.reduce((sum, value) => sum + value, 0);
    expect(total, `layout shifts: ${shifts.join(', ')}`).toBeLessThan(0.01);
  });
}
