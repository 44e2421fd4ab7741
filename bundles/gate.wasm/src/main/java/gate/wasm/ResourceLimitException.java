package gate.wasm;

/**
 * Input exceeds a configured limit (module size, function count, nesting depth, ...). Not a spec
 * violation: the same module may be accepted with larger limits.
 */
public final class ResourceLimitException extends ModuleException {
    private static final long serialVersionUID = 1L;

    public ResourceLimitException(long offset, String reason) {
        super("resource limit exceeded", offset, reason);
    }
}
