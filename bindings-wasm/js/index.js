// niryat for JavaScript: the npm entry point. Loads the Wasm module (in Node from the
// file beside this one, in a browser with fetch) and wraps each export so that a trap
// (a Rust panic, stack exhaustion) reaches the caller as an Error with a `code`, and the
// module is fresh for the next call. Types come from index.d.ts (generated).
import init, * as raw from './niryat_wasm.js';

const wasmUrl = new URL('./niryat_wasm_bg.wasm', import.meta.url);
if (wasmUrl.protocol === 'file:' && typeof process === 'object' && process.versions?.node) {
  const { readFile } = await import('node:fs/promises');
  await init({ module_or_path: await readFile(wasmUrl) });
} else {
  await init({ module_or_path: wasmUrl });
}

function coded(code, message, cause) {
  const err = new Error(message, cause === undefined ? undefined : { cause });
  err.name = 'NiryatError';
  err.code = code;
  return err;
}

// Errors niryat throws on purpose carry a string `code`; anything else came out of a
// trap or through Wasm frames, and the instance may be inconsistent: replace it.
function guard(fn) {
  return function (...args) {
    try {
      return fn(...args);
    } catch (e) {
      if (e && typeof e === 'object' && typeof e.code === 'string' && e.name === 'NiryatError') throw e;
      let panic;
      try {
        panic = raw.__takePanic();
      } catch (_) {
        panic = undefined;
      }
      if (panic !== undefined) {
        throw coded('panic', `niryat panicked (a bug; please report it): ${panic}`, e);
      }
      try {
        raw.__scheduleReinit();
      } catch (_) {
        // Nothing more to do: the next call will fail the same way and say so.
      }
      const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      throw coded('internal_error', `niryat stopped unexpectedly (${what}); it has been restarted`, e);
    }
  };
}

export const validate = guard(raw.validate);
export const documentsFor = guard(raw.documentsFor);
export const renderPdf = guard(raw.renderPdf);
export const render = guard(raw.render);
export const kinds = guard(raw.kinds);
export const schema = guard(raw.schema);
export const apiSchema = guard(raw.apiSchema);
export const buildInfo = guard(raw.buildInfo);
/** Panics inside Rust on purpose: for tests of recovery only. */
export const __testPanic = guard(raw.__testPanic);
