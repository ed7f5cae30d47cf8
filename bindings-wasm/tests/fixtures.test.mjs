// The shared fixtures (tests/fixtures/cases) give the same issues through JS as through
// Rust, in both builds; the examples validate the same in both builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packages, load, fixtureCases, examples, example } from './helpers.mjs';

const cases = fixtureCases();

for (const variant of packages()) {
  const niryat = await load(variant);

  test(`${variant}: shared fixture cases`, { skip: cases.length === 0 && 'no cases in tests/fixtures/cases yet' }, async (t) => {
    for (const c of cases) {
      await t.test(c.file, () => {
        const opts = { draft: c.draft ?? false };
        if (c.for) opts.for = c.for;
        const got = niryat.validate(c.shipment, opts).issues.map(({ code, path, severity }) => ({ code, path, severity }));
        const want = c.expect.map(({ code, path, severity }) => ({ code, path, severity }));
        assert.deepEqual(got, want, c.description);
      });
    }
  });

  test(`${variant}: every example is clean for the documents it calls for`, () => {
    for (const file of examples()) {
      const s = example(file.replace(/\.json$/, ''));
      const r = niryat.validate(s);
      const errors = r.issues.filter((i) => i.severity === 'error');
      assert.deepEqual(errors, [], `${file} has errors`);
      assert.equal(r.valid, true, file);
    }
  });
}

test('both builds report identical issues for every fixture and example', { skip: packages().length < 2 }, async () => {
  const [a, b] = await Promise.all(packages().map(load));
  const inputs = [...cases.map((c) => [c.shipment, { for: c.for, draft: c.draft ?? false }]), ...examples().map((f) => [example(f.replace(/\.json$/, '')), { draft: true }])];
  for (const [s, o] of inputs) {
    const opts = o.for ? o : { draft: o.draft };
    assert.deepEqual(a.validate(s, opts), b.validate(s, opts));
  }
});
