#!/usr/bin/env node
// Import benchmark: a 10,000-initiative roadmap file through the real UI of the release build.
//
//   node scripts/import-bench.js        (./run.sh bench runs it after the bundle-size report)
//
// Generates a valid format-v1 file (every field used, 5 phases) in target/, serves dist/ on
// 127.0.0.1 with a tiny static server, opens it in Debian's chromium (the launch options of
// playwright.config.js), then times
//   - import: setInputFiles on "Import JSON" until the "Import “…”?" dialog is shown,
//   - render: clicking "Open as new roadmap" until the grid holds all 10,000 cards (and painted),
// and reads the JS heap (CDP Performance.getMetrics, after a forced GC) and the wasm memory
// before and after. Writes target/import-bench.json and prints a summary. Timing is reported,
// never asserted. Environment: BENCH_INITIATIVES (default 10000), CHROMIUM_PATH.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIST = process.env.BENCH_DIST || path.join(ROOT, 'dist');
const TARGET = path.join(ROOT, 'target');
const COUNT = Number(process.env.BENCH_INITIATIVES || 10_000);
const PHASES = 5;
const NAME = `Import bench ${COUNT}`;
const FILE = path.join(TARGET, `import-bench-${COUNT}.stackplan.json`);
const REPORT = path.join(TARGET, 'import-bench.json');
const TIMEOUT = 600_000;

// --- the file -----------------------------------------------------------------------------------

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same file. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(count) {
  const random = rng(20270101);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const score = () => Math.round((1 + random() * 9) * 10) / 10;
  const urgencies = ['none', 'low', 'medium', 'high', 'critical'];
  const goals = ['Customer retention and loyalty', 'Market expansion', 'Product development', 'Cost control'];
  const owners = ['Dana Okafor', 'Sam Lee', 'Priya Natarajan', 'Jörg Müller', 'Ana Souza', ''];
  const teams = ['Data team', 'Finance', 'Ops', 'Product', 'Sales', 'Marketing', 'Executive team'];
  const tags = ['platform', 'storage', 'cloud', 'governance', 'analytics', 'ml', 'security', 'cost'];
  const areas = [
    ['Modern Stacks', 'Data', 'Data Tech Stack', 'Data Lake'],
    ['Modern Stacks', 'Data', 'Data Tech Stack', 'Data Catalog'],
    ['Modern Stacks', 'Cloud', 'IAC'],
    ['Modern Stacks', 'MLOps', 'Train and tune'],
    ['Modern Stacks', 'Cloud', 'Serverless Computing'],
  ];
  const phases = Array.from({ length: PHASES }, (_, i) => ({
    id: `p${i + 1}`,
    name: `Phase ${i + 1}`,
    capacity: i === PHASES - 1 ? null : 2000 + i * 500,
  }));
  const initiatives = [];
  for (let n = 1; n <= count; n += 1) {
    const dependencies = [];
    // Dependencies only point backwards (no cycles); about one initiative in five has some.
    if (n > 10 && random() < 0.2) {
      const first = 1 + Math.floor(random() * (n - 1));
      dependencies.push(`i${first}`);
      const second = 1 + Math.floor(random() * (n - 1));
      if (second !== first) dependencies.push(`i${second}`);
    }
    const effort = score();
    const impact = score();
    const month = String(1 + (n % 12)).padStart(2, '0');
    const day = String(1 + (n % 28)).padStart(2, '0');
    initiatives.push({
      id: `i${n}`,
      title: `Initiative ${n}: ${pick(['Data Lake', 'Feature store', 'Event streaming', 'BI dashboards', 'IaC rollout'])}`,
      description: n % 3 === 0 ? '' : `Description of initiative ${n}.\nSecond line with <b>markup-looking</b> text & "quotes".`,
      effort,
      impact,
      quick_win: effort < 5.5 && impact >= 5.5 && random() < 0.5,
      urgency: pick(urgencies),
      due: n % 4 === 0 ? null : `2027-${month}-${day}`,
      phase: n % 6 === 0 ? null : `p${1 + (n % PHASES)}`,
      origin: n % 2 === 0 ? { catalog: 'Modern Stacks', path: pick(areas) } : null,
      owner: pick(owners),
      stakeholders: teams.filter(() => random() < 0.3),
      goals: goals.filter(() => random() < 0.4),
      budget: n % 5 === 0 ? null : Math.round(random() * 500_000 * 100) / 100,
      dependencies,
      tags: tags.filter(() => random() < 0.25),
    });
  }
  const roadmap = {
    format: 'stackplan.roadmap',
    version: 1,
    name: NAME,
    quadrant_split: { effort: 5.5, impact: 5.5 },
    phases,
    initiatives,
  };
  return `${JSON.stringify(roadmap, null, 2)}\n`;
}

/** Validates against the published schema (ajv), so the benchmark measures a file the app must accept. */
function schemaErrors(data) {
  const Ajv2020 = require('ajv/dist/2020').default;
  const addFormats = require('ajv-formats').default;
  const ajv = new Ajv2020({ allErrors: false, strict: true });
  addFormats(ajv);
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/schema/roadmap.v1.schema.json'), 'utf8'));
  const validate = ajv.compile(schema);
  return validate(data) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}

// --- a tiny static server -------------------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

