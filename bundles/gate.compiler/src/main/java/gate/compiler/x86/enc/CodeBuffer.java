package gate.compiler.x86.enc;

import gate.wasm.ResourceLimitException;
import java.util.Arrays;

/**
 * A growable buffer of machine code with an append position and a patch API.
 *
 * <p>Multi-byte values are little-endian, as x86-64 stores them. The buffer refuses to grow past
 * its size limit with a {@link ResourceLimitException}, so untrusted input cannot make the compiler
 * allocate without bound. Confined to one thread (the compiling one).
 */
public final class CodeBuffer {
    /** Default limit of 512 MiB, the largest text wag accepts. */
    public static final int DEFAULT_LIMIT = 512 << 20;

    private final int limit;
    private byte[] bytes;
    private int position;

    /** Appends {@code length} bytes of {@code source} from {@code offset} (data, tables). */
    public void emitBytes(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, position, length);
        position += length;
    }

    /** A buffer limited to {@link #DEFAULT_LIMIT} bytes. */
    public CodeBuffer() {
        this(DEFAULT_LIMIT);
    }

    /** A buffer that may hold at most {@code limit} bytes. */
    public CodeBuffer(int limit) {
        this(limit, 4096);
    }

    /**
     * A buffer that may hold at most {@code limit} bytes and starts with room for
     * {@code expected} (a size estimate that saves regrowing; capped at the limit).
     */
    public CodeBuffer(int limit, int expected) {
        if (limit < 0 || expected < 0) {
            throw new IllegalArgumentException("negative limit " + limit + " or size " + expected);
        }
        this.limit = limit;
        this.bytes = new byte[Math.min(limit, Math.max(expected, 64))];
    }

    /** Offset of the next byte to be appended, which is also the number of bytes written. */
    public int position() {
        return position;
    }

    /** The most bytes this buffer may hold. */
    public int limit() {
        return limit;
    }

    /** Appends the low 8 bits of {@code value}. */
    public void emit8(int value) {
        ensure(1);
        bytes[position++] = (byte) value;
    }

    /** Appends the low 16 bits of {@code value}. */
    public void emit16(int value) {
        ensure(2);
        put(position, value, 2);
        position += 2;
    }

    /** Appends {@code value} as 4 bytes. */
    public void emit32(int value) {
        ensure(4);
        put(position, value, 4);
        position += 4;
    }

    /** Appends {@code value} as 8 bytes. */
    public void emit64(long value) {
        ensure(8);
        put(position, (int) value, 4);
        put(position + 4, (int) (value >>> 32), 4);
        position += 8;
    }

    /** Appends {@code count} copies of {@code value}'s low byte (0xcc for trap padding, say). */
    public void fill(int value, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative count " + count);
        }
        ensure(count);
        Arrays.fill(bytes, position, position + count, (byte) value);
        position += count;
    }

    /** Overwrites the byte at {@code offset}, which must already have been written. */
    public void patch8(int offset, int value) {
        check(offset, 1);
        bytes[offset] = (byte) value;
    }

    /** Overwrites the 4 bytes at {@code offset}, which must already have been written. */
    public void patch32(int offset, int value) {
        check(offset, 4);
        put(offset, value, 4);
    }

    /** The byte at {@code offset}, zero-extended. */
    public int read8(int offset) {
        check(offset, 1);
        return bytes[offset] & 0xff;
    }

    /** The 4 bytes at {@code offset} as a signed int. */
    public int read32(int offset) {
        check(offset, 4);
        return (bytes[offset] & 0xff)
                | (bytes[offset + 1] & 0xff) << 8
                | (bytes[offset + 2] & 0xff) << 16
                | (bytes[offset + 3] & 0xff) << 24;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, position);
    }

    private void put(int offset, int value, int count) {
        for (int i = 0; i < count; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    private void check(int offset, int count) {
        if (offset < 0 || offset > position - count) {
            throw new IndexOutOfBoundsException(
                    "patch of " + count + " bytes at " + offset + " outside [0, " + position + ")");
        }
    }

    private void ensure(int count) {
        // The array never exceeds the limit, so room in it is room under the limit: one test
        // on the way of every emitted byte.
        if (count > bytes.length - position) {
            grow(count);
        }
    }

    private void grow(int count) {
        if (count > limit - position) {
            throw new ResourceLimitException(-1, "generated code exceeds " + limit + " bytes");
        }
        // Double, but never past the limit; long arithmetic avoids int overflow near 2 GiB.
        long wanted = Math.max((long) bytes.length * 2, (long) position + count);
        bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, limit));
    }
}
