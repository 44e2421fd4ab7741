package gate.executor;

import com.sun.jna.Memory;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The working buffers of one {@link AbiStreams} while it moves bytes: fd 1's bytes on their way to
 * the session, and the session's bytes on their way to fd 0, each as a heap array and its native
 * staging copy for read(2)/write(2). An instance holds them only while bytes wait in them; an idle
 * instance gives them back, so a thousand idle instances do not hold a thousand sets.
 */
final class StreamBuffers {
    /** Sets kept for reuse beyond those in use; more are left to the garbage collector. */
    private static final int KEPT = 32;
    private static final ConcurrentLinkedQueue<StreamBuffers> FREE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger FREE_COUNT = new AtomicInteger();

    final byte[] output = new byte[AbiOutput.CAPACITY];
    final Memory outputNative = new Memory(AbiOutput.CAPACITY);
    final byte[] input = new byte[AbiStreams.INPUT_CHUNK];
    final Memory inputNative = new Memory(AbiStreams.INPUT_CHUNK);

    private StreamBuffers() {}

    static StreamBuffers take() {
        StreamBuffers b = FREE.poll();
        if (b == null) {
            return new StreamBuffers();
        }
        FREE_COUNT.decrementAndGet();
        return b;
    }

    /** Returns a set whose bytes nobody needs any more. */
    static void give(StreamBuffers b) {
        if (FREE_COUNT.incrementAndGet() <= KEPT) {
            FREE.add(b);
        } else {
            FREE_COUNT.decrementAndGet();
        }
    }
}
