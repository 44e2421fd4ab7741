package gate.wasm;

/** A global defined by the module (core spec §2.5.6). */
public record Global(GlobalType type, ConstExpr init) {}
