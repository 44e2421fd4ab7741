package gate.interp;

import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.DataSegment;
import java.util.Arrays;

/**
 * Bulk memory instructions (core spec §4.4.7): ranges are checked in 64 bits before any byte
 * moves, so a failing instruction changes nothing, and out-of-range offsets trap even for n = 0.
 */
final class BulkOps {
    private BulkOps() {}

    private static TrapException outOfBounds() {
        return new TrapException(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS);
    }

    static void memoryInit(InterpInstance in, int segment, int dst, int src, int n) {
        DataSegment data = in.program.module().data().get(segment);
        int length = in.droppedData[segment] ? 0 : data.length();
        byte[] mem = in.memory.bytes;
        long d = Integer.toUnsignedLong(dst);
        long s = Integer.toUnsignedLong(src);
        long count = Integer.toUnsignedLong(n);
        if (s + count > length || d + count > mem.length) {
            throw outOfBounds();
        }
        System.arraycopy(in.program.module().bytes(), data.offset() + (int) s, mem, (int) d, (int) count);
    }

    static void memoryCopy(byte[] mem, int dst, int src, int n) {
        long d = Integer.toUnsignedLong(dst);
        long s = Integer.toUnsignedLong(src);
        long count = Integer.toUnsignedLong(n);
        if (s + count > mem.length || d + count > mem.length) {
            throw outOfBounds();
        }
        System.arraycopy(mem, (int) s, mem, (int) d, (int) count);
    }

    static void memoryFill(byte[] mem, int dst, int value, int n) {
        long d = Integer.toUnsignedLong(dst);
        long count = Integer.toUnsignedLong(n);
        if (d + count > mem.length) {
            throw outOfBounds();
        }
        Arrays.fill(mem, (int) d, (int) (d + count), (byte) value);
    }
}
