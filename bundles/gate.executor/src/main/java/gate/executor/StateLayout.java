package gate.executor;

/**
 * Layout of an instance's state memfd (runtime.native DESIGN.md §4): vars page, guard page,
 * stack, globals area, then the linear memory up to its maximum (sparse), then in ABI mode the
 * ABI area ({@link AbiArea}, notes/s8/abi-native.md §2; {@code abiSize} 0 without one).
 */
public record StateLayout(int stackSize, int globalsSize, int maxMemoryPages, int abiSize) {
    /** Largest ABI area the loader accepts (abi-native.md §2). */
    public static final int MAX_ABI_SIZE = 16 << 20;

    public static final int PAGE = 4096;
    public static final int WASM_PAGE = 65536;
    /** Offset of the stack region (after the vars and guard pages). */
    public static final int STACK_OFFSET = 8192;

    public StateLayout {
        if (stackSize < 16384 || stackSize > (64 << 20) || stackSize % PAGE != 0) {
            throw new IllegalArgumentException("stack size must be a page multiple in 16 KiB .. 64 MiB");
        }
        if (globalsSize < 0 || globalsSize > (1 << 20) || globalsSize % PAGE != 0) {
            throw new IllegalArgumentException("globals size must be a page multiple up to 1 MiB");
        }
        if (maxMemoryPages < 0 || maxMemoryPages > 65536) {
            throw new IllegalArgumentException("at most 65536 memory pages");
        }
        if (abiSize < 0 || abiSize > MAX_ABI_SIZE || abiSize % PAGE != 0) {
            throw new IllegalArgumentException("ABI area size must be a page multiple up to 16 MiB");
        }
    }

    /** A layout without an ABI area. */
    public StateLayout(int stackSize, int globalsSize, int maxMemoryPages) {
        this(stackSize, globalsSize, maxMemoryPages, 0);
    }

    /** This layout with an ABI area of {@code size} bytes after the memory maximum. */
    public StateLayout withAbiArea(int size) {
        return new StateLayout(stackSize, globalsSize, maxMemoryPages, size);
    }

    /** File offset of the ABI area: right after the linear memory's maximum (page aligned). */
    public long abiOffset() {
        return memoryOffset() + (long) maxMemoryPages * WASM_PAGE;
    }

    /** File offset of linear memory byte 0 (the globals end right below it). */
    public long memoryOffset() {
        return STACK_OFFSET + (long) stackSize + globalsSize;
    }

    /** File offset of the globals area. */
    public long globalsOffset() {
        return STACK_OFFSET + (long) stackSize;
    }

    /** Size of the memfd: everything up to the memory maximum, and the ABI area. */
    public long fileSize() {
        return abiOffset() + abiSize;
    }
}
