package gate.broker;

/**
 * A bounded FIFO of bytes. Its array starts small and doubles up to the capacity as bytes wait:
 * every session has one, most programs write little, and a session start that zeroed the whole
 * capacity (256 KiB) cost time on every start and heap on every idle instance. Not thread-safe:
 * {@link MemoryPipe} guards it.
 */
final class ByteRing {
    private static final int INITIAL = 4096;

    private final int capacity;
    private byte[] bytes;
    private int head;
    private int size;

    ByteRing(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.bytes = new byte[Math.min(capacity, INITIAL)];
    }

    int size() {
        return size;
    }

    int free() {
        return capacity - size;
    }

    /** Appends as many bytes as fit; returns how many. */
    int put(byte[] src, int offset, int length) {
        int n = Math.min(length, free());
        if (size + n > bytes.length) {
            grow(size + n);
        }
        int tail = (head + size) % bytes.length;
        int first = Math.min(n, bytes.length - tail);
        System.arraycopy(src, offset, bytes, tail, first);
        System.arraycopy(src, offset + first, bytes, 0, n - first);
        size += n;
        return n;
    }

    /** Removes up to {@code length} bytes into {@code dst}; returns how many. */
    int take(byte[] dst, int offset, int length) {
        int n = Math.min(length, size);
        int first = Math.min(n, bytes.length - head);
        System.arraycopy(bytes, head, dst, offset, first);
        System.arraycopy(bytes, 0, dst, offset + first, n - first);
        head = (head + n) % bytes.length;
        size -= n;
        return n;
    }

    /** A larger array holding the same bytes from index 0. */
    private void grow(int needed) {
        int length = bytes.length;
        while (length < needed) {
            length = (int) Math.min((long) length * 2, capacity);
        }
        byte[] larger = new byte[length];
        int kept = size;
        int first = Math.min(kept, bytes.length - head);
        System.arraycopy(bytes, head, larger, 0, first);
        System.arraycopy(bytes, 0, larger, first, kept - first);
        bytes = larger;
        head = 0;
    }
}
