package gate.executor;

import gate.abi.InstancePipe;
import java.io.ByteArrayOutputStream;

/**
 * An {@link InstancePipe} for stream tests: collects what the program side writes (at most {@code
 * accept} bytes until more is allowed), hands out queued input, and notifies its listener like
 * gate.broker's MemoryPipe.
 */
class ListeningPipe implements InstancePipe {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final ByteArrayOutputStream debug = new ByteArrayOutputStream();
    private final ByteArrayOutputStream input = new ByteArrayOutputStream();
    private int inputRead;
    private boolean inputEnded;
    private long accept = Long.MAX_VALUE;
    private java.util.function.IntConsumer listener;

    synchronized byte[] written() {
        return written.toByteArray();
    }

    synchronized byte[] debugBytes() {
        return debug.toByteArray();
    }

    /** Lets {@link #write} take {@code bytes} more (and tells the listener). */
    void accept(long bytes) {
        synchronized (this) {
            accept = bytes;
        }
        signal(WRITABLE);
    }

    void input(byte[] bytes, boolean end) {
        synchronized (this) {
            input.writeBytes(bytes);
            inputEnded |= end;
        }
        signal(READABLE);
    }

    private void signal(int events) {
        java.util.function.IntConsumer l;
        synchronized (this) {
            l = listener;
        }
        if (l != null) {
            l.accept(events);
        }
    }

    @Override
    public synchronized int write(byte[] src, int offset, int length) {
        int n = (int) Math.min(length, accept);
        accept -= n;
        written.write(src, offset, n);
        return n;
    }

    @Override
    public synchronized int read(byte[] dst, int offset, int length) {
        byte[] all = input.toByteArray();
        int n = Math.min(length, all.length - inputRead);
        if (n == 0) {
            return inputEnded ? -1 : 0;
        }
        System.arraycopy(all, inputRead, dst, offset, n);
        inputRead += n;
        return n;
    }

    @Override
    public int await(int events, long timeoutNanos) {
        throw new UnsupportedOperationException("ABI mode never awaits");
    }

    @Override
    public void wakeUp() {
        signal(READABLE | WRITABLE);
    }

    @Override
    public synchronized void debug(byte[] src, int offset, int length) {
        debug.write(src, offset, length);
    }

    @Override
    public synchronized boolean listen(java.util.function.IntConsumer l) {
        listener = l;
        return true;
    }
}
