// End to end in headless Chromium (Debian's, driven by playwright-core): open the form,
// fill in the Lucknow artisan example field by field, watch an issue appear for a broken
// GSTIN and go when fixed, switch to Hindi, download the CN22 and the commercial invoice
// and read their text, time validate() on a 100-line shipment, save docs/form.png, and
// check that the page still works with the server gone (offline, from its service worker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../web/serve.mjs';
import { example, manyLines, ROOT, packages, typeShipment } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--lang=en-IN', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const lucknow = example('lucknow-chikankari-ebay');
const BROKEN_GSTIN = '09ABHPP4821K1ZC'; // the example's GSTIN with a wrong check character

function pdfText(file) {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `pdftotext: ${r.stderr}`);
  return r.stdout;
}

test('the form in headless Chromium', { timeout: 600_000, skip: !packages().includes('full') && 'needs pkg-full' }, async (t) => {
  const server = await serve(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const tmp = mkdtempSync(join(tmpdir(), 'niryat-e2e-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60_000 });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const requested = [];
  context.on('request', (r) => requested.push(new URL(r.url()).pathname)); // the page's and its workers'

  try {
    await t.test('the page loads the validation build only', async () => {
      await page.goto(`${base}/web/`);
      await page.waitForSelector('body.ready');
      assert.ok(requested.some((u) => u.startsWith('/pkg-validate/')), 'validation build loaded');
      assert.ok(!requested.some((u) => u.startsWith('/pkg-full/')), 'full build not loaded yet');
    });

    await t.test('fill in the Lucknow example field by field; a broken GSTIN shows and clears', async () => {
      let sawGstin = false;
      const missing = await typeShipment(page, lucknow, async (input, p, value) => {
        if (p !== '/exporter/gstin') return false;
        await input.fill(BROKEN_GSTIN);
        const issue = page.locator('[data-field="/exporter/gstin"] .issue.error');
        await issue.waitFor({ state: 'visible' });
        assert.match(await issue.getAttribute('data-code'), /gstin/);
        await input.fill(String(value));
        await page.waitForFunction(() => !document.querySelector('[data-field="/exporter/gstin"] .issue'));
        sawGstin = true;
        return true;
      });
      assert.deepEqual(missing, [], 'every field of the example has an input on the form');
      assert.ok(sawGstin);
      const typed = await page.evaluate(() => window.niryatForm.shipment());
      assert.deepEqual(typed, lucknow, 'the form built exactly the example');
      assert.equal(await page.locator('.issue.error').count(), 0, 'no errors on the filled form');
    });

    await t.test('labels switch to Hindi and back', async () => {
      const label = page.locator('label[for="f-exporter-gstin"]');
      assert.equal(await label.textContent(), 'GSTIN');
      await page.click('#lang-toggle');
      assert.equal(await label.textContent(), 'जीएसटीआईएन');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'hi');
      await page.click('#lang-toggle');
      assert.equal(await label.textContent(), 'GSTIN');
    });

    await t.test('screenshot of the filled form → docs/form.png', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      const out = join(ROOT, 'docs', 'form.png');
      await page.screenshot({ path: out, fullPage: true });
      assert.ok(statSync(out).size > 10_000);
    });

    await t.test('download the CN22 and the commercial invoice and read them', async (st) => {
      const wanted = {
        cn22: [/CN\s?22/, /CUSTOMS DECLARATION/, /chikankari/i, /621490/, /LP402177341IN/, /Nazia Parveen/],
        commercial_invoice: [/NCK\/2627\/014/, /Nazia/, /Emily Carter/, /68\.00/],
      };
      for (const [doc, patterns] of Object.entries(wanted)) {
        await page.locator(`.doc.ok[data-doc="${doc}"]`).waitFor();
        const download = page.waitForEvent('download', { timeout: 180_000 });
        const failed = page.waitForFunction(() => document.getElementById('status').classList.contains('bad'), null, { timeout: 180_000 });
        const clicked = performance.now();
        await page.click(`[data-download="${doc}"]`);
        const first = await Promise.race([download.then((d) => ({ d })), failed.then(() => ({ failed: true }))]);
        download.catch(() => {});
        failed.catch(() => {});
        if (first.failed) {
          const status = await page.textContent('#status');
          if (/not available yet/.test(status)) return st.skip(`core: ${status}`);
          assert.fail(`no PDF for ${doc}: ${status}`);
        }
        console.log(`# chromium: click to download, ${doc}: ${(performance.now() - clicked).toFixed(0)} ms${doc === 'cn22' ? ' (first PDF: starts the worker, compiles pkg-full, loads fonts)' : ''}`);
        const file = join(tmp, `${doc}.pdf`);
        await first.d.saveAs(file);
        assert.match(first.d.suggestedFilename(), new RegExp(`${doc}\\.pdf$`));
        const text = pdfText(file);
        for (const re of patterns) assert.match(text, re, `${doc} PDF text`);
      }
      assert.ok(requested.some((u) => u.startsWith('/pkg-full/')), 'the full build was loaded for the PDF');
    });

    await t.test('a panic in the browser becomes a coded Error and both builds recover', async () => {
      const result = await page.evaluate(async (s) => {
        const out = {};
        for (const name of ['validate', 'full']) {
          const m = await import(`/pkg-${name}/index.js`);
          const codes = [];
          for (const call of [() => m.__testPanic('browser boom'), () => m.validate(s)]) {
            try {
              call();
              codes.push('ok');
            } catch (e) {
              codes.push(e.code);
            }
          }
          await m.ready();
          out[name] = { codes, valid: m.validate(s).valid, pdf: m.buildInfo().pdf };
        }
        return out;
      }, lucknow);
      // On the page's thread the browser refuses to replace an 8 MB+ module synchronously,
      // so the full build restarts asynchronously: one call in between is told so.
      assert.deepEqual(result, {
        validate: { codes: ['panic', 'ok'], valid: true, pdf: false },
        full: { codes: ['panic', 'restarting'], valid: true, pdf: true },
      });
    });

    await t.test('validate() of a 100-line shipment in the browser takes < 1 ms (recorded)', async () => {
      const result = await page.evaluate(async (s) => {
        const m = await import('/pkg-validate/index.js');
        const r = m.validate(s);
        for (let i = 0; i < 200; i++) m.validate(s);
        // Timers are coarse in browsers: time batches and divide.
        const means = [];
        for (let b = 0; b < 7; b++) {
          const t0 = performance.now();
          for (let i = 0; i < 200; i++) m.validate(s);
          means.push((performance.now() - t0) / 200);
        }
        means.sort((a, b) => a - b);
        return { median: means[3], best: means[0], issues: r.issues.length, lines: s.items.length };
      }, manyLines(100));
      const pdf = await page.evaluate(async (s) => {
        const m = await import('/pkg-full/index.js');
        const out = {};
        for (const doc of ['cn22', 'commercial_invoice']) {
          // A new invoice number each time, so that typst's memoisation cannot answer.
          const times = [];
          for (let i = 0; i < 5; i++) {
            const one = structuredClone(s);
            one.invoice.number = `NCK/2627/${doc.length}${i}`;
            const t0 = performance.now();
            m.renderPdf(one, doc);
            times.push(performance.now() - t0);
          }
          out[doc] = times.sort((a, b) => a - b)[2];
        }
        return out;
      }, lucknow);
      console.log(`# chromium: renderPdf median of 5 (page thread, pkg-full): cn22 ${pdf.cn22.toFixed(0)} ms, commercial_invoice ${pdf.commercial_invoice.toFixed(0)} ms`);
      console.log(`# chromium: validate ${result.lines} lines: median of batch means ${result.median.toFixed(3)} ms (best ${result.best.toFixed(3)} ms, ${result.issues} issues)`);
      assert.equal(result.lines, 100);
      assert.ok(result.median < 5, `validate took ${result.median} ms`); // the target (< 1 ms) is recorded, not asserted
    });

    await t.test('offline: with the server gone the page still loads and checks', async () => {
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      await page.waitForSelector('body.ready');
      assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'page is controlled by the service worker');
      const closed = new Promise((r) => server.close(r));
      server.closeAllConnections();
      await closed;
      await page.reload();
      await page.waitForSelector('body.ready');
      const input = page.locator('[data-path="/exporter/gstin"]');
      await input.fill(BROKEN_GSTIN);
      await page.locator('[data-field="/exporter/gstin"] .issue.error').waitFor({ state: 'visible' });
      await input.fill(lucknow.exporter.gstin);
    });

    assert.deepEqual(errors, [], 'no uncaught errors in the page');
  } finally {
    await browser.close();
    server.close();
    server.closeAllConnections?.();
    rmSync(tmp, { recursive: true, force: true });
  }
});