function serve(root) {
  const server = http.createServer((request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(root, `.${pathname}`);
    if (!file.startsWith(root + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response
        .writeHead(200, {
          'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
          'cache-control': 'no-store',
        })
        .end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// --- measuring ------------------------------------------------------------------------------------

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  const wasmBytes = await page.evaluate(() => window.__benchWasmMemory?.buffer.byteLength ?? null);
  return {
    js_heap_used_bytes: metric('JSHeapUsedSize'),
    js_heap_total_bytes: metric('JSHeapTotalSize'),
    wasm_memory_bytes: wasmBytes,
    dom_nodes: metric('Nodes'),
  };
}

const mb = (bytes) => (bytes == null ? 'n/a' : `${(bytes / 1_048_576).toFixed(1)} MB`);
const ms = (value) => `${Math.round(value)} ms`;
const since = (start) => Number(process.hrtime.bigint() - start) / 1e6;

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/index.html is missing: build first (trunk build --release)');
  }
  fs.mkdirSync(TARGET, { recursive: true });

  const text = generate(COUNT);
  fs.writeFileSync(FILE, text);
  const bytes = Buffer.byteLength(text);
  const errors = schemaErrors(JSON.parse(text));
  if (errors.length) throw new Error(`generated file does not match the schema: ${errors.join('; ')}`);
  console.log(`file: ${path.relative(ROOT, FILE)}  ${COUNT} initiatives, ${PHASES} phases, ${mb(bytes)} (${bytes} bytes), schema-valid`);

  const { chromium } = require('@playwright/test');
  const config = require(path.join(ROOT, 'playwright.config.js'));
  const project = config.projects.find((p) => p.name === 'chromium') || config.projects[0];
  const launchOptions = project.use.launchOptions;
  const viewport = project.use.viewport || { width: 1280, height: 720 };

  const server = await serve(DIST);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch(launchOptions);
  const result = {
    date: new Date().toISOString(),
    browser: `chromium ${browser.version()}`,
    url,
    file: { path: path.relative(ROOT, FILE), bytes, initiatives: COUNT, phases: PHASES },
  };
  try {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    // Keep a handle on the wasm memory that Trunk's loader announces.
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (event) => {
        window.__benchWasmMemory = event.detail?.wasm?.memory;
      });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    await page.goto(url);
    const grid = page.getByRole('region', { name: 'Effort vs impact' });
    await grid.waitFor({ timeout: 60_000 });
    result.memory_before = await memory(page, cdp);

    // 1. File chosen → import question shown (read, parse, validate in wasm).
    const input = page.getByLabel('Import JSON', { exact: true });
    const dialog = page.getByRole('alertdialog', { name: `Import “${NAME}”?` });
    let start = process.hrtime.bigint();
    await input.setInputFiles(FILE, { timeout: TIMEOUT });
    await dialog.waitFor({ timeout: TIMEOUT });
    const importMs = since(start);
    result.dialog_text = (await dialog.textContent()).trim();

    // 2. "Open as new roadmap" → every card on the grid, painted.
    start = process.hrtime.bigint();
    await dialog.getByRole('button', { name: 'Open as new roadmap', exact: true }).click({ timeout: TIMEOUT });
    await page.waitForFunction(
      (count) => document.querySelectorAll('[aria-label="Effort vs impact"] button[id^="card-"]').length >= count,
      COUNT,
      { timeout: TIMEOUT, polling: 100 },
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const renderMs = since(start);
    result.cards_on_grid = await page.evaluate(
      () => document.querySelectorAll('[aria-label="Effort vs impact"] button[id^="card-"]').length,
    );
    result.roadmap_name = await page.getByRole('textbox', { name: 'Roadmap name', exact: true }).inputValue();

    // Let autosave (300 ms debounce) run, then measure.
    await page.waitForTimeout(1_000);
    result.memory_after = await memory(page, cdp);
    result.timings_ms = { import_to_dialog: Math.round(importMs), open_to_grid: Math.round(renderMs) };
    result.notices = await page.getByRole('alert').allTextContents();
    result.stored_roadmap_chars = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('stackplan:roadmap:'))
        .reduce((sum, key) => sum + localStorage.getItem(key).length, 0),
    );
    result.console_errors = consoleErrors.slice(0, 20);
  } finally {
    await browser.close();
    server.close();
  }

  fs.writeFileSync(REPORT, `${JSON.stringify(result, null, 2)}\n`);
  const before = result.memory_before;
  const after = result.memory_after;
  console.log(`browser: ${result.browser}`);
  console.log(`import (file chosen → dialog):        ${ms(result.timings_ms.import_to_dialog)}`);
  console.log(`render (Open as new → ${result.cards_on_grid} cards):   ${ms(result.timings_ms.open_to_grid)}`);
  console.log(`JS heap used:  ${mb(before.js_heap_used_bytes)} → ${mb(after.js_heap_used_bytes)}`);
  console.log(`wasm memory:   ${mb(before.wasm_memory_bytes)} → ${mb(after.wasm_memory_bytes)}`);
  console.log(`DOM nodes:     ${before.dom_nodes} → ${after.dom_nodes}`);
  if (result.notices.length) console.log(`notices: ${result.notices.map((n) => n.trim()).join(' | ')}`);
  if (result.console_errors.length) console.log(`console errors: ${result.console_errors.length}`);
  console.log(`report: ${path.relative(ROOT, REPORT)}`);
}

main().catch((error) => {
  console.error(`import-bench: ${error.stack || error}`);
  process.exit(1);
});
