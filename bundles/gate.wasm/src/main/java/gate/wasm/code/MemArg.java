package gate.wasm.code;

/**
 * The immediate of a load or store (core spec §5.4.6).
 *
 * @param align alignment exponent as encoded (u32, so 0 to 2^32-1): the access claims {@code
 *     2^align}-byte alignment
 * @param offset static offset added to the dynamic address (u32, 0 to 2^32-1)
 */
public record MemArg(long align, long offset) {}
