// Keeps an offline copy of this build (service worker, http(s) only) and says when a newer
// release is ready. The page never reloads by itself: the user chooses when, and the open
// roadmap is saved on the way out (the pagehide flush).
'use strict';

(() => {
  if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;

  function offerReload(waiting) {
    if (document.querySelector('.update-ready')) return;
    const bar = document.createElement('div');
    bar.className = 'update-ready';
    bar.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = 'A new version is ready — reload';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload';
    button.addEventListener('click', () => {
      button.disabled = true;
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
      waiting.postMessage({ activate: true });
    });
    bar.append(text, button);
    document.body.append(bar);
  }

  // A worker that finished installing while an older one controls the page is a new release.
  function watch(worker) {
    const check = () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offerReload(worker);
    };
    worker.addEventListener('statechange', check);
    check();
  }

  navigator.serviceWorker
    .register('./sw.js')
    .then((registration) => {
      if (registration.waiting) watch(registration.waiting);
      if (registration.installing) watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
    })
    .catch(() => {});
})();
