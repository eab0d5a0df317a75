// Stackplan's offline copy, one cache per release. Installing caches every file of the build
// (the list and the build id are written in by scripts/post-build.js), so the copy is whole and
// never mixes two releases. Files are served from it first. A new release installs beside the
// one in use and waits: the page offers "reload", and the new release takes over then (or on
// the next start once every tab of the old one is closed). Older caches are deleted once it
// does. Nothing leaves this origin.
'use strict';

const BUILD = '__STACKPLAN_BUILD__';
const FILES = __STACKPLAN_FILES__;
const CACHE = `stackplan-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // Straight from the server, never the HTTP cache: the copy must be this release's files.
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' }))))
      // The first release takes over at once; a later one waits until the user reloads.
      .then(() => (self.registration.active ? undefined : self.skipWaiting())),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.activate) self.skipWaiting();
});

// Older releases' caches go once this one is in charge.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name.startsWith('stackplan-') && name !== CACHE).map((name) => caches.delete(name))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // This release's own copy first, so a page never mixes two releases; the network for the rest.
  // A page's query string (not its #fragment, which never reaches here) still finds the page.
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: request.mode === 'navigate' }))
      .then((cached) => cached || fetch(request)),
  );
});
