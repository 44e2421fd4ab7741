package gate.api;

/**
 * A suspended service state that cannot be restored. States come from snapshots, which may be
 * uploaded by anyone, so this is an expected outcome: the restore fails with this reason.
 */
public class ServiceStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServiceStateException(String serviceName, String reason) {
        super("cannot restore the state of service " + serviceName + ": " + reason);
    }

    /** A message that is safe to show to whoever supplied the snapshot. */
    public String publicMessage() {
        return getMessage();
    }
}
