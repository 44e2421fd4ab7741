package gate.broker;

import gate.abi.InstancePipe;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The in-memory {@link InstancePipe} of a JVM engine instance: a bounded byte buffer from the
 * program to its session, and a bounded queue of encoded packets from the session to the program.
 *
 * <p>Thread contract: the program side ({@link #write}, {@link #read}, {@link #await}) is the one
 * thread executing the instance; the session side ({@link #takeOutput}, {@link #deliver}, {@link
 * #endInput}, {@link #endOutput}) is called by the session and service threads. One lock guards
 * everything; nothing else runs under it.
 */
final class MemoryPipe implements InstancePipe {
    /** Bytes the program may write ahead of the session (several maximum-size packets). */
    static final int OUTPUT_CAPACITY = 256 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition programSide = lock.newCondition();
    private final Condition sessionSide = lock.newCondition();
    private final ByteRing output = new ByteRing(OUTPUT_CAPACITY);
    private final ArrayDeque<byte[]> input = new ArrayDeque<>();
    private final long inputCapacity;
    private final Consumer<byte[]> debug;
    private long inputBytes;
    private int inputOffset;
    private boolean inputEnded;
    private boolean outputEnded;
    private boolean woken;
    /** Told whenever the program side's conditions change ({@link InstancePipe#listen}), or null. */
    private volatile java.util.function.IntConsumer listener;

    /**
     * @param inputCapacity bytes of packets that may wait for the program to read them
     * @param debug receives program debug output (WASI fd 2)
     */
    MemoryPipe(long inputCapacity, Consumer<byte[]> debug) {
        this.inputCapacity = inputCapacity;
        this.debug = debug;
    }

    @Override
    public int write(byte[] src, int offset, int length) {
        lock.lock();
        try {
            if (outputEnded) {
                return length; // the session is gone: output is discarded
            }
            int n = output.put(src, offset, length);
            if (n > 0) {
                sessionSide.signalAll();
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read(byte[] dst, int offset, int length) {
        lock.lock();
        try {
            int total = 0;
            while (total < length && !input.isEmpty()) {
                byte[] head = input.peek();
                int n = Math.min(length - total, head.length - inputOffset);
                System.arraycopy(head, inputOffset, dst, offset + total, n);
                total += n;
                inputOffset += n;
                if (inputOffset == head.length) {
                    input.poll();
                    inputOffset = 0;
                }
            }
            inputBytes -= total;
            if (total > 0) {
                sessionSide.signalAll();
            }
            return total == 0 && inputEnded && length > 0 ? -1 : total;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int await(int events, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = timeoutNanos;
            while (true) {
                if (woken) {
                    woken = false;
                    return 0; // a wake-up wins over events (InstancePipe#await, gate.abi README §5)
                }
                int ready = readyEvents() & events;
                if (ready != 0) {
                    return ready;
                }
                if (timeoutNanos < 0) {
                    programSide.await();
                } else if (remaining <= 0) {
                    return 0;
                } else {
                    remaining = programSide.awaitNanos(remaining);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private int readyEvents() {
        int ready = 0;
        if (!input.isEmpty() || inputEnded) {
            ready |= READABLE;
        }
        if (output.free() > 0 || outputEnded) {
            ready |= WRITABLE;
        }
        return ready;
    }

    @Override
    public void wakeUp() {
        lock.lock();
        try {
            woken = true;
            signalProgram(READABLE | WRITABLE);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean listen(java.util.function.IntConsumer listener) {
        this.listener = listener;
        return true;
    }

    /**
     * Wakes the program's await, and an engine that waits elsewhere for {@code events} (under the
     * lock: it only signals).
     */
    private void signalProgram(int events) {
        programSide.signalAll();
        java.util.function.IntConsumer l = listener;
        if (l != null) {
            l.accept(events);
        }
    }

    @Override
    public void debug(byte[] src, int offset, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(src, offset, copy, 0, length);
        debug.accept(copy);
    }

    /**
     * Session side: waits for program output and moves it to {@code dst}.
     *
     * @return bytes moved, or -1 when the program has ended and everything was taken
     */
    int takeOutput(byte[] dst) throws InterruptedException {
        lock.lock();
        try {
            while (output.size() == 0 && !outputEnded) {
                sessionSide.await();
            }
            int n = output.take(dst, 0, dst.length);
            if (n == 0) {
                return -1;
            }
            signalProgram(WRITABLE);
            return n;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues one encoded packet for the program without blocking.
     *
     * @return false if the input queue is over its capacity (the packet is not queued)
     */
    boolean deliver(byte[] encoded) {
        lock.lock();
        try {
            if (inputEnded) {
                return true; // nobody will read it; dropping is the protocol after the end
            }
            if (inputBytes + encoded.length > inputCapacity) {
                return false;
            }
            input.add(encoded);
            inputBytes += encoded.length;
            signalProgram(READABLE);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes queued for the program and not yet read. */
    long pendingInput() {
        lock.lock();
        try {
            return inputBytes;
        } finally {
            lock.unlock();
        }
    }

    /** No more input: the program reads end of stream once it has read what is queued. */
    void endInput() {
        lock.lock();
        try {
            inputEnded = true;
            signalProgram(READABLE);
        } finally {
            lock.unlock();
        }
    }

    /** The program has stopped: the session takes what is buffered, then sees the end. */
    void endOutput() {
        lock.lock();
        try {
            outputEnded = true;
            sessionSide.signalAll();
            signalProgram(READABLE | WRITABLE);
        } finally {
            lock.unlock();
        }
    }
}
