package gate.service.origin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * One originator's byte streams: what it sends to the program ({@code in}) and where the program's
 * output goes ({@code out}). The terminal of {@code gate run} is one; HTTP requests will be others.
 *
 * <p>Thread contract: thread-safe. One reader and one writer thread of the origin service use it;
 * when the stdio channel and an accepted origin stream share a connection, reads and writes are
 * serialised here.
 */
public final class OriginConnection {
    private final InputStream in;
    private final OutputStream out;
    private final boolean closeOutputAtEnd;
    private final Object readLock = new Object();
    private final Object writeLock = new Object();
    private boolean outputClosed;

    /**
     * @param closeOutputAtEnd whether the end of the program's output closes {@code out} (false
     *     for the process's own standard output, which is only flushed)
     */
    public OriginConnection(InputStream in, OutputStream out, boolean closeOutputAtEnd) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.closeOutputAtEnd = closeOutputAtEnd;
    }

    /** Reads what the originator sent; blocks; -1 at its end. */
    int read(byte[] buffer, int offset, int length) throws IOException {
        synchronized (readLock) {
            return in.read(buffer, offset, length);
        }
    }

    /** Writes program output to the originator; blocks while it does not keep up. */
    void write(byte[] bytes, int offset, int length) throws IOException {
        synchronized (writeLock) {
            if (outputClosed) {
                throw new IOException("the output to the originator is closed");
            }
            out.write(bytes, offset, length);
            out.flush();
        }
    }

    /** The program's output has ended (end of stream, or the program ended). */
    void endOutput() throws IOException {
        synchronized (writeLock) {
            if (outputClosed) {
                return;
            }
            if (closeOutputAtEnd) {
                outputClosed = true;
                out.close();
            } else {
                out.flush();
            }
        }
    }
}
