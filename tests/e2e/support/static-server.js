// A plain static file server for delivery tests: serves a folder under a sub-path (as a static
// host would), with the MIME types a host must send, and can switch folders to play a new
// release being deployed at the same URL.
const fs = require('fs');
const http = require('http');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The precompressed copy of `file` the request accepts (brotli first, then gzip), if any. */
function precompressed(request, file) {
  const accepted = request.headers['accept-encoding'] || '';
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (accepted.includes(encoding) && fs.existsSync(file + suffix)) return { encoding, file: file + suffix };
  }
  return null;
}

/**
 * Serves `root` at http://127.0.0.1:<port><mount>; resolves to { origin, url, serve(root), close() }.
 * With `compressed`, serves the build's .br and .gz copies to browsers that accept them, as a
 * host with brotli_static or gzip_static does (what users get, for Lighthouse's figures).
 */
function startStaticServer(root, mount = '/', { compressed = false } = {}) {
  let current = root;
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://host').pathname);
    if (!pathname.startsWith(mount)) {
      response.writeHead(404).end('outside the site');
      return;
    }
    let file = path.join(current, pathname.slice(mount.length));
    if (!file.startsWith(current)) {
      response.writeHead(403).end();
      return;
    }
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    const copy = compressed ? precompressed(request, file) : null;
    fs.readFile(copy ? copy.file : file, (error, body) => {
      if (error) {
        response.writeHead(404).end('not found');
        return;
      }
      const hashed = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(file);
      response.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        ...(copy ? { 'Content-Encoding': copy.encoding, Vary: 'Accept-Encoding' } : {}),
      });
      response.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({
        origin,
        url: `${origin}${mount}`,
        serve: (folder) => {
          current = folder;
        },
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

module.exports = { startStaticServer };
