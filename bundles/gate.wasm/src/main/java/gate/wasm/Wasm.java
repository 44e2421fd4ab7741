package gate.wasm;

import gate.wasm.decode.ModuleDecoder;
import gate.wasm.validate.Validator;

/** Entry points of the front end: decode a module binary, and optionally validate it. */
public final class Wasm {
    private Wasm() {}

    /**
     * Decodes a module binary (core spec §5). Function bodies are checked only for their framing
     * (size, locals); {@link Validator} decodes their instructions. The module keeps {@code bytes},
     * which must not change afterwards.
     *
     * @throws MalformedModuleException if the bytes are not a well-formed module
     * @throws ResourceLimitException if the module exceeds {@code limits}
     * @throws InvalidModuleException if a constant expression is not constant (the model cannot
     *     hold it, so this surfaces while decoding, after the rest decoded fine)
     */
    public static Module decode(byte[] bytes, WasmLimits limits) {
        return ModuleDecoder.decode(bytes, limits);
    }

    /**
     * Decodes and validates: the module Gate may instantiate.
     *
     * @throws MalformedModuleException if the bytes are not a well-formed module
     * @throws InvalidModuleException if the module is not valid (core spec §3)
     * @throws ResourceLimitException if the module exceeds {@code limits}
     */
    public static Module load(byte[] bytes, WasmLimits limits) {
        return Validator.validate(decode(bytes, limits), limits);
    }
}
