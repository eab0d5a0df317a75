#!/usr/bin/env node
// Bundle-size report: raw and gzip (level 9) sizes of the .wasm, JS glue and CSS in dist/.
// Prints a table and writes target/bundle-size.json. Figures only: no thresholds.
//
// Usage: node scripts/bundle-size.js [distDir] [outFile]
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const root = path.resolve(__dirname, '..');
const distDir = path.resolve(root, process.argv[2] || 'dist');
const outFile = path.resolve(root, process.argv[3] || 'target/bundle-size.json');

const KINDS = { '.wasm': 'wasm', '.js': 'js', '.mjs': 'js', '.css': 'css' };

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

if (!fs.existsSync(distDir)) {
  console.error(`bundle-size: ${path.relative(root, distDir) || distDir} not found; run a release build first`);
  process.exit(1);
}

const files = walk(distDir)
  .filter((p) => KINDS[path.extname(p)])
  .sort()
  .map((p) => {
    const buf = fs.readFileSync(p);
    return {
      file: path.relative(distDir, p).split(path.sep).join('/'),
      kind: KINDS[path.extname(p)],
      raw: buf.length,
      gzip: zlib.gzipSync(buf, { level: 9 }).length,
    };
  });

const totals = {};
for (const kind of ['wasm', 'js', 'css']) {
  const of = files.filter((f) => f.kind === kind);
  totals[kind] = { files: of.length, raw: sum(of, 'raw'), gzip: sum(of, 'gzip') };
}
totals.all = { files: files.length, raw: sum(files, 'raw'), gzip: sum(files, 'gzip') };

function sum(list, key) {
  return list.reduce((n, f) => n + f[key], 0);
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rows = [
  ...files.map((f) => [f.file, f.kind, kib(f.raw), kib(f.gzip)]),
  ...Object.entries(totals).map(([k, t]) => [`total ${k}`, `${t.files} file(s)`, kib(t.raw), kib(t.gzip)]),
];
const header = ['file', 'kind', 'raw', 'gzip'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
rows.forEach((r, i) => {
  if (i === files.length) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  console.log(line(r));
});

if (files.length === 0 || totals.wasm.files === 0) {
  console.error('bundle-size: no .wasm in dist/: is this a Trunk build?');
}

const report = {
  generated: new Date().toISOString(),
  dist: path.relative(root, distDir) || '.',
  gzipLevel: 9,
  files,
  totals,
};
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(report, null, 2) + '\n');
console.log(`wrote ${path.relative(root, outFile)}`);
