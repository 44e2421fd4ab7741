package gate.abi;

import java.util.Arrays;

/** A first-in first-out byte buffer that grows as needed (the caller bounds what it adds). */
final class ByteQueue {
    private byte[] bytes = new byte[1024];
    private int head;
    private int tail;

    int size() {
        return tail - head;
    }

    boolean isEmpty() {
        return head == tail;
    }

    void add(byte[] src, int offset, int length) {
        if (tail + length > bytes.length) {
            int size = size();
            if (size + length > bytes.length / 2) {
                bytes = Arrays.copyOfRange(bytes, head, head + Math.max(bytes.length * 2, size + length));
            } else {
                System.arraycopy(bytes, head, bytes, 0, size);
            }
            head = 0;
            tail = size;
        }
        System.arraycopy(src, offset, bytes, tail, length);
        tail += length;
    }

    /** The backing array; the queued bytes start at {@link #head()}. */
    byte[] array() {
        return bytes;
    }

    int head() {
        return head;
    }

    /** Drops the first {@code n} bytes. */
    void remove(int n) {
        head += n;
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    /** Moves up to {@code max} bytes into the buffers; returns how many. */
    int drainTo(IoVecs dst, long max) {
        int n = (int) Math.min(size(), max);
        dst.put(bytes, head, n);
        remove(n);
        return n;
    }

    byte[] toArray() {
        return Arrays.copyOfRange(bytes, head, tail);
    }
}
