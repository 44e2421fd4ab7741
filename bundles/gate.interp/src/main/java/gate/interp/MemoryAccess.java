package gate.interp;

import gate.engine.TrapException;
import gate.engine.TrapId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian loads and stores on a memory's bytes (core spec §4.4.7). Floats move as their bit
 * patterns, so signaling NaNs are preserved.
 */
final class MemoryAccess {
    private MemoryAccess() {}

    static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The effective address {@code base + offset} of a {@code size}-byte access: base is an
     * unsigned i32, offset a non-negative static offset, and the sum is computed in 64 bits so it
     * never wraps.
     */
    static int address(byte[] memory, int base, int offset, int size) {
        long ea = (base & 0xffff_ffffL) + offset;
        if (ea > memory.length - size) {
            throw new TrapException(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS);
        }
        return (int) ea;
    }

    static int loadI32(byte[] m, int base, int offset) {
        return (int) I32.get(m, address(m, base, offset, 4));
    }

    static long loadI64(byte[] m, int base, int offset) {
        return (long) I64.get(m, address(m, base, offset, 8));
    }

    static int loadI8(byte[] m, int base, int offset) {
        return m[address(m, base, offset, 1)];
    }

    static int loadI16(byte[] m, int base, int offset) {
        return (short) I16.get(m, address(m, base, offset, 2));
    }

    /** The i64 loads of 8, 16 and 32 bits, signed or unsigned (opcodes 0x30 to 0x35). */
    static long loadI64Narrow(int opcode, byte[] m, int base, int offset) {
        return switch (opcode) {
            case 0x30 -> loadI8(m, base, offset);
            case 0x31 -> loadI8(m, base, offset) & 0xffL;
            case 0x32 -> loadI16(m, base, offset);
            case 0x33 -> loadI16(m, base, offset) & 0xffffL;
            case 0x34 -> loadI32(m, base, offset);
            default -> loadI32(m, base, offset) & 0xffff_ffffL;
        };
    }

    static void storeI32(byte[] m, int base, int offset, int v) {
        I32.set(m, address(m, base, offset, 4), v);
    }

    static void storeI64(byte[] m, int base, int offset, long v) {
        I64.set(m, address(m, base, offset, 8), v);
    }

    static void storeI8(byte[] m, int base, int offset, int v) {
        m[address(m, base, offset, 1)] = (byte) v;
    }

    static void storeI16(byte[] m, int base, int offset, int v) {
        I16.set(m, address(m, base, offset, 2), (short) v);
    }
}
