package gate.wasm;

/** A table's element reference type and size limits (core spec §2.3.8). */
public record TableType(ValType elementType, Limits limits) {}
