package gate.wasm;

/** A global's value type and mutability (core spec §2.3.10). */
public record GlobalType(ValType type, boolean mutable) {}
