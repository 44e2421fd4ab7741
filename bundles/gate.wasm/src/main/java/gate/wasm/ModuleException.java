package gate.wasm;

/**
 * A module that Gate rejects, with the byte offset where the problem was found (-1 when it
 * concerns the module as a whole). The reason uses the spec's wording where the spec has one
 * (e.g. "unexpected end", "type mismatch").
 */
public abstract class ModuleException extends GateException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String reason;

    protected ModuleException(String kind, long offset, String reason) {
        super(offset >= 0 ? kind + " at offset " + offset + ": " + reason : kind + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    public long offset() {
        return offset;
    }

    /** The reason alone, without kind and offset. */
    public String reason() {
        return reason;
    }
}
