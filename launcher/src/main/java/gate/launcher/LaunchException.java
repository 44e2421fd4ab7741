package gate.launcher;

/** The platform cannot start; the message says why in one line. */
public final class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
