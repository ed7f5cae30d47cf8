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
