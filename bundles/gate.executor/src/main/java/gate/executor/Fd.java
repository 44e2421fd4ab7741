package gate.executor;

import static gate.executor.LibC.C;

import com.sun.jna.Native;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * An owned file descriptor (close-on-exec). The raw number stays accessible for code that passes
 * it on (SCM_RIGHTS, the program ABI's pipes); {@link #close} is idempotent.
 */
public final class Fd implements AutoCloseable {
    private volatile int fd;

    Fd(int fd) {
        this.fd = fd;
    }

    /** The raw descriptor, or -1 once closed. */
    public int raw() {
        return fd;
    }

    /** Reads up to {@code len} bytes at the current position; 0 at end of file. */
    public int read(byte[] buf, int len) throws IOException {
        for (;;) {
            long n = FdCalls.read(open(), buf, len);
            if (n >= 0) {
                return (int) n;
            }
            int errno = Native.getLastError();
            if (errno != LibC.EINTR) {
                throw new NativeError("read", errno);
            }
        }
    }

    /**
     * Waits up to {@code timeoutMillis} until a read would not block (data, end of file or an
     * error); returns whether it would not.
     */
    public boolean awaitReadable(int timeoutMillis) throws IOException {
        int[] pollfd = {open(), LibC.POLLIN}; // struct pollfd: int fd; short events, revents
        long n = FdCalls.poll(pollfd, 1, timeoutMillis);
        if (n < 0) {
            int errno = Native.getLastError();
            if (errno == LibC.EINTR) {
                return false;
            }
            throw new NativeError("poll", errno);
        }
        return n > 0;
    }

    /** Writes all of {@code buf[0, len)} (blocking). */
    public void writeFully(byte[] buf, int len) throws IOException {
        byte[] rest = buf;
        int left = len;
        while (left > 0) {
            long n = FdCalls.write(open(), rest, left);
            if (n < 0) {
                int errno = Native.getLastError();
                if (errno == LibC.EINTR) {
                    continue;
                }
                throw new NativeError("write", errno);
            }
            rest = Arrays.copyOfRange(rest, (int) n, left);
            left -= (int) n;
        }
    }

    /** Reads exactly {@code buf.length} bytes at {@code offset}; a short file reads as zeros. */
    public void preadFully(byte[] buf, long offset) throws IOException {
        int done = 0;
        while (done < buf.length) {
            byte[] part = done == 0 ? buf : new byte[buf.length - done];
            long n = NativeError.check("pread", FdCalls.pread(open(), part, part.length, offset + done));
            if (n == 0) {
                return;
            }
            if (part != buf) {
                System.arraycopy(part, 0, buf, done, (int) n);
            }
            done += (int) n;
        }
    }

    /** Writes all of {@code buf} at {@code offset}. */
    public void pwriteFully(byte[] buf, long offset) throws IOException {
        int done = 0;
        while (done < buf.length) {
            byte[] part = done == 0 ? buf : Arrays.copyOfRange(buf, done, buf.length);
            done += (int) NativeError.check("pwrite", FdCalls.pwrite(open(), part, part.length, offset + done));
        }
    }

    /** A blocking stream over this descriptor (closing the stream closes the descriptor). */
    public InputStream inputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                byte[] tmp = off == 0 ? b : new byte[len];
                int n = Fd.this.read(tmp, len);
                if (n == 0) {
                    return -1;
                }
                if (tmp != b) {
                    System.arraycopy(tmp, 0, b, off, n);
                }
                return n;
            }

            @Override
            public void close() {
                Fd.this.close();
            }
        };
    }

    /** A blocking stream over this descriptor (closing the stream closes the descriptor). */
    public OutputStream outputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                writeFully(new byte[] {(byte) b}, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writeFully(off == 0 ? b : Arrays.copyOfRange(b, off, off + len), len);
            }

            @Override
            public void close() {
                Fd.this.close();
            }
        };
    }

    private int open() throws IOException {
        int f = fd;
        if (f < 0) {
            throw new IOException("file descriptor already closed");
        }
        return f;
    }

    @Override
    public synchronized void close() {
        int f = fd;
        if (f >= 0) {
            fd = -1;
            FdCalls.close(f);
        }
    }

    /** Two ends of a new pipe: [read, write]. */
    static Fd[] pipe() throws NativeError {
        int[] fds = new int[2];
        NativeError.check("pipe2", FdCalls.pipe2(fds, LibC.O_CLOEXEC));
        return new Fd[] {new Fd(fds[0]), new Fd(fds[1])};
    }

    /** A new close-on-exec memfd that can be sealed. */
    static Fd memfd(String name, long size) throws NativeError {
        Fd fd = new Fd((int) NativeError.check("memfd_create",
                C.memfd_create(name, LibC.MFD_CLOEXEC | LibC.MFD_ALLOW_SEALING)));
        if (C.ftruncate(fd.fd, size) < 0) {
            int errno = Native.getLastError();
            fd.close();
            throw new NativeError("ftruncate", errno);
        }
        return fd;
    }
}
