/**
 * Shared instruction-level tools: the opcode table ({@link gate.wasm.code.Opcode}) and a reader of
 * the binary encodings ({@link gate.wasm.code.CodeReader}). The decoder, the validator, the
 * interpreter's pre-decoder and compilers all read code through these, so they agree on every
 * encoding rule.
 */
package gate.wasm.code;
