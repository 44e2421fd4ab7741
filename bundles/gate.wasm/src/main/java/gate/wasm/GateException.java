package gate.wasm;

/**
 * Root of Gate's typed errors. {@link #getMessage()} is for logs; {@link #publicMessage()} is safe
 * to show to whoever sent the input (an HTTP client, say): it never carries host paths or internal
 * state.
 */
public abstract class GateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected GateException(String message) {
        super(message);
    }

    protected GateException(String message, Throwable cause) {
        super(message, cause);
    }

    public String publicMessage() {
        return getMessage();
    }
}
