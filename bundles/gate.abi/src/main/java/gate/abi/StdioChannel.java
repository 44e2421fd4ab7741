package gate.abi;

import gate.api.Domain;
import gate.api.FlowEntry;
import gate.api.StreamData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * WASI stdin and stdout as stream 0 of the reserved code -2 (README §2): an origin stream that is
 * already accepted. Stdout sends data within the credit the session grants; stdin grants the
 * session capacity only when the program reads, and buffers what arrives.
 */
final class StdioChannel {
    /** The only stream of the channel. */
    static final int STREAM = 0;
    /** Most stdin bytes buffered plus granted but not yet received. */
    static final int STDIN_WINDOW = 131072;

    private PacketOutput output;

    private long stdoutCredit;
    private boolean stdoutClosed;

    private final ByteQueue stdin = new ByteQueue();
    private long stdinOutstanding;
    private boolean stdinEnded;

    void connect(PacketOutput output) {
        this.output = output;
    }

    /** A packet the session sent on code -2. */
    void receive(int domain, byte[] bytes, int offset, int length) {
        ByteBuffer content = ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN);
        if (domain == Domain.FLOW.number()) {
            while (content.remaining() >= FlowEntry.SIZE) {
                int stream = content.getInt();
                int increment = content.getInt();
                if (stream == STREAM) {
                    grantStdout(increment);
                }
            }
        } else if (domain == Domain.DATA.number() && length >= StreamData.PREFIX_SIZE) {
            int stream = content.getInt();
            content.getInt(); // the note means nothing on stdin
            if (stream == STREAM && !stdinEnded) {
                int n = content.remaining();
                if (n == 0) {
                    stdinEnded = true;
                } else {
                    stdin.add(bytes, content.position(), n);
                    stdinOutstanding = Math.max(0, stdinOutstanding - n);
                }
            }
        }
    }

    private void grantStdout(int increment) {
        if (increment > 0) {
            stdoutCredit = Math.min(stdoutCredit + increment, Integer.MAX_VALUE);
        } else {
            stdoutClosed = true; // 0 closes, negative is an error: either way nothing more goes out
        }
    }

    /** The pipe ended: stdin reads EOF, stdout writes fail. */
    void sessionEnded() {
        stdinEnded = true;
        stdoutClosed = true;
    }

    // ---- stdout ----

    boolean stdoutClosed() {
        return stdoutClosed;
    }

    long stdoutCredit() {
        return stdoutClosed ? 0 : stdoutCredit;
    }

    /** Bytes that may be sent now: credit, bounded by the output queue's room. */
    boolean canWriteStdout() {
        return !stdoutClosed && stdoutCredit > 0 && output.hasRoom();
    }

    /** Sends as much of {@code src} as credit and queue room allow; returns how many bytes. */
    long writeStdout(IoVecs src, int maxSendSize) {
        long written = 0;
        int maxChunk = maxSendSize - 16;
        while (src.remaining() > 0 && canWriteStdout()) {
            int n = (int) Math.min(Math.min(src.remaining(), stdoutCredit), maxChunk);
            byte[] data = new byte[n];
            src.take(data, 0, n);
            output.sendOwn(new StreamData(STREAM, 0, data).encode(SendRules.STDIO_CODE).encode());
            stdoutCredit -= n;
            written += n;
        }
        return written;
    }

    // ---- stdin ----

    /**
     * The program wants stdin: tops the session's grant up to the window when half of it is used.
     * Idempotent, so a read that is retried after a suspension does not grant twice.
     */
    void requestStdin() {
        long used = stdin.size() + stdinOutstanding;
        if (stdinEnded || used > STDIN_WINDOW / 2) {
            return;
        }
        int increment = (int) (STDIN_WINDOW - used);
        stdinOutstanding += increment;
        output.sendOwn(FlowEntry.encode(SendRules.STDIO_CODE, List.of(new FlowEntry(STREAM, increment))).encode());
    }

    /** Whether a stdin read returns now (bytes or end of file). */
    boolean stdinReady() {
        return !stdin.isEmpty() || stdinEnded;
    }

    /** Stdin bytes buffered now. */
    long stdinBuffered() {
        return stdin.size();
    }

    /** Moves buffered stdin into {@code dst}; 0 at end of file. */
    long readStdin(IoVecs dst) {
        return stdin.drainTo(dst, dst.remaining());
    }
}
