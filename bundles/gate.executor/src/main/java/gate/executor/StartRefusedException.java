package gate.executor;

/** The container answered a START with an error reply (errno in {@link #errno}). */
public final class StartRefusedException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    public final int errno;

    public StartRefusedException(int errno) {
        super("gate-container refused the start: " + LibC.C.strerror(errno) + " (errno " + errno + ")");
        this.errno = errno;
    }
}
