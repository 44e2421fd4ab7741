package gate.wasm;

/** An export: a unique name and an index into the index space of its kind (core spec §2.5.10). */
public record Export(String name, ExternKind kind, int index) {}
