// The form served by `niryat serve`, in headless Chromium: it loads only the validation build,
// checks as the clerk types, gets its PDF from the server (never the full build), keeps the
// draft through a reload, and asks before "New consignment" discards it. Then the same form
// from a server without the validation build: it checks through /v1/validate. Last, a server
// started with --token-file: the form asks for the token, keeps it for the tab, sends it.
// Needs the `niryat` binary: NIRYAT_BIN (scripts/test.sh sets it), else target/debug/niryat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { example, ROOT, typeShipment, WASM_DIR } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--lang=en-IN', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BIN = process.env.NIRYAT_BIN ?? join(ROOT, 'target', 'debug', 'niryat');
const HAVE_PKG = existsSync(join(WASM_DIR, 'pkg-validate', 'niryat_wasm_bg.wasm'));
const skip = (!existsSync(BIN) && `no niryat binary at ${BIN} (cargo build -p niryat-cli, or set NIRYAT_BIN)`) || (!HAVE_PKG && 'pkg-validate is not built');
const lucknow = example('lucknow-chikankari-ebay');
const BROKEN_GSTIN = '09ABHPP4821K1ZC';

/** Starts `niryat serve` on a free port with the form from `webDir`; resolves with its URL. */
function startServer(webDir, args = []) {
  const child = spawn(BIN, ['serve', '--listen', '127.0.0.1:0', '--web-dir', webDir, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`niryat serve did not start:\n${log}`)), 60_000);
    child.stderr.on('data', (d) => {
      log += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${m[1]}`, log: () => log });
      }
    });
    child.on('exit', (code) => reject(new Error(`niryat serve exited (${code}):\n${log}`)));
  });
}

async function stop(server) {
  const exited = new Promise((r) => server.child.on('exit', r));
  server.child.kill('SIGTERM');
  await exited;
}

/** The value every input shows, by its JSON Pointer. */
function shown(page) {
  return page.evaluate(() => {
    const out = {};
    for (const e of document.querySelectorAll('[data-path]')) {
      const input = /** @type {HTMLInputElement} */ (e);
      if (input.dataset.type === 'radio') out[input.dataset.path] = document.querySelector(`input[data-radio-of="${input.dataset.path}"]:checked`)?.value ?? '';
      else out[input.dataset.path] = input.value;
    }
    return out;
  });
}

test('the form served by niryat serve, in headless Chromium', { timeout: 600_000, skip }, async (t) => {
  const server = await startServer(WASM_DIR);
  const tmp = mkdtempSync(join(tmpdir(), 'niryat-served-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60_000 });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const requested = [];
  context.on('request', (r) => requested.push(`${r.method()} ${new URL(r.url()).pathname}`));

  try {
    await t.test('served: the page loads the validation build only', async () => {
      await page.goto(`${server.base}/`);
      await page.waitForSelector('body.ready');
      assert.deepEqual(await page.evaluate(() => [window.niryatForm.served, window.niryatForm.remoteCheck]), [true, false]);
      assert.ok(requested.some((u) => u.startsWith('GET /pkg-validate/')), 'validation build loaded');
      assert.ok(!requested.some((u) => u.includes('/pkg-full/')), 'full build never asked for');
      assert.ok(await page.locator('#open-orders').isVisible(), 'orders are read in the validation build');
    });

    await t.test('checks as you type: a broken GSTIN shows and clears', async () => {
      assert.deepEqual(await typeShipment(page, lucknow), [], 'every field has an input');
      const input = page.locator('[data-path="/exporter/gstin"]');
      await input.fill(BROKEN_GSTIN);
      await page.locator('[data-field="/exporter/gstin"] .issue.error').waitFor({ state: 'visible' });
      await input.fill(lucknow.exporter.gstin);
      await page.waitForFunction(() => !document.querySelector('[data-field="/exporter/gstin"] .issue'));
      assert.deepEqual(await page.evaluate(() => window.niryatForm.shipment()), lucknow);
    });

    await t.test('the draft is back after a reload, every field', async () => {
      const before = await shown(page);
      assert.ok(Object.keys(before).length > 30);
      await page.reload();
      await page.waitForSelector('body.ready');
      assert.deepEqual(await shown(page), before);
      assert.deepEqual(await page.evaluate(() => window.niryatForm.shipment()), lucknow);
    });

    await t.test('the PDF comes from the server', async () => {
      await page.locator('.doc.ok[data-doc="cn22"]').waitFor();
      const download = page.waitForEvent('download', { timeout: 180_000 });
      await page.click('[data-download="cn22"]');
      const d = await download;
      const file = join(tmp, 'cn22.pdf');
      await d.saveAs(file);
      const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /CN\s?22/);
      assert.match(r.stdout, /LP402177341IN/);
      assert.ok(requested.includes('POST /v1/documents/cn22'), 'asked the server');
      assert.ok(!requested.some((u) => u.includes('/pkg-full/')), 'full build never loaded');
    });

    await t.test('"New consignment" asks first; dismissed, nothing is lost', async () => {
      let asked = 0;
      page.once('dialog', (d) => {
        asked++;
        d.dismiss();
      });
      await page.click('#new-form');
      assert.equal(asked, 1);
      assert.deepEqual(await page.evaluate(() => window.niryatForm.shipment()), lucknow);
      page.once('dialog', (d) => d.accept());
      await page.click('#new-form');
      assert.equal(await page.locator('[data-path="/exporter/gstin"]').inputValue(), '');
      await page.reload();
      await page.waitForSelector('body.ready');
      assert.equal(await page.locator('[data-path="/exporter/gstin"]').inputValue(), '');
    });

    assert.deepEqual(errors, [], 'no uncaught errors in the page');
  } finally {
    await browser.close();
    await stop(server);
  }

  // A server whose form has no validation build: checks go to /v1/validate.
  const bare = join(tmp, 'bare');
  mkdirSync(bare);
  symlinkSync(join(WASM_DIR, 'web'), join(bare, 'web'));
  const server2 = await startServer(bare);
  const browser2 = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60_000 });
  try {
    const page2 = await browser2.newPage();
    page2.setDefaultTimeout(30_000);
    const seen = [];
    page2.on('request', (r) => seen.push(`${r.method()} ${new URL(r.url()).pathname}`));
    await t.test('served without the validation build: checks through the server', async () => {
      await page2.goto(`${server2.base}/`);
      await page2.waitForSelector('body.ready');
      assert.deepEqual(await page2.evaluate(() => window.niryatForm.remoteCheck), true);
      const input = page2.locator('[data-path="/exporter/gstin"]');
      await input.fill(BROKEN_GSTIN);
      await page2.locator('[data-field="/exporter/gstin"] .issue.error').waitFor({ state: 'visible' });
      assert.ok(seen.includes('POST /v1/validate'));
      assert.ok(!seen.some((u) => u.includes('/pkg-')), 'no WASM asked for');
      assert.ok(await page2.locator('#open-orders').isHidden(), 'no order import without the validation build');
    });
  } finally {
    await browser2.close();
    await stop(server2);
    rmSync(tmp, { recursive: true, force: true });
  }
});

/** Answers the token dialog with `token`; resolves with whether it said the last was refused. */
async function giveToken(page, token) {
  await page.locator('#token-dialog[open]').waitFor();
  const refused = await page.locator('#token-refused').isVisible();
  await page.fill('#token-input', token);
  await page.click('#token-ok'); // closes the dialog at once (it opens again if refused)
  return refused;
}

test('the served form behind --token-file asks for the token and sends it', { timeout: 600_000, skip }, async (t) => {
  const TOKEN = 'desk-7f3a9c21e4b8';
  const tmp = mkdtempSync(join(tmpdir(), 'niryat-token-'));
  const tokenFile = join(tmp, 'token');
  writeFileSync(tokenFile, `${TOKEN}\n`);
  const bare = join(tmp, 'bare');
  mkdirSync(bare);
  symlinkSync(join(WASM_DIR, 'web'), join(bare, 'web'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60_000 });
  try {
    // With the validation build: the page and the WASM load without the token (static
    // files are not behind it); the first API call, the PDF, asks for it.
    const server = await startServer(WASM_DIR, ['--token-file', tokenFile]);
    try {
      const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const api = [];
      page.on('response', (r) => {
        const u = new URL(r.url());
        if (u.pathname.startsWith('/v1/')) api.push([`${r.request().method()} ${u.pathname}`, r.status(), r.request().headers().authorization ?? '']);
      });
      await t.test('token: the page loads; a PDF asks for the token, a wrong one is refused', async () => {
        await page.goto(`${server.base}/`);
        await page.evaluate((s) => localStorage.setItem('niryat.form.v1', JSON.stringify(s)), lucknow);
        await page.reload();
        await page.waitForSelector('body.ready');
        assert.deepEqual(api, [], 'no API call yet');
        await page.locator('.doc.ok[data-doc="cn22"]').waitFor();
        const download = page.waitForEvent('download', { timeout: 180_000 });
        await page.click('[data-download="cn22"]');
        assert.equal(await giveToken(page, 'not-the-token'), false, 'first time: not told of a refusal');
        assert.equal(await giveToken(page, TOKEN), true, 'asked again, saying the token was refused');
        const file = join(tmp, 'cn22.pdf');
        await (await download).saveAs(file);
        const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /LP402177341IN/);
        assert.deepEqual(api, [
          ['POST /v1/documents/cn22', 401, ''],
          ['POST /v1/documents/cn22', 401, 'Bearer not-the-token'],
          ['POST /v1/documents/cn22', 200, `Bearer ${TOKEN}`],
        ]);
        assert.equal(await page.evaluate(() => sessionStorage.getItem('niryat.token')), TOKEN);
        const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
        assert.ok(!stored.includes(TOKEN), 'never in localStorage');
      });
      await context.close();
    } finally {
      await stop(server);
    }

    // Without it: the list of kinds, every check and the PDF go through the API.
    const server2 = await startServer(bare, ['--token-file', tokenFile]);
    try {
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const api = [];
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.pathname.startsWith('/v1/')) api.push(`${r.method()} ${u.pathname} ${r.headers().authorization ?? '-'}`);
      });
      await t.test('token: checks through the server once the token is given, in Hindi too', async () => {
        await page.goto(`${server2.base}/`);
        await page.evaluate(() => localStorage.setItem('niryat.lang', 'hi'));
        await page.reload();
        await page.locator('#token-dialog[open]').waitFor();
        assert.equal(await page.textContent('#token-title'), 'एक्सेस टोकन');
        assert.equal(await giveToken(page, TOKEN), false);
        await page.waitForSelector('body.ready');
        assert.equal(await page.evaluate(() => window.niryatForm.remoteCheck), true);
        await page.fill('[data-path="/exporter/gstin"]', BROKEN_GSTIN);
        await page.locator('[data-field="/exporter/gstin"] .issue.error').waitFor({ state: 'visible' });
        assert.ok(api.includes(`POST /v1/validate Bearer ${TOKEN}`), api.join('\n'));
        assert.ok(api.every((a) => a.endsWith(`Bearer ${TOKEN}`) || a === 'GET /v1/kinds -'), api.join('\n'));
      });
      await t.test('token: kept for the tab through a reload; the PDF comes with it', async () => {
        await page.evaluate((s) => localStorage.setItem('niryat.form.v1', JSON.stringify(s)), lucknow);
        await page.reload();
        await page.waitForSelector('body.ready');
        assert.equal(await page.locator('#token-dialog[open]').count(), 0, 'not asked again');
        await page.locator('.doc.ok[data-doc="cn22"]').waitFor();
        const download = page.waitForEvent('download', { timeout: 180_000 });
        await page.click('[data-download="cn22"]');
        const file = join(tmp, 'cn22-remote.pdf');
        await (await download).saveAs(file);
        assert.match(spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout, /CN\s?22/);
        assert.ok(api.includes(`POST /v1/documents/cn22 Bearer ${TOKEN}`), api.join('\n'));
      });
      await t.test('token: not given (Cancel), the form says why and stays empty-handed', async () => {
        await page.evaluate(() => sessionStorage.clear());
        await page.reload();
        await page.locator('#token-dialog[open]').waitFor();
        await page.click('#token-cancel');
        await page.locator('#status.bad', { hasText: 'एक्सेस टोकन' }).waitFor(); // the form is in Hindi here
        assert.equal(await page.locator('body.ready').count(), 0);
        assert.equal(await page.evaluate(() => sessionStorage.getItem('niryat.token')), null);
      });
      await context.close();
    } finally {
      await stop(server2);
    }
  } finally {
    await browser.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});
