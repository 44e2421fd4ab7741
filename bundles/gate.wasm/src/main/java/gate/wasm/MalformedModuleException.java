package gate.wasm;

/** The bytes are not a well-formed module binary (core spec §5: decoding failed). */
public final class MalformedModuleException extends ModuleException {
    private static final long serialVersionUID = 1L;

    public MalformedModuleException(long offset, String reason) {
        super("malformed module", offset, reason);
    }
}
