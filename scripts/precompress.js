#!/usr/bin/env node
// Writes a brotli (.br) and a gzip (.gz) copy next to every text asset and the wasm in dist/,
// for static hosts that serve precompressed files (nginx gzip_static/brotli_static, Netlify,
// Caddy's precompressed). The originals stay as they are; hosts without support ignore the copies.
//
// Usage: node scripts/precompress.js [distDir]
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const dist = path.resolve(__dirname, '..', process.argv[2] || 'dist');
const COMPRESSIBLE = new Set(['.wasm', '.js', '.mjs', '.css', '.html', '.json', '.svg', '.md']);

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(file) : [file];
  });
}

let count = 0;
for (const file of walk(dist)) {
  if (!COMPRESSIBLE.has(path.extname(file))) continue;
  const body = fs.readFileSync(file);
  const brotli = zlib.brotliCompressSync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  fs.writeFileSync(`${file}.br`, brotli);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
  count += 1;
}
console.log(`precompressed ${count} files in ${path.relative(process.cwd(), dist) || '.'} (.br and .gz beside each)`);
