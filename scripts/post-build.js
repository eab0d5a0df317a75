#!/usr/bin/env node
// Finishes Trunk's release output (run by ./run.sh after `trunk build --release`):
//
// 1. Build id: a digest of every file of the build. It names the service worker's cache
//    (one cache per release, older ones deleted) and is written into index.html as
//    <meta name="stackplan-build">, so a new release is a new service worker.
// 2. The service worker's list of files to keep offline: every file of the build.
// 3. The wasm is fetched once the boot page has painted, not preloaded from the head: a preload
//    that finished first put the 600 KB download in front of the first paint, and Lighthouse
//    then counted it in the largest paint (4 s on its slow phone line instead of under 1 s). A
//    small script after the boot page starts the fetch in the task after the first frame; the
//    loader takes that response (or starts the fetch itself, if it runs first).
//    Then a Content-Security-Policy <meta> in index.html: only this origin, wasm compiled with
//    'wasm-unsafe-eval', and each inline script (the fetch and Trunk's loader) allowed by its
//    SHA-256 hash.
// 4. dist/stackplan.html: the whole app in one file that runs from file:// (mail it, put it on a
//    USB stick). CSS, JS and the icon are inlined; the wasm is inlined gzipped and base64-encoded
//    and instantiated from those bytes. Nothing is fetched, and no service worker is registered.
//
// Usage: node scripts/post-build.js [distDir]
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const dist = path.resolve(__dirname, '..', process.argv[2] || 'dist');
const SINGLE_FILE = 'stackplan.html';
const BUILD_MARK = '__STACKPLAN_BUILD__';
const FILES_MARK = '__STACKPLAN_FILES__';

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(file) : [file];
  });
}

const read = (name) => fs.readFileSync(path.join(dist, name), 'utf8');
const write = (name, text) => fs.writeFileSync(path.join(dist, name), text);
const sha256 = (text) => crypto.createHash('sha256').update(text).digest('base64');

/**
 * The policy for a page whose inline scripts have these texts. Served over http(s), the page
 * may load its own files ('self'); the single file loads none, so it allows nothing but itself.
 */
function contentSecurityPolicy(inlineScripts, { ownFiles }) {
  const own = ownFiles ? "'self' " : '';
  const hashes = inlineScripts.map((script) => `'sha256-${sha256(script)}'`).join(' ');
  const policy = [
    ownFiles ? "default-src 'self'" : "default-src 'none'",
    `script-src ${own}'wasm-unsafe-eval' ${hashes}`.trim(),
    // Leptos sets element styles (chart heights, card positions) from the app's own code.
    `style-src ${own}'unsafe-inline'`,
    // Downloads and chart exports are data: and blob: URLs.
    `img-src ${own}data: blob:`,
    "object-src 'none'",
    ownFiles ? "base-uri 'self'" : "base-uri 'none'",
    "form-action 'none'",
  ];
  if (ownFiles) policy.push("connect-src 'self'", "worker-src 'self'", "manifest-src 'self'");
  return policy.join('; ');
}

function inlineScriptsOf(html) {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
}

