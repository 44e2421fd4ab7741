package gate.wasm;

/** Value types of WebAssembly 2.0 (core spec §2.3), with their binary encoding (§5.3.1). */
public enum ValType {
    I32(0x7f), I64(0x7e), F32(0x7d), F64(0x7c), V128(0x7b), FUNCREF(0x70), EXTERNREF(0x6f);

    private static final ValType[] BY_CODE = new ValType[128];

    static {
        for (ValType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    /** The byte that encodes this type in a module. */
    public final int code;

    ValType(int code) {
        this.code = code;
    }

    /** Returns the type encoded by {@code code}, or null if the byte encodes no value type. */
    public static ValType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    public boolean isReference() {
        return this == FUNCREF || this == EXTERNREF;
    }

    public boolean isNumeric() {
        return this == I32 || this == I64 || this == F32 || this == F64;
    }

    /** Name as written in the text format, e.g. {@code i32}, {@code funcref}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
