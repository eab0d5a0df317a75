#!/usr/bin/env node
// Renders the app icons for the web app manifest from public/favicon.svg with Debian's chromium:
// public/icons/icon-192.png and icon-512.png (the SVG itself serves any size), and a maskable
// 512 px icon whose artwork keeps to the safe zone (the inner 80%) on the brand colour.
// The PNGs are committed; run this again only when the SVG changes:
//
//   node scripts/icons.js
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('@playwright/test');

const ROOT = path.resolve(__dirname, '..');
const SVG = fs.readFileSync(path.join(ROOT, 'public/favicon.svg'), 'utf8');
const OUT = path.join(ROOT, 'public/icons');
const BRAND = '#4f46e5';

const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

(async () => {
  // The browser and flags the e2e suite runs with.
  const browser = await chromium.launch(require('../playwright.config.js').projects[0].use.launchOptions);
  const page = await browser.newPage();
  fs.mkdirSync(OUT, { recursive: true });
  for (const { file, size, maskable } of ICONS) {
    const art = maskable ? Math.round(size * 0.7) : size;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? BRAND : 'transparent'}">` +
        `<img src="data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}" width="${art}" height="${art}"></body>`,
    );
    await page.screenshot({ path: path.join(OUT, file), omitBackground: !maskable });
    console.log(`wrote public/icons/${file} (${size}×${size})`);
  }
  await browser.close();
})();
