package gate.executor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.BooleanSupplier;

/**
 * The JVM's end of an instance process's host calls (runtime.native DESIGN.md §5, host slot):
 * requests {@code {GATE_HOST_REQUEST, function}} arrive on the process's fd 1, replies {@code
 * {command, 0}} go to its fd 0. Nothing else crosses these pipes, so a message that does not
 * frame is the sandbox misbehaving.
 */
final class HostChannel {
    /** {@code GATE_HOST_REQUEST}, "HOST" in little-endian ASCII. */
    static final int REQUEST = 0x54534f48;
    /** {@link #next} when the process closed its end: it has ended. */
    static final int ENDED = -1;
    /** {@link #next} for a message that is not a request. */
    static final int GARBLED = -2;

    private static final int CONTINUE = 0;
    /** How often a thread waiting for a request checks for its interruption. */
    private static final int INTERRUPT_CHECK_MS = 100;
    private static final int STOP = 1;

    private final Fd requests;
    private final Fd replies;
    private final byte[] message = new byte[8];

    HostChannel(InstanceProcess process) {
        this.requests = process.output();
        this.replies = process.input();
    }

    /**
     * Blocks until the process calls an import; returns the function index it names, {@link
     * #ENDED} (also once {@code processEnded} holds and nothing is left to read) or {@link
     * #GARBLED}.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    int next(BooleanSupplier processEnded) throws IOException, InterruptedException {
        int got = 0;
        while (got < message.length) {
            // A blocked native read ignores Thread.interrupt: wait in slices and look. The
            // end of the pipe normally tells that the process has ended; its reaped status is
            // the fallback should anything else still hold the pipe's write end.
            while (!requests.awaitReadable(INTERRUPT_CHECK_MS)) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (processEnded.getAsBoolean() && !requests.awaitReadable(0)) {
                    return got == 0 ? ENDED : GARBLED;
                }
            }
            byte[] rest = got == 0 ? message : new byte[message.length - got];
            int n = requests.read(rest, rest.length);
            if (n == 0) {
                return got == 0 ? ENDED : GARBLED;
            }
            if (rest != message) {
                System.arraycopy(rest, 0, message, got, n);
            }
            got += n;
        }
        ByteBuffer b = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        int function = b.getInt(4);
        return magic == REQUEST && function >= 0 ? function : GARBLED;
    }

    /** Lets the waiting import stub return to its caller: the results are in place. */
    void proceed() {
        reply(CONTINUE);
    }

    /** Ends the run at the waiting call (trap 29 at its IMPORT site). */
    void stop() {
        reply(STOP);
    }

    private void reply(int command) {
        byte[] b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(command).putInt(0).array();
        try {
            replies.writeFully(b, b.length);
        } catch (IOException e) {
            // The process is gone (killed meanwhile): its status tells what happened.
        }
    }
}
