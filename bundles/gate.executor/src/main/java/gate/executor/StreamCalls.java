package gate.executor;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The system calls that move an ABI-mode instance's packet streams ({@link AbiStreams}), several
 * per packet: direct-mapped through JNA (cheaper than {@link LibC}'s interface proxy). Each
 * returns -1 and sets errno ({@link Native#getLastError()}) on failure.
 */
final class StreamCalls {
    static final int EFD_NONBLOCK = 0x800;
    static final int EFD_CLOEXEC = 0x80000;
    static final int O_NONBLOCK = 0x800;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int POLLIN = 1;
    static final int POLLOUT = 4;

    static {
        Native.register("c");
    }

    private StreamCalls() {}

    static native int eventfd(int initval, int flags);

    static native long read(int fd, Pointer buf, long count);

    static native long write(int fd, Pointer buf, long count);

    /** {@code fds}: struct pollfd as two ints each: fd, then events | revents << 16. */
    static native int poll(int[] fds, long nfds, int timeout);

    static native int fcntl(int fd, int cmd, int arg);

    /** Makes {@code fd} non-blocking (only the JVM's own ends: a file description's flag). */
    static void nonBlocking(Fd fd) throws NativeError {
        int flags = (int) NativeError.check("fcntl", fcntl(fd.raw(), F_GETFL, 0));
        NativeError.check("fcntl", fcntl(fd.raw(), F_SETFL, flags | O_NONBLOCK));
    }
}
