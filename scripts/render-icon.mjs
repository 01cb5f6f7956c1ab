#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (128×128, the Marketplace icon) with Debian's Chromium (playwright-core).
// Run after editing the SVG:  node scripts/render-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = fs.readFileSync(path.join(ROOT, 'media', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.BUDGET_E2E_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}</style>${svg}`);
await page.locator('svg').screenshot({ path: path.join(ROOT, 'media', 'icon.png'), omitBackground: true });
await browser.close();
console.log('media/icon.png');
