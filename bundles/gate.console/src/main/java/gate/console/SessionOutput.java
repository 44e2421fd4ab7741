package gate.console;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The channel's output as the terminal sees it. Once the session has ended, late writes of the
 * terminal's pump thread are dropped instead of failing on the closed channel and printing a
 * stack trace for every logout.
 */
final class SessionOutput extends FilterOutputStream {

    private volatile boolean ended;

    SessionOutput(OutputStream channel) {
        super(channel);
    }

    /** Drops everything written from now on. */
    void end() {
        ended = true;
    }

    @Override
    public void write(int b) throws IOException {
        if (!ended) {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (!ended) {
            out.write(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        if (!ended) {
            out.flush();
        }
    }
}
