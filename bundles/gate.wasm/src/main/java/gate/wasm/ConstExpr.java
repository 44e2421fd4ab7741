package gate.wasm;

/**
 * A constant expression (core spec §3.3.10) as WebAssembly 2.0 allows them: exactly one
 * instruction followed by {@code end}. Float constants keep their raw bits so NaN payloads survive.
 */
public sealed interface ConstExpr {
    record I32Const(int value) implements ConstExpr {}

    record I64Const(long value) implements ConstExpr {}

    record F32Const(int bits) implements ConstExpr {}

    record F64Const(long bits) implements ConstExpr {}

    record RefNull(ValType type) implements ConstExpr {}

    record RefFunc(int funcIndex) implements ConstExpr {}

    record GlobalGet(int globalIndex) implements ConstExpr {}
}
