// Hostile input through the JS API: every call returns issues or throws an Error with a
// code, and the module keeps working afterwards (checked after each case).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packages, load, example, thrown } from './helpers.mjs';

const lucknow = example('lucknow-chikankari-ebay');
const CODES = new Set(['malformed_input', 'invalid_shipment', 'unsupported', 'render_failed', 'invalid_argument']);

function cyclic() {
  const s = structuredClone(lucknow);
  s.exporter.address.self = s.exporter;
  return s;
}

function revoked() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function deep(n) {
  const root = {};
  let cur = root;
  for (let i = 0; i < n; i++) cur = cur.exporter = {};
  return root;
}

const hostile = {
  undefined: [undefined, ''],
  null: [null, ''],
  'a number': [42, ''],
  'a string': ['{"purpose":"personal"}', ''],
  'a list': [[lucknow], ''],
  'a function': [() => lucknow, ''],
  'a Symbol': [Symbol('shipment'), ''],
  'a BigInt': [10n, ''],
  'a cyclic object': [cyclic(), '/exporter/address/self'],
  'a BigInt inside': [{ items: [{ quantity: 10n }] }, '/items/0/quantity'],
  'a Symbol inside': [{ purpose: Symbol('x') }, '/purpose'],
  'a function inside': [{ exporter: { legal_name: () => 'x' } }, '/exporter/legal_name'],
  'NaN': [{ items: [{ quantity: NaN }] }, '/items/0/quantity'],
  'Infinity': [{ items: [{ unit_price: Infinity }] }, '/items/0/unit_price'],
  'a Date': [{ invoice: { date: new Date(0) } }, '/invoice/date'],
  'a Map': [{ exporter: new Map([['legal_name', 'x']]) }, '/exporter'],
  'binary data': [{ items: new Uint8Array(4) }, '/items'],
  'wrong type: list for object': [{ exporter: [] }, '/exporter'],
  'wrong type: object for list': [{ items: { 0: {} } }, '/items'],
  'wrong type: number for text': [{ exporter: { gstin: 9 } }, '/exporter/gstin'],
  'wrong type: text for count': [{ packages: [{ number: 'one' }] }, '/packages/0/number'],
  'wrong type: negative count': [{ packages: [{ number: -1 }] }, '/packages/0/number'],
  'not a decimal': [{ items: [{ quantity: '1,5' }] }, '/items/0/quantity'],
  'unknown enum value': [{ purpose: 'smuggling' }, '/purpose'],
  'unknown field': [{ exporter: { password: 'x' } }, '/exporter/password'],
  'a 70 MB string': [{ items: [{ description: 'x'.repeat(70 * 1024 * 1024) }] }, '/items/0/description'],
  'nesting 100 000 deep': [deep(100_000), null],
  'a getter that throws': [{ get exporter() { throw new Error('no'); } }, '/exporter'],
  'a Proxy whose keys throw': [{ exporter: new Proxy({}, { ownKeys() { throw new Error('no'); } }) }, '/exporter'],
  'a revoked Proxy': [revoked(), ''],
  'a revoked Proxy inside': [{ consignee: revoked() }, '/consignee'],
  'a Proxy whose prototype throws': [{ exporter: new Proxy({}, { getPrototypeOf() { throw new Error('no'); } }) }, null],
  'getters that recurse forever': [(function g() { return { get exporter() { return g(); } }; })(), null],
  'too many lines': [{ items: Array.from({ length: 10_001 }, () => ({})) }, '/items'],
};

