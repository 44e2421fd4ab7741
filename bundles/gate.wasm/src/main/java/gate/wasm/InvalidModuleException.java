package gate.wasm;

/** The module decodes but fails validation (core spec §3). */
public final class InvalidModuleException extends ModuleException {
    private static final long serialVersionUID = 1L;

    public InvalidModuleException(long offset, String reason) {
        super("invalid module", offset, reason);
    }
}
