package gate.abi;

import gate.engine.Caller;
import gate.engine.MemoryExtern;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The calling program's memory 0, seen through the ABI's rule that every pointer and length the
 * program passes is checked before use: a range outside memory (or any pointer when the program
 * has no memory) is an ABI violation, never a host exception. Pointers and lengths are the
 * program's u32 values, so they are widened without sign before any arithmetic.
 */
final class GuestMemory {
    /**
     * Most entries of one iovec array. wasi-libc never passes more than 1024 (IOV_MAX); the bound
     * keeps every array below 2 GiB whatever the memory size.
     */
    static final int MAX_IOVECS = 1 << 20;

    private final MemoryExtern memory;
    private final InstancePipe pipe;

    GuestMemory(Caller caller, InstancePipe pipe) {
        this.memory = caller.memory();
        this.pipe = pipe;
    }

    /** Checks that {@code [ptr, ptr + length)} lies in memory; both are u32 program values. */
    void check(int ptr, long length, String what) {
        if (memory == null) {
            throw Violation.of(pipe, what + " given, but the program has no memory");
        }
        long start = Integer.toUnsignedLong(ptr);
        long size = memory.byteSize();
        if (length < 0 || start + length > size) {
            throw Violation.of(pipe, what + " [" + start + ", " + (start + length) + ") is outside memory of "
                    + size + " bytes");
        }
    }

    byte[] read(int ptr, int length, String what) {
        check(ptr, Integer.toUnsignedLong(length), what);
        byte[] bytes = new byte[length];
        memory.read(Integer.toUnsignedLong(ptr), bytes, 0, length);
        return bytes;
    }

    /** Reads into {@code dst}; the range must have been checked. */
    void readChecked(long address, byte[] dst, int offset, int length) {
        memory.read(address, dst, offset, length);
    }

    /** Writes from {@code src}; the range must have been checked. */
    void writeChecked(long address, byte[] src, int offset, int length) {
        memory.write(address, src, offset, length);
    }

    void write(int ptr, byte[] bytes, String what) {
        check(ptr, bytes.length, what);
        memory.write(Integer.toUnsignedLong(ptr), bytes, 0, bytes.length);
    }

    int u32(int ptr, String what) {
        return ByteBuffer.wrap(read(ptr, 4, what)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    void putU32(int ptr, int value, String what) {
        write(ptr, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array(), what);
    }

    void putU64(int ptr, long value, String what) {
        write(ptr, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array(), what);
    }

    /**
     * The iovec array at {@code ptr} with {@code count} entries of 8 bytes (u32 pointer, u32
     * length), each buffer checked against memory; more than {@link #MAX_IOVECS} entries are a
     * violation too.
     */
    IoVecs iovecs(int ptr, int count, String what) {
        long n = Integer.toUnsignedLong(count);
        if (n > MAX_IOVECS) {
            throw Violation.of(pipe, what + " count " + n + " exceeds " + MAX_IOVECS);
        }
        check(ptr, n * 8, what + " array");
        ByteBuffer array = ByteBuffer.wrap(read(ptr, (int) (n * 8), what + " array")).order(ByteOrder.LITTLE_ENDIAN);
        long[] addresses = new long[(int) n];
        int[] lengths = new int[(int) n];
        for (int i = 0; i < n; i++) {
            int bufPtr = array.getInt();
            int bufLen = array.getInt();
            check(bufPtr, Integer.toUnsignedLong(bufLen), what + " " + i);
            addresses[i] = Integer.toUnsignedLong(bufPtr);
            lengths[i] = bufLen;
        }
        return new IoVecs(this, addresses, lengths);
    }
}
