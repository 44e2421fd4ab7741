package gate.abi;

/** The WASI preview1 error numbers this ABI returns (wasi_snapshot_preview1 {@code errno}). */
final class Errno {
    static final int SUCCESS = 0;
    /** Nothing could be read or written without blocking (fd 4, which is non-blocking). */
    static final int EAGAIN = 6;
    static final int EBADF = 8;
    static final int EINVAL = 28;
    static final int ENOENT = 44;
    static final int ENOSYS = 52;
    static final int ENOTSOCK = 57;
    static final int ENOTSUP = 58;
    static final int EPERM = 63;
    /** Stdout was closed by the session. */
    static final int EPIPE = 64;
    static final int ESPIPE = 70;

    private Errno() {}
}
