/**
 * Gate's WebAssembly front end: the decoded module model (records), the typed errors, the limits
 * ({@link gate.wasm.WasmLimits}) and the entry points {@link gate.wasm.Wasm#decode} and {@link
 * gate.wasm.Wasm#load}. WebAssembly 2.0 core without SIMD.
 */
package gate.wasm;
