// "Open orders" in headless Chromium: the exporter is loaded into the form with "Open file"
// (examples/orders/exporter.json), then Amazon's order report is opened with the SKU
// catalogue; the orders are listed (and docs/form-orders.png is kept), the second is opened
// and the form shows its buyer, country and goods and checks it. Opening another asks first
// when that would replace the clerk's work; the catalogue is remembered and can be
// forgotten; eBay's CSV is recognised; a report with a column niryat does not know shows
// niryat's message and leaves the form as it was, in Hindi too. Needs only pkg-validate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../web/serve.mjs';
import { guessMarketplace } from '../web/orders.js';
import { ROOT, packages } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--lang=en-IN', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const skip = (!packages().includes('validate') && 'needs pkg-validate') || (!existsSync(CHROMIUM) && `needs ${CHROMIUM}`);
const ORDERS = join(ROOT, 'examples', 'orders');
const exporter = JSON.parse(readFileSync(join(ORDERS, 'exporter.json'), 'utf8'));

/** The orders listed in the dialog: [id, buyer, country, lines, still to do]. */
function listed(page) {
  return page.$$eval('#orders-list tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent)));
}

const value = (page, p) => page.locator(`[data-path="${p}"]`).inputValue();
const shipment = (page) => page.evaluate(() => window.niryatForm.shipment());

test('the marketplace is guessed from the headings', () => {
  const read = (n) => readFileSync(join(ORDERS, n), 'utf8');
  assert.equal(guessMarketplace(read('amazon-order-report.txt')), 'amazon');
  assert.equal(guessMarketplace(read('ebay-orders.csv')), 'ebay', 'after eBay\'s blank first line');
  assert.equal(guessMarketplace('\uFEFFamazon-order-id\tmerchant-order-id\tpurchase-date\n'), 'amazon');
  assert.equal(guessMarketplace('Sales Record Number,Order Number,Buyer Username\r\n'), 'ebay');
  assert.equal(guessMarketplace('a\tb\tc\n'), 'amazon', 'tabs: Amazon\'s layout');
  assert.equal(guessMarketplace(''), 'ebay');
});

test('"Open orders": a marketplace report into the form', { timeout: 300_000, skip }, async (t) => {
  const server = await serve(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60_000 });
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Every confirm() the page shows is recorded; the answer is set by each step.
  const asked = [];
  let answer = true;
  page.on('dialog', (d) => {
    asked.push(d.message());
    if (answer) d.accept();
    else d.dismiss();
  });

  try {
    await t.test('the exporter comes from "Open file"; the tool opens its dialog', async () => {
      await page.goto(`${base}/web/`);
      await page.waitForSelector('body.ready');
      await page.setInputFiles('#open-file', join(ORDERS, 'exporter.json'));
      await page.waitForFunction((n) => document.querySelector('[data-path="/exporter/legal_name"]')?.value === n, exporter.exporter.legal_name);
      await page.click('#open-orders');
      assert.ok(await page.locator('#orders-dialog').evaluate((d) => d.open));
      assert.match(await page.textContent('#orders-dialog'), /fill those in once/);
      assert.equal(await listed(page).then((r) => r.length), 0);
    });

    await t.test('Amazon report with the catalogue: the orders are listed', async () => {
      await page.setInputFiles('#orders-catalogue', join(ORDERS, 'skus.csv'));
      await page.locator('#orders-catalogue-name', { hasText: 'skus.csv' }).waitFor();
      await page.setInputFiles('#orders-report', join(ORDERS, 'amazon-order-report.txt'));
      await page.locator('#orders-list tbody tr').nth(1).waitFor();
      assert.equal(await page.locator('#orders-market').inputValue(), 'amazon', 'guessed from the headings');
      const rows = await listed(page);
      assert.deepEqual(
        rows.map((r) => r.slice(0, 4)),
        [
          ['204-7719023-5531147', 'Priya Sharma', 'GB', '2'],
          ['111-2233445-6677889', 'Anita Patel', 'US', '1'],
        ],
      );
      for (const r of rows) assert.match(r[4], /^\d+ to fill in$/, 'what the draft check still asks for');
      assert.equal(await page.locator('#orders-issues li').count(), 0, 'every SKU is in the catalogue');
      const out = join(ROOT, 'docs', 'form-orders.png');
      await page.locator('#orders-dialog').screenshot({ path: out });
      assert.ok(statSync(out).size > 10_000);
    });

    await t.test('the second order opens in the form, which checks it', async () => {
      await page.click('[data-order="111-2233445-6677889"] [data-open-order]');
      assert.deepEqual(asked, [], 'the form held no consignment yet: nothing to ask');
      assert.equal(await page.locator('#orders-dialog').evaluate((d) => d.open), false);
      assert.equal(await value(page, '/consignee/name'), 'Anita Patel');
      assert.equal(await value(page, '/consignee/address/country'), 'US');
      assert.equal(await value(page, '/items/0/sku'), 'KBS-STOLE-TEAL-02');
      assert.equal(await value(page, '/items/0/description'), 'Handwoven silk stole with meenakari border');
      assert.equal(await value(page, '/items/0/hs_code'), '62141020', 'from the catalogue');
      assert.equal(await value(page, '/exporter/legal_name'), exporter.exporter.legal_name, 'the exporter stays');
      assert.equal(await page.locator('[data-path^="/items/"][data-path$="/sku"]').count(), 1);
      assert.match(await page.textContent('#status'), /111-2233445-6677889/);
      const s = await shipment(page);
      assert.equal(s.invoice.marketplace_order_id, '111-2233445-6677889');
      // The form's own draft check ran on it: the documents it calls for are listed, and
      // nothing was unreadable.
      await page.locator('.doc[data-doc="cn23"]').waitFor();
      const issues = await page.evaluate(() => window.niryatForm.issues());
      assert.ok(issues.length > 0, 'the draft check says what is still to fill in');
      assert.ok(!issues.some((i) => i.code === 'malformed_input'), JSON.stringify(issues));
      assert.ok(issues.every((i) => i.severity === 'warning'), JSON.stringify(issues));
    });

    await t.test('opening another order over edited work asks first', async () => {
      // Unchanged since it was opened: no question.
      await page.click('#open-orders');
      await page.click('[data-order="111-2233445-6677889"] [data-open-order]');
      assert.deepEqual(asked, []);
      await page.fill('[data-path="/consignee/phone"]', '+1 732 555 0199');
      await page.click('#open-orders');
      answer = false;
      await page.click('[data-order="204-7719023-5531147"] [data-open-order]');
      assert.deepEqual(asked, ['Replace the consignment in the form with order 204-7719023-5531147?']);
      assert.equal(await value(page, '/consignee/name'), 'Anita Patel', 'dismissed: nothing replaced');
      assert.equal(await value(page, '/consignee/phone'), '+1 732 555 0199');
      answer = true;
      await page.click('[data-order="204-7719023-5531147"] [data-open-order]');
      assert.equal(asked.length, 2);
      assert.equal(await value(page, '/consignee/name'), 'Priya Sharma');
      assert.equal(await value(page, '/consignee/address/country'), 'GB');
      assert.deepEqual((await shipment(page)).items.map((i) => i.sku), ['KBS-SAREE-RED-07', 'KBS-STOLE-TEAL-02']);
      asked.length = 0;
    });

    await t.test('the catalogue is remembered after a reload, and can be forgotten', async () => {
      await page.reload();
      await page.waitForSelector('body.ready');
      await page.click('#open-orders');
      assert.match(await page.textContent('#orders-catalogue-name'), /skus\.csv/);
      assert.match(await page.evaluate(() => localStorage.getItem('niryat.catalogue.v1')), /KBS-SAREE-RED-07/);
      await page.click('#orders-forget');
      assert.equal(await page.evaluate(() => localStorage.getItem('niryat.catalogue.v1')), null);
      assert.match(await page.textContent('#orders-catalogue-name'), /No SKU catalogue/);
      assert.ok(await page.locator('#orders-forget').isHidden());
    });

    await t.test('eBay orders CSV: recognised and listed', async () => {
      await page.setInputFiles('#orders-report', join(ORDERS, 'ebay-orders.csv'));
      await page.locator('#orders-list tbody tr').nth(1).waitFor();
      assert.equal(await page.locator('#orders-market').inputValue(), 'ebay');
      assert.deepEqual(
        (await listed(page)).map((r) => r.slice(0, 4)),
        [
          ['12-11823-40917', 'Hannah Weber', 'DE', '2'],
          ['05-11830-22110', 'Mary Johnson', 'US', '1'],
        ],
      );
      await page.click('[data-order="12-11823-40917"] [data-open-order]');
      assert.deepEqual(asked, [], 'the form held the Amazon order just as opened');
      assert.equal(await value(page, '/consignee/name'), 'Hannah Weber');
      assert.equal(await value(page, '/consignee/address/country'), 'DE');
      assert.equal(await value(page, '/items/1/sku'), 'LKO-DUP-PEACH');
      assert.equal(await value(page, '/items/0/hs_code'), '', 'no catalogue: left to fill in');
    });

    await t.test('a report with an unknown column: niryat says so, the form is unchanged', async () => {
      const before = await shipment(page);
      const stored = await page.evaluate(() => localStorage.getItem('niryat.form.v1'));
      const text = readFileSync(join(ORDERS, 'amazon-order-report.txt'), 'utf8').replace('sales-channel', 'sales-channel\tgift-wrap');
      await page.click('#open-orders');
      await page.setInputFiles('#orders-report', { name: 'changed.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
      const issue = page.locator('#orders-issues li.error[data-code="order_report_columns"]');
      await issue.waitFor();
      assert.match(await issue.textContent(), /"gift-wrap"/);
      assert.equal(await page.locator('#orders-list tbody tr').count(), 0);
      assert.deepEqual(await shipment(page), before);
      assert.equal(await page.evaluate(() => localStorage.getItem('niryat.form.v1')), stored);
      // In Hindi: the dialog's words and niryat's message.
      await page.click('#orders-close');
      await page.click('#lang-toggle');
      await page.click('#open-orders');
      assert.equal(await page.textContent('#orders-title'), 'मार्केटप्लेस रिपोर्ट से ऑर्डर खोलें');
      assert.match(await issue.textContent(), /कॉलम/);
      await page.click('#orders-close');
      await page.click('#lang-toggle');
      assert.deepEqual(await shipment(page), before);
    });

    await t.test('a form niryat cannot read as the template: its message, nothing opened', async () => {
      const before = await shipment(page);
      await page.fill('[data-path="/packages/0/gross_weight_kg"]', 'about 2 kg');
      await page.click('#open-orders');
      await page.setInputFiles('#orders-report', join(ORDERS, 'amazon-order-report.txt'));
      const issue = page.locator('#orders-issues li.error', { hasText: '/packages/0/gross_weight_kg' });
      await issue.waitFor();
      assert.match(await issue.textContent(), /^The orders could not be read:/);
      assert.equal(await page.locator('#orders-list tbody tr').count(), 0);
      await page.click('#orders-close');
      assert.deepEqual((await shipment(page)).consignee, before.consignee);
    });

    assert.deepEqual(asked, []);
    assert.deepEqual(errors, [], 'no uncaught errors in the page');
  } finally {
    await browser.close();
    server.close();
  }
});
