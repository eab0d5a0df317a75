// Page objects for the Stackplan e2e suite. Everything is found by role and accessible name,
// as in DESIGN.md section 5 (the UI contract), the way a user or a screen reader would.
'use strict';

const { expect } = require('@playwright/test');

const ROADMAP_KEY = 'stackplan:roadmap:r1';
const WORKSPACE_KEY = 'stackplan:workspace';
const RECOVERED_PREFIX = 'stackplan:recovered:';

/** Regex matching an accessible name that starts with `title` (then ends or goes on with ","). */
function startsWithTitle(title) {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}(,|$)`);
}

/** Parses a score shown in a spin button ("5.5", "6", "6.0"). */
function score(value) {
  const n = Number.parseFloat(value);
  if (Number.isNaN(n)) throw new Error(`not a score: ${JSON.stringify(value)}`);
  return n;
}

/** Regex for "<label> <n>" in a card's accessible name, accepting "6" and "6.0". */
function scoreInName(label, n) {
  const text = Number.isInteger(n) ? `${n}(\\.0)?` : String(n).replace('.', '\\.');
  return new RegExp(`, ${label} ${text}(,|$)`);
}

class Catalog {
  constructor(page) {
    this.page = page;
    this.region = page.getByRole('region', { name: 'Catalog' });
    this.tree = this.region.getByRole('tree');
    this.search = page.getByRole('searchbox', { name: 'Search catalog' });
    this.addButton = page.getByRole('button', { name: 'Add to roadmap', exact: true });
  }

  item(name) {
    return this.tree.getByRole('treeitem', { name, exact: true });
  }

  /** Clicks the item (selects and focuses it). */
  async select(name) {
    const item = this.item(name);
    await item.click();
    await expect(item).toHaveAttribute('aria-selected', 'true');
    return item;
  }

  /** Expands a collapsed item from the keyboard (ArrowRight on the focused item). */
  async expand(name) {
    const item = await this.select(name);
    if ((await item.getAttribute('aria-expanded')) !== 'true') {
      await item.press('ArrowRight');
    }
    await expect(item).toHaveAttribute('aria-expanded', 'true');
    return item;
  }

  /** Selects `name` (expanding `path` first) and presses "Add to roadmap". */
  async add(name, path = []) {
    for (const ancestor of path) await this.expand(ancestor);
    await this.select(name);
    await this.addButton.click();
  }
}

class Grid {
  constructor(page) {
    this.page = page;
    this.region = page.getByRole('region', { name: 'Effort vs impact' });
  }

  card(title) {
    return this.region.getByRole('button', { name: startsWithTitle(title) });
  }

  /** Drags a card with the mouse (pointer events) to a point given as fractions of the grid box. */
  async dragCard(title, fx, fy) {
    const card = this.card(title);
    const from = await card.boundingBox();
    const grid = await this.region.boundingBox();
    if (!from || !grid) throw new Error('card or grid not laid out');
    const page = this.page;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(grid.x + grid.width * fx, grid.y + grid.height * fy, { steps: 12 });
    await page.mouse.up();
  }
}

class Inspector {
  constructor(page) {
    this.page = page;
    this.region = page.getByRole('region', { name: 'Inspector' });
    this.title = this.region.getByRole('textbox', { name: 'Title' });
    this.effort = this.region.getByRole('spinbutton', { name: 'Effort' });
    this.impact = this.region.getByRole('spinbutton', { name: 'Impact' });
    this.urgency = this.region.getByRole('combobox', { name: 'Urgency' });
    this.dueDate = this.region.getByLabel('Due date');
    this.quickWin = this.region.getByRole('checkbox', { name: 'Quick win' });
    this.phase = this.region.getByRole('combobox', { name: 'Phase' });
    this.deleteButton = this.region.getByRole('button', { name: 'Delete initiative', exact: true });
  }

  async effortValue() {
    return score(await this.effort.inputValue());
  }

  async impactValue() {
    return score(await this.impact.inputValue());
  }

  /** Types a value into a spin button and commits it with Enter. */
  async setScore(which, value) {
    const box = which === 'effort' ? this.effort : this.impact;
    await box.fill(String(value));
    await box.press('Enter');
  }

  async setPhase(label) {
    await this.phase.selectOption({ label });
  }

  selectedPhase() {
    return this.phase.locator('option:checked');
  }
}

class Phases {
  constructor(page) {
    this.page = page;
    this.region = page.getByRole('region', { name: 'Phases' });
    this.unphased = this.region.getByRole('group', { name: 'Unphased', exact: true });
  }

  column(name) {
    return this.region.getByRole('group', { name, exact: true });
  }

  item(column, title) {
    return this.column(column).getByRole('button', { name: startsWithTitle(title) });
  }

  nameBox(name) {
    return this.region.getByRole('textbox', { name: `Name of ${name}`, exact: true });
  }

  /** Phase names in board order, read from the rename boxes. */
  async names() {
    return this.region
      .getByRole('textbox', { name: /^Name of / })
      .evaluateAll((boxes) => boxes.map((b) => b.value));
  }

  async rename(from, to) {
    const box = this.nameBox(from);
    await box.fill(to);
    // The box may be renamed as we type, so leave it through the keyboard, not the old name.
    await this.page.keyboard.press('Tab');
    await expect(this.column(to)).toBeVisible();
  }
}

class Planner {
  constructor(page) {
    this.page = page;
    this.catalog = new Catalog(page);
    this.grid = new Grid(page);
    this.inspector = new Inspector(page);
    this.phases = new Phases(page);
    this.newInitiativeButton = page.getByRole('button', { name: 'New initiative', exact: true });
    this.addPhaseButton = page.getByRole('button', { name: 'Add phase', exact: true });
    this.undoButton = page.getByRole('button', { name: 'Undo', exact: true });
    this.redoButton = page.getByRole('button', { name: 'Redo', exact: true });
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.catalog.tree).toBeVisible();
    await expect(this.grid.region).toBeVisible();
  }

  /** "New initiative", then types the title into the focused Title box and commits with Tab. */
  async newInitiative(title, fields = {}) {
    await this.newInitiativeButton.click();
    await expect(this.inspector.title).toBeFocused();
    await expect(this.inspector.title).toHaveValue('');
    await this.page.keyboard.type(title);
    await this.page.keyboard.press('Tab');
    await expect(this.grid.card(title)).toBeVisible();
    await this.edit(fields);
    return this.grid.card(title);
  }

  /** Sets fields of the selected initiative through the Inspector. */
  async edit({ effort, impact, urgency, due, quickWin, phase } = {}) {
    const ins = this.inspector;
    if (effort !== undefined) await ins.setScore('effort', effort);
    if (impact !== undefined) await ins.setScore('impact', impact);
    if (urgency !== undefined) await ins.urgency.selectOption(urgency);
    if (due !== undefined) await ins.dueDate.fill(due);
    if (quickWin !== undefined) await ins.quickWin.setChecked(quickWin);
    if (phase !== undefined) await ins.setPhase(phase);
  }

  /** Clicks a card on the grid (selects it) and waits for the Inspector to show it. */
  async selectCard(title) {
    await this.grid.card(title).click();
    await expect(this.inspector.title).toHaveValue(title);
  }

  /** Confirms the open alertdialog with the button named `name`. */
  async confirm(name) {
    const dialog = this.page.getByRole('alertdialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name, exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}

/** Raw localStorage text of a key (null when absent). */
function stored(page, key) {
  return page.evaluate((k) => window.localStorage.getItem(k), key);
}

/**
 * Waits until the autosave has written everything in `mustContain` (searched in the workspace
 * and roadmap keys) and the stored text has stopped changing (the save is debounced ~300 ms).
 */
async function waitForSave(page, mustContain = []) {
  const snapshot = () =>
    page.evaluate(
      ([a, b]) => `${window.localStorage.getItem(a) ?? ''}\n${window.localStorage.getItem(b) ?? ''}`,
      [WORKSPACE_KEY, ROADMAP_KEY],
    );
  await expect
    .poll(async () => {
      const text = await snapshot();
      return mustContain.filter((s) => !text.includes(s));
    }, { message: 'autosave should store the change', timeout: 5_000 })
    .toEqual([]);
  let last = await snapshot();
  for (let i = 0; i < 20; i += 1) {
    await page.waitForTimeout(400);
    const now = await snapshot();
    if (now === last) return;
    last = now;
  }
}

/** Locator for the card's "Quick win" mark (an icon may precede it; "Not in Quick wins" does not match). */
function quickWinMark(card) {
  return card.getByText(/^\W*Quick win\W*$/);
}

module.exports = {
  quickWinMark,
  Planner,
  ROADMAP_KEY,
  WORKSPACE_KEY,
  RECOVERED_PREFIX,
  startsWithTitle,
  score,
  scoreInName,
  stored,
  waitForSave,
};