function withPolicy(html) {
  if (html.includes('http-equiv="Content-Security-Policy"')) fail('index.html already has a policy');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(inlineScriptsOf(html), { ownFiles: true })}" />`;
  // Right after the charset, before anything the policy must cover.
  return html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    ${meta}`);
}

/**
 * Moves the start of the wasm download from the head's preload to just after the first paint
 * (see 3 above). Fails if Trunk's output no longer has the shape this expects.
 */
function fetchWasmAfterFirstPaint(html) {
  const preload = html.match(/<link rel="preload" href="(\.\/[^"]+_bg\.wasm)"[^>]*?integrity="([^"]+)"[^>]*>/);
  if (!preload) fail('index.html has no preload of the wasm with its integrity');
  const [link, url, integrity] = preload;
  const loaderCall = `init({ module_or_path: '${url}' })`;
  if (!html.includes(loaderCall)) fail(`the loader does not call ${loaderCall}`);
  const bootEnd = '<!-- Linked after the boot page';
  if (!html.includes(bootEnd)) fail('index.html has no stylesheet link after the boot page');
  // Whichever runs first starts the one fetch; the other takes its response.
  const fetchOnce = `window.stackplanWasm ??= fetch(${JSON.stringify(url)}, { integrity: ${JSON.stringify(integrity)} })`;
  const starter = `<script>requestAnimationFrame(() => setTimeout(() => { ${fetchOnce}; }));</script>\n    `;
  return html
    .replace(link, '')
    .replace(loaderCall, `init({ module_or_path: ${fetchOnce} })`)
    .replace(bootEnd, `${starter}${bootEnd}`);
}

// ---- 1 and 2: build id and the offline file list ----

const files = walk(dist)
  .map((file) => path.relative(dist, file).split(path.sep).join('/'))
  .filter((name) => !/\.(br|gz)$/.test(name) && name !== SINGLE_FILE && name !== 'sw.js')
  .sort();
if (!files.includes('index.html')) fail(`no index.html in ${dist}`);
const digest = crypto.createHash('sha256');
for (const name of files) digest.update(name).update('\0').update(fs.readFileSync(path.join(dist, name)));
const build = digest.digest('hex').slice(0, 16);

let index = read('index.html');
if (!index.includes(BUILD_MARK)) fail('index.html has no build mark (was it processed already?)');
index = withPolicy(fetchWasmAfterFirstPaint(index.replace(BUILD_MARK, build)));
write('index.html', index);

const worker = read('sw.js');
if (!worker.includes(BUILD_MARK) || !worker.includes(FILES_MARK)) fail('sw.js has no build or file marks');
const offline = ['./', ...files.map((name) => `./${name}`)];
write('sw.js', worker.replace(BUILD_MARK, build).replace(FILES_MARK, JSON.stringify(offline)));

// ---- 4: the single file ----

const asset = (pattern, what) => {
  const name = files.find((file) => pattern.test(file));
  if (!name) fail(`no ${what} in ${dist}`);
  return name;
};
const glueName = asset(/^stackplan-[0-9a-f]+\.js$/, 'JS glue');
const wasmName = asset(/^stackplan-[0-9a-f]+_bg\.wasm$/, 'wasm');
const cssName = asset(/^main-[0-9a-f]+\.css$/, 'stylesheet');
const iconName = asset(/^favicon-[0-9a-f]+\.svg$/, 'icon');

const glue = read(glueName);
if (/^import\s/m.test(glue)) fail('the JS glue imports other files; inline them too');
const packedWasm = zlib.gzipSync(fs.readFileSync(path.join(dist, wasmName)), { level: 9 }).toString('base64');
const css = read(cssName);
if (/<\/style/i.test(css)) fail('the stylesheet cannot be inlined as is');
// The wasm-bindgen glue is an ES module: inlined as one, its init is called with the bytes.
const script = `${glue}
const packed = "${packedWasm}";
const gzipped = Uint8Array.from(atob(packed), (character) => character.charCodeAt(0));
const bytes = await new Response(new Blob([gzipped]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
await __wbg_init({ module_or_path: bytes });
`;
if (/<\/script/i.test(script)) fail('the JS cannot be inlined as is');

const head = (index.match(/<head>([\s\S]*?)<\/head>/) || [])[1] || '';
const keep = (pattern) => (head.match(pattern) || [''])[0];
const single = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy([script], { ownFiles: false })}" />
    ${keep(/<meta name="viewport"[^>]*>/)}
    ${keep(/<meta name="color-scheme"[^>]*>/)}
    ${keep(/<meta name="description"[^>]*>/)}
    <meta name="stackplan-build" content="${build}" />
    <title>Stackplan</title>
    <link rel="icon" href="data:image/svg+xml;base64,${Buffer.from(read(iconName)).toString('base64')}" />
    ${keep(/<style>[\s\S]*?<\/style>/)}
    <style>
${css}
    </style>
  </head>
  <body>
    <noscript>Stackplan runs in your browser and needs JavaScript and WebAssembly enabled.</noscript>
    <script type="module">${script}</script>
  </body>
</html>
`;
write(SINGLE_FILE, single);

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(
  `post-build: build ${build}; ${offline.length} files kept offline; ${SINGLE_FILE} ${kib(Buffer.byteLength(single))}` +
    ` (${kib(zlib.gzipSync(single).length)} gzip)`,
);
