package gate.broker;

/** A fixed-capacity FIFO of bytes. Not thread-safe: {@link MemoryPipe} guards it. */
final class ByteRing {
    private final byte[] bytes;
    private int head;
    private int size;

    ByteRing(int capacity) {
        bytes = new byte[capacity];
    }

    int size() {
        return size;
    }

    int free() {
        return bytes.length - size;
    }

    /** Appends as many bytes as fit; returns how many. */
    int put(byte[] src, int offset, int length) {
        int n = Math.min(length, free());
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
}
