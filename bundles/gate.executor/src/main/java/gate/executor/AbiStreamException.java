package gate.executor;

/** The bytes an ABI-mode instance wrote to fd 1 do not frame: its runtime misbehaves. */
final class AbiStreamException extends Exception {
    private static final long serialVersionUID = 1L;

    AbiStreamException(String message) {
        super(message);
    }
}
