// The JS API on plain objects: shapes of results, coded errors on misuse, PDFs and text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packages, load, example, thrown, notYetAvailable, manyLines, WASM_DIR } from './helpers.mjs';

const lucknow = example('lucknow-chikankari-ebay');

for (const variant of packages()) {
  const niryat = await load(variant);

  test(`${variant}: buildInfo says whether PDFs can be made`, () => {
    const info = niryat.buildInfo();
    assert.equal(info.pdf, variant === 'full');
    assert.match(info.version, /^\d+\.\d+\.\d+/);
  });

  test(`${variant}: kinds() lists every document with its formats`, () => {
    const kinds = niryat.kinds();
    const names = kinds.map((k) => k.name);
    for (const n of ['commercial_invoice', 'packing_list', 'iec_details', 'cn22', 'cn23', 'pbe']) assert.ok(names.includes(n), n);
    for (const k of kinds) {
      assert.equal(typeof k.title, 'string');
      assert.ok(k.formats.length > 0, k.name);
    }
  });

  test(`${variant}: schema() is the shipment's JSON Schema as an object`, () => {
    const s = niryat.schema();
    assert.equal(typeof s, 'object');
    assert.match(s.$schema, /json-schema\.org/);
    assert.ok(s.properties.exporter && s.properties.items, 'has exporter and items');
  });

  test(`${variant}: validate() returns { valid, documents, issues } and never throws for an invalid shipment`, () => {
    const ok = niryat.validate(lucknow);
    assert.equal(ok.valid, true);
    assert.ok(Array.isArray(ok.issues));
    assert.deepEqual(ok.documents, niryat.documentsFor(lucknow));

    const broken = structuredClone(lucknow);
    broken.exporter.gstin = '09ABHPP4821K1ZC';
    const r = niryat.validate(broken);
    assert.equal(r.valid, false);
    const issue = r.issues.find((i) => i.path === '/exporter/gstin');
    assert.ok(issue, JSON.stringify(r.issues));
    assert.equal(issue.severity, 'error');
    assert.equal(typeof issue.code, 'string');
    assert.equal(typeof issue.message, 'string');
    // The invoice cannot be made with a wrong GSTIN; blocks names only documents checked.
    assert.ok(issue.blocks.includes('commercial_invoice'), issue.blocks.join());
    assert.ok(issue.blocks.every((d) => r.documents.includes(d)), issue.blocks.join());

    // An empty shipment is invalid, not an error; in draft mode missing fields are warnings.
    const strict = niryat.validate({}, { for: ['commercial_invoice'] });
    assert.equal(strict.valid, false);
    const draft = niryat.validate({}, { for: ['commercial_invoice'], draft: true });
    assert.ok(draft.issues.every((i) => i.code !== 'missing_field' || i.severity === 'warning'));
    const missing = draft.issues.find((i) => i.code === 'missing_field');
    assert.ok(missing.params.field, 'a missing field names itself in params.field');
  });

  test(`${variant}: validate() checks for the documents asked for`, () => {
    const personal = example('personal-gift');
    const cn22 = niryat.validate(personal, { for: ['cn22'] });
    const invoice = niryat.validate({ purpose: 'personal' }, { for: ['commercial_invoice'] });
    assert.ok(Array.isArray(cn22.issues));
    assert.ok(invoice.issues.length > 0);
  });

  test(`${variant}: documentsFor() names what a shipment calls for`, () => {
    const docs = niryat.documentsFor(lucknow);
    assert.ok(docs.includes('commercial_invoice') && docs.includes('cn22'), docs.join());
  });

  test(`${variant}: misuse throws an Error with a code`, () => {
    const cases = [
      [() => niryat.validate(lucknow, { for: 'cn22' }), 'invalid_argument'],
      [() => niryat.validate(lucknow, { for: ['bill_of_lading'] }), 'unsupported'],
      [() => niryat.validate(lucknow, { draft: 'yes' }), 'invalid_argument'],
      [() => niryat.validate(lucknow, { strict: true }), 'invalid_argument'],
      [() => niryat.renderPdf(lucknow, 42), 'invalid_argument'],
      [() => niryat.renderPdf(lucknow, 'bill_of_lading'), 'unsupported'],
      [() => niryat.renderPdf(lucknow, 'cn22', { lang: 'fr' }), variant === 'full' ? 'unsupported' : 'unsupported'],
      [() => niryat.render(lucknow, 'cn22', { format: 'pdf' }), 'invalid_argument'],
      [() => niryat.render(lucknow, 'cn22', { format: 'docx' }), 'unsupported'],
      [() => niryat.renderPdf(lucknow, 'cn22', { copies: 4 }), 'unsupported'],
      [() => niryat.renderPdf(lucknow, 'cn22', { copies: 0 }), 'unsupported'],
      [() => niryat.render(lucknow, 'commercial_invoice', { format: 'xml', flavor: 'edifact' }), 'unsupported'],
    ];
    for (const [f, code] of cases) {
      const e = thrown(f);
      assert.ok(e instanceof Error, String(e));
      assert.equal(e.code, code, `${f}: ${e.message}`);
      assert.equal(e.name, 'NiryatError');
    }
  });

  test(`${variant}: validate() in Hindi changes only the messages`, () => {
    const broken = structuredClone(lucknow);
    broken.exporter.gstin = '09ABHPP4821K1ZC';
    const en = niryat.validate(broken);
    const hi = niryat.validate(broken, { lang: 'hi' });
    const strip = (r) => r.issues.map(({ message, ...rest }) => rest);
    assert.deepEqual(strip(hi), strip(en));
    assert.match(hi.issues[0].message, /[\u0900-\u097f]/);
    assert.equal(thrown(() => niryat.validate(broken, { lang: 'fr' })).code, 'unsupported');
  });

  test(`${variant}: wrong words get the library's sentence, listing every choice`, () => {
    for (const [f, said] of [
      [() => niryat.render(lucknow, 'pbe', { format: 'docx' }), 'unknown format "docx"; use pdf, xml, json or csv'],
      [() => niryat.render(lucknow, 'commercial_invoice', { flavor: 'x' }), 'unknown XML flavour "x"; use ubl or niryat'],
      [() => niryat.validate(lucknow, { for: ['cn99'] }), 'unknown document kind "cn99"; use commercial_invoice'],
    ]) {
      assert.ok(thrown(f).message.includes(said), thrown(f).message);
    }
  });

  test(`${variant}: a shipment that is not a shipment throws malformed_input with a path`, () => {
    const e = thrown(() => niryat.validate({ items: [{ quantity: { much: true } }] }));
    assert.equal(e.code, 'malformed_input');
    assert.equal(e.path, '/items/0/quantity');
    const u = thrown(() => niryat.validate({ exporter: { gstn: 'x' } }));
    assert.equal(u.code, 'malformed_input');
    assert.equal(u.path, '/exporter/gstn');
    // In the language of the messages asked for.
    const h = thrown(() => niryat.validate({ packages: [{ number: '5' }] }, { lang: 'hi' }));
    assert.equal(h.code, 'malformed_input');
    assert.equal(h.path, '/packages/0/number');
    assert.ok(h.message.includes('गलत प्रकार (स्ट्रिंग "5"): 0 से 4294967295 तक की पूर्ण संख्या चाहिए'), h.message);
  });

  test(`${variant}: renderPdf() refuses an invalid shipment with every issue`, () => {
    const broken = structuredClone(lucknow);
    broken.exporter.gstin = '09ABHPP4821K1ZC';
    const e = thrown(() => niryat.renderPdf(broken, 'commercial_invoice'));
    if (variant === 'validate') {
      assert.equal(e.code, 'unsupported');
      return;
    }
    assert.equal(e.code, 'invalid_shipment');
    assert.ok(Array.isArray(e.issues) && e.issues.some((i) => i.path === '/exporter/gstin'));
  });

  test(`${variant}: renderPdf() makes a PDF as a Uint8Array`, (t) => {
    if (variant === 'validate') {
      assert.equal(thrown(() => niryat.renderPdf(lucknow, 'cn22')).code, 'unsupported');
      return;
    }
    for (const doc of ['cn22', 'commercial_invoice']) {
      let pdf;
      try {
        pdf = niryat.renderPdf(lucknow, doc, { lang: 'en+hi', copies: 1 });
      } catch (e) {
        if (notYetAvailable(e)) return t.skip(`core: ${e.message}`);
        throw e;
      }
      assert.ok(pdf instanceof Uint8Array);
      assert.equal(Buffer.from(pdf.subarray(0, 5)).toString(), '%PDF-');
      assert.ok(pdf.length > 1000);
    }
  });

  test(`${variant}: render() writes text formats`, (t) => {
    let xml;
    try {
      xml = niryat.render(lucknow, 'commercial_invoice', { format: 'xml', flavor: 'ubl' });
    } catch (e) {
      if (notYetAvailable(e)) return t.skip(`core: ${e.message}`);
      throw e;
    }
    assert.equal(typeof xml, 'string');
    assert.match(xml, /^<\?xml/);
    assert.ok(xml.includes('NCK/2627/014'));
    let json;
    try {
      json = niryat.render(lucknow, 'cn22', { format: 'json' });
    } catch (e) {
      if (notYetAvailable(e)) return t.skip(`core: ${e.message}`);
      throw e;
    }
    assert.doesNotThrow(() => JSON.parse(json));
  });

  test(`${variant}: validate() of a 100-line shipment (timing, printed)`, () => {
    const s = manyLines(100);
    for (let i = 0; i < 100; i++) niryat.validate(s);
    const times = [];
    for (let i = 0; i < 400; i++) {
      const t0 = performance.now();
      niryat.validate(s);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`# node ${variant}: validate 100 lines median ${times[200].toFixed(3)} ms, p90 ${times[360].toFixed(3)} ms`);
  });
}

test('the generated TypeScript declarations type-check against a typical use', () => {
  const tsc = join(WASM_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(WASM_DIR, 'tests', 'types', 'tsconfig.json')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
