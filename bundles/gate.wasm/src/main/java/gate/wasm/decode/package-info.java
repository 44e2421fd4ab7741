/**
 * The binary decoder (core spec §5): {@link gate.wasm.decode.ModuleDecoder} turns bytes into a
 * {@link gate.wasm.Module}; use it through {@link gate.wasm.Wasm#decode}.
 */
package gate.wasm.decode;
