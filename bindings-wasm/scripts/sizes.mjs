// Prints the size of each built package, raw and gzip-compressed (level 9), as Markdown
// table rows for docs/benchmarks.md. Usage: node scripts/sizes.mjs
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

const here = new URL('..', import.meta.url).pathname;
const mb = (n) => (n / 1024 / 1024).toFixed(2) + ' MB';
console.log('| build | file | raw | gzip -9 | brotli -11 |');
console.log('|---|---|---:|---:|---:|');
for (const variant of ['validate', 'full']) {
  const dir = join(here, `pkg-${variant}`);
  if (!existsSync(dir)) continue;
  const files = JSON.parse(readFileSync(join(dir, 'files.json'), 'utf8')).filter((f) => /\.(wasm|js)$/.test(f));
  let raw = 0;
  let gz = 0;
  let br = 0;
  for (const f of files) {
    const b = readFileSync(join(dir, f));
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
    br += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    if (f.endsWith('.wasm')) {
      console.log(`| ${variant} | ${f} | ${mb(b.length)} | ${mb(gzipSync(b, { level: 9 }).length)} | ${mb(brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length)} |`);
    }
  }
  console.log(`| ${variant} | everything loaded (wasm + js) | ${mb(raw)} | ${mb(gz)} | ${mb(br)} |`);
}
