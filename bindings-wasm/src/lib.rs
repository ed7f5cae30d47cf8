//! WASM bindings of niryat: placeholder until the WASM issue.
