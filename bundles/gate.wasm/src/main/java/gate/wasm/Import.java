package gate.wasm;

/** An import: module name, field name and the expected entity (core spec §2.5.11). */
public record Import(String module, String name, ImportDesc desc) {}
