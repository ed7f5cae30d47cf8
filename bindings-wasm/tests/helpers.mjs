// Shared by the Node tests: where things are, which packages were built, and how to
// load one of them.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const WASM_DIR = join(HERE, '..');
export const ROOT = join(WASM_DIR, '..');

/** The packages to test: both unless NIRYAT_PKGS narrows them ("validate", "full"). */
export function packages() {
  const wanted = (process.env.NIRYAT_PKGS ?? 'validate,full').split(',').map((s) => s.trim()).filter(Boolean);
  for (const w of wanted) {
    if (!existsSync(join(WASM_DIR, `pkg-${w}`, 'index.js'))) {
      throw new Error(`pkg-${w} is not built: run bash bindings-wasm/build.sh`);
    }
  }
  return wanted;
}

export async function load(variant) {
  return import(pathToFileURL(join(WASM_DIR, `pkg-${variant}`, 'index.js')).href);
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function example(name) {
  return readJson(join(ROOT, 'examples', `${name}.json`));
}

export function examples() {
  return readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json')).sort();
}

export function fixtureCases() {
  const dir = join(ROOT, 'tests', 'fixtures', 'cases');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => ({ file: f, ...readJson(join(dir, f)) }));
}

/** Runs `f` and returns the error it throws (fails when it does not throw). */
export function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, none was thrown');
}

/** True when core says the renderer has not been written yet (PDF or a format still landing). */
export function notYetAvailable(e) {
  return e?.code === 'unsupported' && /not available yet/.test(e.message);
}

/** A shipment of `n` invoice lines, each packed in the one package, built from the Lucknow example. */
export function manyLines(n) {
  const s = example('lucknow-chikankari-ebay');
  const item = s.items[0];
  s.items = Array.from({ length: n }, (_, i) => ({ ...item, sku: `NCK-${i + 1}` }));
  s.transport.post.product = 'parcel';
  s.packages[0].contents = s.items.map((_, i) => ({ line: i + 1, quantity: '1' }));
  s.packages[0].net_weight_kg = (0.18 * n).toFixed(3);
  s.packages[0].gross_weight_kg = (0.18 * n + 0.5).toFixed(3);
  return s;
}

/** [JSON Pointer, value] of every leaf of `v`, in the order a person reads the file. */
export function leaves(v, p = '') {
  if (v !== null && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, x]) => leaves(x, `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return [[p, v]];
}

/**
 * Types `shipment` into the form (a Playwright page) field by field, adding item, package and
 * content rows as a clerk would. `typeField(input, pointer, value)` may type a field itself
 * and return true (to check something on the way); otherwise the value is filled, picked or
 * ticked by the input's kind. Returns the pointers that have no input on the form.
 */
export async function typeShipment(page, shipment, typeField = async () => false) {
  const rows = { items: 1, packages: 1 };
  const contentRows = {};
  const missing = [];
  for (const [p, value] of leaves(shipment)) {
    let m = /^\/(items|packages)\/(\d+)\//.exec(p);
    if (m && Number(m[2]) >= rows[m[1]]) {
      await page.click(m[1] === 'items' ? '#add-item' : '#add-package');
      rows[m[1]]++;
    }
    m = /^\/packages\/(\d+)\/contents\/(\d+)\//.exec(p);
    if (m && Number(m[2]) >= (contentRows[m[1]] ?? 1)) {
      await page.click(`#add-content-${m[1]}`);
      contentRows[m[1]] = (contentRows[m[1]] ?? 1) + 1;
    }
    const input = page.locator(`[data-path="${p}"]`);
    if ((await input.count()) === 0) {
      missing.push(p);
      continue;
    }
    if (await typeField(input, p, value)) continue;
    const type = await input.getAttribute('data-type');
    if (type === 'radio') await page.locator(`input[data-radio-of="${p}"][value="${value}"]`).check();
    else if (type === 'select' || type === 'bool') await input.selectOption(String(value));
    else await input.fill(String(value));
  }
  return missing;
}
