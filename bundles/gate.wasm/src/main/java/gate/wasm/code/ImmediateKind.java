package gate.wasm.code;

/**
 * What follows an opcode in the binary (core spec §5.4). One kind per distinct immediate layout, so
 * a pre-decoder can switch on it instead of on every opcode.
 */
public enum ImmediateKind {
    /** Nothing follows. */
    NONE,
    /** A block type: {@code 0x40}, a value type or an s33 type index ({@link BlockType}). */
    BLOCK_TYPE,
    /** A label index (u32). */
    LABEL,
    /** A vector of label indexes, then the default label (u32 each). */
    BR_TABLE,
    /** A function index (u32). */
    FUNCTION,
    /** A type index then a table index (u32 each). */
    CALL_INDIRECT,
    /** A local index (u32). */
    LOCAL,
    /** A global index (u32). */
    GLOBAL,
    /** A table index (u32). */
    TABLE,
    /** Alignment exponent and offset (u32 each, {@link MemArg}). */
    MEMARG,
    /** A reserved memory index that must be the byte {@code 0x00} in WebAssembly 2.0. */
    MEMORY,
    /** A signed 32-bit LEB128 integer. */
    I32,
    /** A signed 64-bit LEB128 integer. */
    I64,
    /** Four little-endian bytes of an IEEE-754 single. */
    F32,
    /** Eight little-endian bytes of an IEEE-754 double. */
    F64,
    /** A vector of value types (typed {@code select}). */
    VALUE_TYPES,
    /** A reference type byte ({@code ref.null}). */
    REF_TYPE,
    /** An element segment index (u32). */
    ELEM,
    /** An element segment index then a table index (u32 each). */
    TABLE_INIT,
    /** Destination then source table index (u32 each). */
    TABLE_COPY,
    /** A data segment index (u32). */
    DATA,
    /** A data segment index (u32) then the reserved memory byte {@code 0x00}. */
    MEMORY_INIT,
    /** Two reserved memory bytes {@code 0x00 0x00}. */
    MEMORY_COPY
}
