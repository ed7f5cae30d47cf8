// reportGstr1, reportRealisation and importOrders on examples/month and examples/orders: the
// same results as the CLI and Python, issues in English or Hindi, coded errors on misuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packages, load, thrown, ROOT } from './helpers.mjs';

const monthDir = join(ROOT, 'examples', 'month');
const names = readdirSync(monthDir).filter((f) => f.endsWith('.json')).sort();
const texts = names.map((n) => readFileSync(join(monthDir, n), 'utf8'));
const month = () => texts.map((t) => JSON.parse(t));
const orders = (n) => readFileSync(join(ROOT, 'examples', 'orders', n), 'utf8');

for (const variant of packages()) {
  const niryat = await load(variant);

  test(`${variant}: reportGstr1 gives the offline tool's JSON and the pending bill`, () => {
    const r = niryat.reportGstr1(month(), '2026-03', { names });
    assert.equal(r.report.fp, '032026');
    assert.equal(r.report.gstin, '09AAKAK5123M1Z9');
    const inums = r.report.exp.flatMap((g) => g.inv.map((i) => i.inum)).sort();
    assert.deepEqual(inums, ['KBSHG/2526/101', 'KBSHG/2526/102', 'KBSHG/2526/103']);
    // 2 x 145 + 2 x 38 + 24 freight = 390 GBP at 111.30 = 43,407 INR (core/tests/reports.rs).
    assert.equal(r.report.exp[0].inv[0].val, 43407);
    assert.equal(r.has_errors, false);
    const pending = r.issues.filter((i) => i.code === 'export_declaration_pending');
    assert.deepEqual(pending.map((i) => i.file), ['2026-03-12-kbshg-102.json']);
    assert.equal(pending[0].params.number, 'KBSHG/2526/102');
  });

  test(`${variant}: reportGstr1 as CSV from JSON text, shipments named 1, 2 … by default`, () => {
    const r = niryat.reportGstr1(texts, '2026-03', { format: 'csv' });
    const lines = r.report.split('\r\n');
    assert.match(lines[0], /^Export Type,Invoice Number,Invoice date/);
    assert.ok(lines[1].startsWith('EXPWP,KBSHG/2526/101,04-03-2026,43407.00,INVNS5,'), lines[1]);
    assert.deepEqual(r.issues.map((i) => i.file), ['3']);
  });

  test(`${variant}: a duplicate invoice number is an error naming both, in Hindi on request`, () => {
    const shipments = [...month(), month()[1]];
    const all = [...names, 'copy.json'];
    const en = niryat.reportGstr1(shipments, '2026-03', { names: all });
    assert.equal(en.has_errors, true);
    const dup = en.issues.find((i) => i.code === 'invoice_number_duplicate');
    assert.equal(dup.path, '/invoice/number');
    assert.match(dup.message, /2026-03-04-kbshg-101\.json and copy\.json/);
    const hi = niryat.reportGstr1(shipments, '2026-03', { names: all, lang: 'hi' });
    const dupHi = hi.issues.find((i) => i.code === 'invoice_number_duplicate');
    assert.equal(
      dupHi.message,
      'बीजक संख्या KBSHG/2526/101 वित्तीय वर्ष 2025-26 में 2026-03-04-kbshg-101.json और copy.json दोनों में प्रयुक्त है: वर्ष के हर बीजक की अपनी संख्या होनी चाहिए',
    );
    assert.deepEqual(hi.report, en.report);
    const both = niryat.reportGstr1(shipments, '2026-03', { names: all, lang: 'en+hi' });
    assert.equal(both.issues.find((i) => i.code === 'invoice_number_duplicate').message, `${dup.message} / ${dupHi.message}`);
  });

  test(`${variant}: reportRealisation flags overdue and part-realised invoices`, () => {
    const r = niryat.reportRealisation(month(), '2026-04-30', { names });
    assert.equal(r.report.as_of, '2026-04-30');
    const row = (n) => r.report.rows.find((x) => x.invoice_number === n);
    // Exported 21 Nov 2024: due 15 months later, 21 Feb 2026.
    assert.equal(row('KBSHG/2425/077').due_date, '2026-02-21');
    assert.equal(row('KBSHG/2425/077').status, 'overdue');
    assert.equal(row('KBSHG/2526/102').status, 'part_realised');
    const csv = niryat.reportRealisation(month(), '2026-04-30', { format: 'csv' }).report;
    assert.ok(csv.includes(',overdue,'));
    const empty = niryat.reportRealisation([{}], '2026-04-30', { names: ['empty.json'], lang: 'hi' });
    assert.deepEqual(empty.report.issues, empty.issues);
    assert.equal(empty.issues[0].message, 'बीजक संख्या या दिनांक नहीं दिया गया है: बीजक सूची में नहीं रखा जा सकता');
  });

  test(`${variant}: bad report arguments are coded errors`, () => {
    assert.equal(thrown(() => niryat.reportGstr1(month(), 'March 2026')).code, 'invalid_argument');
    assert.equal(thrown(() => niryat.reportRealisation(month(), '30/04/2026')).code, 'invalid_argument');
    assert.equal(thrown(() => niryat.reportGstr1(month(), '2026-03', { format: 'xlsx' })).code, 'invalid_argument');
    assert.equal(thrown(() => niryat.reportGstr1(month(), '2026-03', { names: ['a'] })).code, 'invalid_argument');
    assert.equal(thrown(() => niryat.reportGstr1(month(), '2026-03', { colour: 1 })).code, 'invalid_argument');
    assert.equal(thrown(() => niryat.reportGstr1(month()[0], '2026-03')).code, 'invalid_argument');
    assert.equal(thrown(() => niryat.reportGstr1(month(), '2026-03', { lang: 'fr' })).code, 'unsupported');
    const e = thrown(() => niryat.reportGstr1([{}, { colour: 'red' }], '2026-03', { names: ['a.json', 'b.json'] }));
    assert.equal(e.code, 'malformed_input');
    assert.equal(e.path, '/colour');
    assert.match(e.message, /b\.json/);
    const hi = thrown(() => niryat.reportGstr1([{}, { purpose: 'gift' }], '2026-03', { names: ['a', 'b.json'], lang: 'hi' }));
    assert.equal(hi.path, '/purpose');
    assert.match(hi.message, /प्रेषण b\.json: अज्ञात शब्द `gift`/);
  });

  test(`${variant}: importOrders gives drafts that validate in draft mode`, () => {
    const exporter = JSON.parse(orders('exporter.json'));
    const r = niryat.importOrders(orders('amazon-order-report.txt'), 'amazon', exporter, { catalogue: orders('skus.csv') });
    assert.equal(r.ok, true);
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.orders.map((o) => o.order_id), ['204-7719023-5531147', '111-2233445-6677889']);
    const first = r.orders[0];
    assert.equal(first.shipment.consignee.name, 'Priya Sharma');
    assert.ok(first.shipment.items[0].hs_code);
    assert.equal(niryat.validate(first.shipment, { draft: true }).valid, true);
    assert.ok(first.check.issues.every((i) => i.severity === 'warning'));
    const ebay = niryat.importOrders(orders('ebay-orders.csv'), 'ebay', orders('exporter.json'));
    assert.equal(ebay.ok, true);
    assert.equal(ebay.orders.length, 2);
  });

  test(`${variant}: importOrders errors and warnings, in Hindi on request`, () => {
    const exporter = orders('exporter.json');
    const bad = orders('amazon-order-report.txt').replace('ship-city', 'city');
    const r = niryat.importOrders(bad, 'amazon', exporter, { lang: 'hi' });
    assert.equal(r.ok, false);
    assert.deepEqual(r.orders, []);
    assert.equal(r.issues[1].message, 'Amazon ऑर्डर रिपोर्ट में ये कॉलम नहीं हैं: "ship-city"');
    const skus = orders('skus.csv').split('\n').filter((l) => !l.includes('KBS-STOLE-TEAL-02')).join('\n');
    const w = niryat.importOrders(orders('amazon-order-report.txt'), 'amazon', exporter, { catalogue: skus, lang: 'hi' });
    assert.equal(w.ok, true);
    assert.equal(w.issues[0].code, 'sku_not_in_catalogue');
    assert.equal(w.issues[0].line, 3);
    assert.ok(w.issues[0].message.includes('कैटलॉग में नहीं है'), w.issues[0].message);
    assert.equal(thrown(() => niryat.importOrders('', 'etsy', {})).code, 'invalid_argument');
    assert.equal(thrown(() => niryat.importOrders('', 'amazon', { legal_name: 'X', colour: 'red' })).path, '/colour');
    const empty = niryat.importOrders('', 'ebay', { legal_name: 'X' });
    assert.equal(empty.issues[0].message, 'the eBay orders report is empty');
  });

  test(`${variant}: apiSchema describes the reports' options and results`, () => {
    const props = niryat.apiSchema().properties;
    for (const k of ['reportOptions', 'reportOutput', 'importOrdersOptions', 'importOutput']) assert.ok(props[k], k);
  });
}