for (const variant of packages()) {
  const niryat = await load(variant);
  const stillWorks = () => {
    assert.equal(niryat.validate(lucknow).valid, true, 'the module still works');
  };

  test(`${variant}: hostile shipments give a coded Error with the path, and the module still works`, async (t) => {
    for (const [name, [value, path]] of Object.entries(hostile)) {
      await t.test(name, () => {
        for (const call of [() => niryat.validate(value), () => niryat.documentsFor(value), () => niryat.renderPdf(value, 'cn22'), () => niryat.render(value, 'cn22', { format: 'json' })]) {
          let e;
          try {
            call();
            continue; // an invalid shipment may also come back as issues; never a crash
          } catch (err) {
            e = err;
          }
          assert.ok(e instanceof Error, `${name}: threw a non-Error ${String(e)}`);
          assert.ok(CODES.has(e.code), `${name}: code ${e.code}: ${e.message}`);
          if (e.code === 'malformed_input' && path !== null) assert.equal(e.path, path, `${name}: ${e.message}`);
        }
        stillWorks();
      });
    }
  });

  test(`${variant}: validate() of the hostile shipments that are objects never gives invalid output`, () => {
    const e = thrown(() => niryat.validate(hostile['a cyclic object'][0]));
    assert.equal(e.code, 'malformed_input');
    assert.match(e.message, /cycle/);
    const big = niryat.validate({ items: [{ description: 'x'.repeat(5000) }] }, { draft: true });
    assert.ok(big.issues.some((i) => i.path === '/items/0/description' && i.severity === 'error'), 'long text is an issue at its path');
    const control = niryat.validate({ exporter: { legal_name: 'Nazia\u0000\u202e' } }, { draft: true });
    assert.ok(control.issues.some((i) => i.path === '/exporter/legal_name'), 'control characters are an issue');
    stillWorks();
  });

  test(`${variant}: hostile options give a coded Error`, () => {
    const bad = [42, 'draft', [], { for: [1, 2] }, { for: [Symbol('x')] }, { draft: 1n }, { for: new Array(1e6) }, Object.create(null, { draft: { value: true, enumerable: true } })];
    for (const o of bad) {
      try {
        niryat.validate(lucknow, o);
      } catch (e) {
        assert.ok(CODES.has(e.code), `${String(o)}: ${e.code} ${e.message}`);
      }
    }
    for (const doc of [undefined, null, {}, ['cn22'], 1n, Symbol('cn22')]) {
      const e = thrown(() => niryat.renderPdf(lucknow, doc));
      assert.ok(CODES.has(e.code), `${String(doc)}: ${e.code}`);
    }
    stillWorks();
  });

  test(`${variant}: what the converter refuses is said in Hindi when Hindi is asked for`, () => {
    const names = ['undefined', 'a function', 'a Symbol', 'a BigInt', 'a cyclic object', 'a BigInt inside', 'NaN', 'Infinity', 'a Date', 'a Map', 'binary data', 'nesting 100 000 deep', 'a getter that throws', 'a Proxy whose keys throw'];
    for (const name of names) {
      const value = hostile[name][0];
      const en = thrown(() => niryat.validate(value));
      const hi = thrown(() => niryat.validate(value, { lang: 'hi' }));
      const both = thrown(() => niryat.validate(value, { lang: 'en+hi' }));
      assert.equal(hi.code, 'malformed_input', `${name}: ${hi.code} ${hi.message}`);
      assert.equal(hi.path, en.path, name);
      assert.ok(!/[\u0900-\u097f]/.test(en.message), `${name}: English has Devanagari: ${en.message}`);
      assert.ok(/[\u0900-\u097f]/.test(hi.message), `${name}: not said in Hindi: ${hi.message}`);
      assert.ok(both.message.includes(en.message) && both.message.includes(' / '), `${name}: ${both.message}`);
    }
    const date = thrown(() => niryat.validate(hostile['a Date'][0], { lang: 'hi' }));
    assert.ok(date.message.includes('Date ऑब्जेक्ट JSON में नहीं लिखा जा सकता; दिनांक "YYYY-MM-DD" रूप की स्ट्रिंग में दें'), date.message);
    const nan = thrown(() => niryat.validate(hostile.NaN[0]));
    assert.ok(nan.message.includes('NaN is not a JSON number'), nan.message);
    const fn = thrown(() => niryat.validate(() => lucknow, { lang: 'hi' }));
    assert.ok(fn.message.includes('फ़ंक्शन (function) JSON में नहीं लिखा जा सकता'), fn.message);
    const none = thrown(() => niryat.validate(undefined, { lang: 'hi' }));
    assert.ok(none.message.includes('प्रेषण (shipment) ऑब्जेक्ट (object) के रूप में चाहिए; दिया गया मान: undefined'), none.message);
  });

  test(`${variant}: a panic becomes Error{code: 'panic'} and the module recovers`, () => {
    for (let i = 0; i < 3; i++) {
      const e = thrown(() => niryat.__testPanic(`boom ${i}`));
      assert.equal(e.code, 'panic');
      assert.match(e.message, new RegExp(`boom ${i}`));
      stillWorks();
      assert.ok(niryat.kinds().length >= 6);
    }
  });

  test(`${variant}: a thousand failing calls leave the module as it was`, () => {
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 1000; i++) {
      thrown(() => niryat.validate({ items: [{ quantity: 10n }] }));
      thrown(() => niryat.validate(lucknow, { for: ['nope'] }));
    }
    stillWorks();
    const grown = (process.memoryUsage().rss - before) / 1024 / 1024;
    assert.ok(grown < 200, `memory grew by ${grown.toFixed(0)} MB`);
  });
}
