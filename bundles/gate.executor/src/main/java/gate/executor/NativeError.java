package gate.executor;

import com.sun.jna.Native;
import java.io.IOException;

/** A failed system call: its name, errno and the C library's message. */
public final class NativeError extends IOException {
    private static final long serialVersionUID = 1L;

    /** The errno value. */
    public final int errno;

    public NativeError(String call, int errno) {
        super(call + ": " + LibC.C.strerror(errno) + " (errno " + errno + ")");
        this.errno = errno;
    }

    /** Throws for the last errno when {@code result} is negative; returns it otherwise. */
    static long check(String call, long result) throws NativeError {
        if (result < 0) {
            throw new NativeError(call, Native.getLastError());
        }
        return result;
    }
}
