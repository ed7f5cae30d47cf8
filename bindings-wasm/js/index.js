// niryat for JavaScript: the npm entry point. Compiles the Wasm module once (in Node from
// the file beside this one, in a browser with fetch) and wraps each export so that a trap
// (a Rust panic, stack exhaustion) reaches the caller as an Error with a `code`, and the
// module is fresh for the next call. Types come from index.d.ts (generated).
//
// Recovery: the panic hook (Rust) records the message in a small JS module (imported
// below; its path is filled in when the package is made) and asks wasm-bindgen's glue to
// replace the instance before the next call. The glue does that synchronously, which
// browsers refuse on the main thread for modules over 8 MB (the full build): then a fresh
// copy of the glue is instantiated asynchronously from the compiled module, calls throw
// Error{code: 'restarting'} meanwhile, and `ready()` tells when it is done.
import init from './niryat_wasm.js';
import * as first from './niryat_wasm.js';
import { niryat_take_panic as takePanic } from './__PANIC_SNIPPET__';

const glueUrl = new URL('./niryat_wasm.js', import.meta.url);
const wasmUrl = new URL('./niryat_wasm_bg.wasm', import.meta.url);

async function compile() {
  if (wasmUrl.protocol === 'file:' && typeof process === 'object' && process.versions?.node) {
    const { readFile } = await import('node:fs/promises');
    return WebAssembly.compile(await readFile(wasmUrl));
  }
  if (WebAssembly.compileStreaming) {
    try {
      return await WebAssembly.compileStreaming(fetch(wasmUrl));
    } catch (_) {
      // Served without the application/wasm type: compile from the bytes instead.
    }
  }
  return WebAssembly.compile(await (await fetch(wasmUrl)).arrayBuffer());
}

const compiled = await compile();
await init({ module_or_path: compiled });

let raw = first;
let restarting = null;
let restarts = 0;

function coded(code, message, cause) {
  const err = new Error(message, cause === undefined ? undefined : { cause });
  err.name = 'NiryatError';
  err.code = code;
  return err;
}

function restartAsync() {
  restarting = (async () => {
    restarts += 1;
    const glue = await import(`${glueUrl.href}?instance=${restarts}`);
    await glue.default({ module_or_path: compiled });
    raw = glue;
  })().finally(() => {
    restarting = null;
  });
  restarting.catch(() => {
    // Reported to whoever awaits ready(); a later call tries again.
  });
}

// Replaces a poisoned instance: synchronously through the glue where the engine allows
// it, else asynchronously.
function recover(wasPanic) {
  try {
    if (!wasPanic) raw.__scheduleReinit();
    raw.buildInfo(); // the glue swaps the instance in before this call runs
  } catch (_) {
    restartAsync();
  }
}

function guard(name) {
  return function (...args) {
    if (restarting) {
      throw coded('restarting', 'niryat is restarting after an internal error; await ready() and try again');
    }
    try {
      return raw[name](...args);
    } catch (e) {
      if (e && typeof e === 'object' && e.name === 'NiryatError' && typeof e.code === 'string') throw e;
      const panic = takePanic();
      recover(panic !== undefined);
      if (panic !== undefined) throw coded('panic', `niryat panicked (a bug; please report it): ${panic}`, e);
      const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      throw coded('internal_error', `niryat stopped unexpectedly (${what}); it has been restarted`, e);
    }
  };
}

/** Resolves when niryat can be called (at once, unless it is restarting after a panic). */
export function ready() {
  return restarting ?? Promise.resolve();
}

export const validate = guard('validate');
export const documentsFor = guard('documentsFor');
export const renderPdf = guard('renderPdf');
export const render = guard('render');
export const kinds = guard('kinds');
export const schema = guard('schema');
export const apiSchema = guard('apiSchema');
export const buildInfo = guard('buildInfo');
export const reportGstr1 = guard('reportGstr1');
export const reportRealisation = guard('reportRealisation');
export const importOrders = guard('importOrders');
/** Panics inside Rust on purpose: for tests of recovery only. */
export const __testPanic = guard('__testPanic');
