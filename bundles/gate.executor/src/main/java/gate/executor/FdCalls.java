package gate.executor;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The system calls on every native run's path ({@link Fd}, {@link ControlSocket}): about fifteen
 * per run, direct-mapped through JNA, which costs about half a microsecond less per call than
 * {@link LibC}'s interface proxy (more with arrays). Each returns -1 and sets errno ({@link
 * Native#getLastError()}) on failure.
 */
final class FdCalls {
    static {
        Native.register("c");
    }

    private FdCalls() {}

    static native long read(int fd, byte[] buf, long count);

    static native long write(int fd, byte[] buf, long count);

    static native long pread(int fd, byte[] buf, long count, long offset);

    static native long pwrite(int fd, byte[] buf, long count, long offset);

    static native int close(int fd);

    /** {@code fds}: struct pollfd as two ints each: fd, then events | revents << 16. */
    static native int poll(int[] fds, long nfds, int timeout);

    static native int pipe2(int[] fds, int flags);

    static native long sendmsg(int fd, Pointer msghdr, int flags);

    static native long recvmsg(int fd, Pointer msghdr, int flags);
}
