package gate.abi;

/**
 * A checked scatter/gather list (WASI {@code ciovec}/{@code iovec}, Gate's io iovec: u32 pointer,
 * u32 length). Reading and writing walk the buffers in order, as one byte stream; every buffer
 * was checked against memory when the list was made, and buffers may overlap (later ones win).
 */
final class IoVecs {
    private final GuestMemory memory;
    private final long[] addresses;
    private final int[] lengths;
    private int current;
    private long offsetInCurrent;

    IoVecs(GuestMemory memory, long[] addresses, int[] lengths) {
        this.memory = memory;
        this.addresses = addresses;
        this.lengths = lengths;
    }

    /** Total bytes of all buffers (at most 2^32 times the count, so a long). */
    long total() {
        long sum = 0;
        for (int len : lengths) {
            sum += Integer.toUnsignedLong(len);
        }
        return sum;
    }

    /** Bytes not yet consumed by {@link #take} or {@link #put}. */
    long remaining() {
        long sum = -offsetInCurrent;
        for (int i = current; i < lengths.length; i++) {
            sum += Integer.toUnsignedLong(lengths[i]);
        }
        return sum;
    }

    /** Copies the next {@code length} bytes of the buffers into {@code dst}. */
    void take(byte[] dst, int offset, int length) {
        walk(dst, offset, length, false);
    }

    /** Copies {@code length} bytes of {@code src} into the next bytes of the buffers. */
    void put(byte[] src, int offset, int length) {
        walk(src, offset, length, true);
    }

    private void walk(byte[] bytes, int offset, int length, boolean toGuest) {
        while (length > 0) {
            long left = Integer.toUnsignedLong(lengths[current]) - offsetInCurrent;
            if (left == 0) {
                current++;
                offsetInCurrent = 0;
                continue;
            }
            int n = (int) Math.min(left, length);
            long address = addresses[current] + offsetInCurrent;
            if (toGuest) {
                memory.writeChecked(address, bytes, offset, n);
            } else {
                memory.readChecked(address, bytes, offset, n);
            }
            offset += n;
            length -= n;
            offsetInCurrent += n;
        }
    }
}
