package gate.executor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code struct gate_start} (runtime.native include/gate/protocol.h, DESIGN.md §4): where and how
 * an instance process maps its text, stack, globals and linear memory. Addresses 0 let the loader
 * choose at random.
 *
 * @param resume continue from the saved stack pointer instead of calling the entry routine
 * @param textSize page multiple, at least the text memfd's content
 * @param stackSize page multiple, 16 KiB .. 64 MiB
 * @param globalsSize page multiple, at most 1 MiB
 * @param memoryPages current linear memory size (64 KiB pages)
 * @param maxMemoryPages maximum linear memory size, at most 65536
 * @param entry text offset of the entry routine
 * @param cpuLimitSeconds 0 or the CPU time after which the instance is suspended
 * @param timeMaskBits low bits of nanoseconds cleared in time results (0..30)
 * @param monotonicNanos where the program's monotonic clock starts
 * @param abiOffset state memfd offset of the ABI area, page aligned; 0 = none (notes/s8/abi-native.md §2)
 * @param abiSize its size, a page multiple up to 16 MiB; 0 = none
 */
public record StartRecord(
        boolean resume,
        long textAddr,
        long stackAddr,
        long memoryAddr,
        int textSize,
        int stackSize,
        int globalsSize,
        int memoryPages,
        int maxMemoryPages,
        int entry,
        int cpuLimitSeconds,
        int timeMaskBits,
        long monotonicNanos,
        long abiOffset,
        int abiSize) {
    /** {@code sizeof(struct gate_start)}. */
    public static final int SIZE = 96;
    static final int MAGIC = 0x31657447;

    /** A record without an ABI area. */
    public StartRecord(boolean resume, long textAddr, long stackAddr, long memoryAddr, int textSize, int stackSize,
            int globalsSize, int memoryPages, int maxMemoryPages, int entry, int cpuLimitSeconds, int timeMaskBits,
            long monotonicNanos) {
        this(resume, textAddr, stackAddr, memoryAddr, textSize, stackSize, globalsSize, memoryPages, maxMemoryPages,
                entry, cpuLimitSeconds, timeMaskBits, monotonicNanos, 0, 0);
    }

    /** The same record with the ABI area of {@code layout} (none if its size is 0). */
    public StartRecord withAbiArea(StateLayout layout) {
        long offset = layout.abiSize() == 0 ? 0 : layout.abiOffset();
        return new StartRecord(resume, textAddr, stackAddr, memoryAddr, textSize, stackSize, globalsSize,
                memoryPages, maxMemoryPages, entry, cpuLimitSeconds, timeMaskBits, monotonicNanos, offset,
                layout.abiSize());
    }

    /** A fresh start at random addresses with no CPU limit. */
    public static StartRecord fresh(int textSize, int entry, StateLayout layout, int memoryPages) {
        return new StartRecord(false, 0, 0, 0, textSize, layout.stackSize(), layout.globalsSize(),
                memoryPages, layout.maxMemoryPages(), entry, 0, 0, 0);
    }

    /** The same record with a CPU limit. */
    public StartRecord withCpuLimit(int seconds) {
        return new StartRecord(resume, textAddr, stackAddr, memoryAddr, textSize, stackSize,
                globalsSize, memoryPages, maxMemoryPages, entry, seconds, timeMaskBits,
                monotonicNanos, abiOffset, abiSize);
    }

    void encode(ByteBuffer b) {
        b.order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putShort((short) 1).putShort((short) (resume ? 1 : 0));
        b.putLong(textAddr).putLong(stackAddr).putLong(memoryAddr);
        b.putInt(textSize).putInt(stackSize).putInt(globalsSize).putInt(memoryPages);
        b.putInt(maxMemoryPages).putInt(entry).putInt(cpuLimitSeconds).putInt(timeMaskBits);
        b.putLong(monotonicNanos);
        b.putLong(abiOffset).putInt(abiSize);
        b.put(new byte[12]);
    }
}
