package gate.wasm;

/** Kinds of importable and exportable entities, with their binary tags (core spec §5.5.5). */
public enum ExternKind {
    FUNC, TABLE, MEMORY, GLOBAL;

    /** The tag byte of this kind in import and export descriptors. */
    public int tag() {
        return ordinal();
    }
}
