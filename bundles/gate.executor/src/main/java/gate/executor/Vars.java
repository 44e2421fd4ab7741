package gate.executor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code struct gate_vars}: what the runtime left in the vars page of the state memfd
 * (runtime.native DESIGN.md §4), read after the instance process is gone.
 *
 * @param state 0 fresh (never ran), 1 running (died without saving), 2 stopped
 * @param spOffset stack pointer at exit minus the stack bottom
 * @param trapPc text offset of the fault or of the trap call's return address; -1 outside text
 */
public record Vars(
        int magic,
        int state,
        int exitCode,
        int memoryPages,
        long spOffset,
        long trapPc,
        long monotonicNanos,
        long textAddr,
        long stackAddr,
        long memoryAddr,
        boolean suspendRequested) {
    static final int MAGIC = 0x53726176;
    static final int SIZE = 104;
    public static final int FRESH = 0;
    public static final int RUNNING = 1;
    public static final int STOPPED = 2;

    /** True when the loader wrote this page (the instance got as far as mapping its state). */
    public boolean valid() {
        return magic == MAGIC;
    }

    /**
     * Whether the values lie within what the instance was given: memory pages up to the maximum,
     * stack pointer inside the stack, trap pc inside the text or ~0, addresses page aligned. The
     * page is writable inside the sandbox, so the JVM checks before using it.
     */
    public boolean fits(StateLayout layout, int textSize) {
        return memoryPages >= 0 && memoryPages <= layout.maxMemoryPages()
                && (state != STOPPED ? spOffset >= 0 && spOffset <= layout.stackSize()
                        : spOffset >= 8 && spOffset <= layout.stackSize() - 8)
                && (trapPc == -1 || (trapPc >= 0 && trapPc < textSize))
                && (textAddr & (StateLayout.PAGE - 1)) == 0 && (stackAddr & (StateLayout.PAGE - 1)) == 0
                && (memoryAddr & 0xffff_ffffL) == 0;
    }

    static Vars decode(byte[] page) {
        ByteBuffer b = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        return new Vars(b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getLong(), b.getLong(),
                b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getInt() != 0);
    }
}
