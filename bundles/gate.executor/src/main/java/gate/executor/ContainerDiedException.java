package gate.executor;

/** The container process is gone; its instances ended with it. The executor starts a new one on next use. */
public final class ContainerDiedException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    /** The container's exit code, or -1 if unknown. */
    public final int exitCode;

    public ContainerDiedException(String message) {
        this(message, -1);
    }

    public ContainerDiedException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }
}
