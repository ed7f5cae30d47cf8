// The form shows Hindi on any machine: in headless Chromium, switch the form to Hindi and
// check that the Devanagari it prints comes from the subset of Noto Sans Devanagari shipped
// with the form (web/fonts, declared with @font-face as "niryat Devanagari"), not from
// whatever the machine has: the font is in document.fonts and loaded, the Hindi labels are
// drawn with it, and a font file was fetched from web/fonts. Keeps docs/form-hi.png.
// Needs only the validation build (pkg-validate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../web/serve.mjs';
import { ROOT, packages } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--lang=en-IN', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const skip = (!packages().includes('validate') && 'needs pkg-validate') || (!existsSync(CHROMIUM) && `needs ${CHROMIUM}`);

/** Whether the machine itself has a font covering Hindi (fontconfig), for the log. */
function systemHindiFonts() {
  const r = spawnSync('fc-list', [':lang=hi', 'family'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split('\n').filter(Boolean) : [];
}

test('the form renders Hindi with its own Devanagari font', { timeout: 180_000, skip }, async (t) => {
  t.diagnostic(`system fonts covering Hindi: ${JSON.stringify(systemHindiFonts())}`);
  const server = await serve(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60_000 });
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
    const page = await context.newPage();
    const fetched = [];
    page.on('response', (r) => { if (r.ok()) fetched.push(new URL(r.url()).pathname); });
    await page.goto(`${base}/web/`);
    await page.waitForSelector('body.ready');
    await page.click('#lang-toggle');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'hi');
    const label = page.locator('label[for="f-exporter-gstin"]');
    assert.equal(await label.textContent(), 'जीएसटीआईएन');

    // niryat's own messages follow the switch: a GSTIN with a wrong check character is
    // explained in Hindi beside the field.
    await page.fill('#f-exporter-gstin', '09ABHPP4821K1ZC');
    await page.waitForFunction(() => window.niryatForm.issues().some((i) => i.code === 'gstin_checksum'), null, { timeout: 20_000 });
    const said = await page.evaluate(() => window.niryatForm.issues().find((i) => i.code === 'gstin_checksum').message);
    assert.match(said, /[\u0900-\u097f]/, `the message is Hindi: ${said}`);
    await page.click('#lang-toggle');
    await page.waitForFunction(() => /^[\x00-\x7f]*$/.test(window.niryatForm.issues().find((i) => i.code === 'gstin_checksum')?.message ?? ''), null, { timeout: 20_000 });
    await page.click('#lang-toggle');
    await page.fill('#f-exporter-gstin', '');

    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].map((f) => ({ family: f.family.replace(/"/g, ''), weight: f.weight, status: f.status }));
    });
    const ours = fonts.filter((f) => f.family === 'niryat Devanagari');
    assert.equal(ours.length, 2, `both weights declared: ${JSON.stringify(fonts)}`);
    assert.ok(ours.some((f) => f.status === 'loaded'), `the Devanagari font loaded: ${JSON.stringify(ours)}`);
    assert.ok(fetched.some((p) => p.startsWith('/web/fonts/') && p.endsWith('.woff2')), `a font file fetched: ${fetched}`);
    assert.ok(await page.evaluate(() => document.fonts.check('16px "niryat Devanagari"', 'जीएसटीआईएन')));

    // Drawn with it: Devanagari (no space: the space is outside the font's unicode-range) is
    // as wide in the page's font stack as in the shipped font alone, which
    // differs from a box (.notdef) rendering or a generic fallback.
    const widths = await page.evaluate(() => {
      const c = document.createElement('canvas').getContext('2d');
      const w = (font) => { c.font = font; return c.measureText('जीएसटीआईएननिर्यातक').width; };
      return { ours: w('16px "niryat Devanagari"'), page: w(`16px ${getComputedStyle(document.documentElement).fontFamily}`), notdef: w('16px "no such font here"') };
    });
    assert.equal(widths.page, widths.ours, `page text uses the shipped font: ${JSON.stringify(widths)}`);
    if (systemHindiFonts().length === 0) {
      assert.notEqual(widths.ours, widths.notdef, `without it Devanagari would be boxes: ${JSON.stringify(widths)}`);
    }

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ROOT, 'docs', 'form-hi.png') });
  } finally {
    await browser.close();
    server.close();
  }
});
