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

/** A score as the app writes it, always with one decimal place: 6 → "6.0", 5.5 → "5.5". */
function scoreText(n) {
  return n.toFixed(1);
}

/** Regex for "<label> <n>" in a card's accessible name, the score written as scoreText(n). */
function scoreInName(label, n) {
  return new RegExp(`, ${label} ${scoreText(n).replace('.', '\\.')}(,|$)`);
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
    this.plot = this.region.locator('.plot');
  }

  /** The mark of an initiative on the plot (the list of titles left off the board has buttons too). */
  card(title) {
    return this.plot.getByRole('button', { name: startsWithTitle(title) });
  }

  /** A title placed beside its mark on the board (text drawn for the eye; the mark's name says it). */
  label(title) {
    return this.plot.locator('.mark-label').getByText(title, { exact: true });
  }

  /**
   * Drags a card (its title, or a locator) with the mouse (pointer events) to a point given as
   * fractions of the grid region's box.
   */
  async dragCard(titleOrCard, fx, fy) {
    const card = typeof titleOrCard === 'string' ? this.card(titleOrCard) : titleOrCard;
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
    this.effort = this.region.getByRole('spinbutton', { name: 'Effort', exact: true });
    this.impact = this.region.getByRole('spinbutton', { name: 'Impact', exact: true });
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

  /** Scrolls to Insight, as a user does: its charts, tables and audit are built once it is seen. */
  async showInsight() {
    const region = this.page.getByRole('region', { name: 'Insight' });
    await region.scrollIntoViewIfNeeded();
    await expect(region.locator('.charts')).toBeAttached();
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

/** A stored roadmap (r1 unless told), parsed; null when absent. */
async function storedRoadmap(page, key = ROADMAP_KEY) {
  const text = await stored(page, key);
  return text === null ? null : JSON.parse(text);
}

/**
 * Waits until autosave has stored a change. `expected` names the LAST change the test made:
 * either strings that must all appear in the stored roadmap or workspace text, or a function
 * given the parsed roadmap and workspace that returns true once they hold it. Every save writes
 * the whole roadmap, in order, so once storage shows the last change it holds all earlier ones.
 */
async function waitForSave(page, expected, message = 'autosave should store the change') {
  const parse = (text) => {
    try {
      return JSON.parse(text);
    } catch {
      return null; // not (yet) a save of ours, e.g. unreadable text a test put there
    }
  };
  const check =
    typeof expected === 'function'
      ? (roadmapText, workspaceText) => {
          const roadmap = roadmapText === null ? null : parse(roadmapText);
          return roadmap !== null && Boolean(expected(roadmap, workspaceText === null ? null : parse(workspaceText)));
        }
      : (roadmapText, workspaceText) => {
          const text = `${roadmapText ?? ''}\n${workspaceText ?? ''}`;
          return expected.every((s) => text.includes(s));
        };
  await expect
    .poll(async () => {
      const [roadmapText, workspaceText] = await page.evaluate(
        ([a, b]) => [window.localStorage.getItem(a), window.localStorage.getItem(b)],
        [ROADMAP_KEY, WORKSPACE_KEY],
      );
      return check(roadmapText, workspaceText);
    }, { message, timeout: 5_000 })
    .toBe(true);
}

/** The autosave's debounce: a save is written this long after the last change. */
const SAVE_DELAY_MS = 300;
/** The Web Lock every save is written under (so two tabs never interleave a save). */
const SAVE_LOCK = 'stackplan:save';

/**
 * Before the app loads in `page`, records the autosave's timers (the page's setTimeout calls
 * with the save delay): how many were scheduled and how many are still waiting. Lets a test
 * wait for "no save is pending" instead of sleeping past the debounce.
 */
async function watchSaveTimers(page) {
  await page.addInitScript((delay) => {
    const waiting = new Set();
    let scheduled = 0;
    const setTimer = window.setTimeout;
    const clearTimer = window.clearTimeout;
    window.setTimeout = function setTimeout(callback, ms, ...args) {
      if (ms !== delay || typeof callback !== 'function') return setTimer.call(window, callback, ms, ...args);
      scheduled += 1;
      const id = setTimer.call(
        window,
        (...callArgs) => {
          waiting.delete(id);
          callback(...callArgs);
        },
        ms,
        ...args,
      );
      waiting.add(id);
      return id;
    };
    window.clearTimeout = function clearTimeout(id) {
      waiting.delete(id);
      return clearTimer.call(window, id);
    };
    window.__e2eSaveTimers = () => ({ scheduled, waiting: waiting.size });
  }, SAVE_DELAY_MS);
}

/** { scheduled, waiting } save timers in a page set up with watchSaveTimers. */
function saveTimers(page) {
  return page.evaluate(() => {
    if (typeof window.__e2eSaveTimers !== 'function') throw new Error('watchSaveTimers(page) was not called before the app loaded');
    return window.__e2eSaveTimers();
  });
}

/**
 * Waits until no save is pending in `page` (set up with watchSaveTimers): no save timer is
 * waiting, and every save already started has finished (the save lock, requested after them,
 * is granted; Web Locks are granted in order).
 */
async function waitForNoPendingSave(page) {
  await expect
    .poll(async () => (await saveTimers(page)).waiting, { message: 'a save is still waiting' })
    .toBe(0);
  await page.evaluate((name) => navigator.locks.request(name, () => {}), SAVE_LOCK);
}

/**
 * A chart canvas's pixels: how many differ from its top-left (background) pixel, a digest that
 * changes when the drawing does, and whether it has one buffer pixel per screen pixel.
 */
function canvasPixels(canvas) {
  return canvas.evaluate((element) => {
    const { data } = element.getContext('2d').getImageData(0, 0, element.width, element.height);
    let inked = 0;
    let digest = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) inked += 1;
      digest = (digest * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13) >>> 0;
    }
    const sharp = element.width === Math.round(element.clientWidth * devicePixelRatio);
    return { inked, digest, sharp };
  });
}

module.exports = {
  SAVE_LOCK,
  canvasPixels,
  Planner,
  ROADMAP_KEY,
  WORKSPACE_KEY,
  RECOVERED_PREFIX,
  startsWithTitle,
  saveTimers,
  score,
  scoreInName,
  scoreText,
  stored,
  storedRoadmap,
  waitForNoPendingSave,
  waitForSave,
  watchSaveTimers,
};
