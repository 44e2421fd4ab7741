package gate.engine;

import gate.wasm.ExternKind;
import gate.wasm.MemoryType;

/**
 * A linear memory. Accessors check bounds and throw {@link TrapException} with {@link
 * TrapId#MEMORY_ACCESS_OUT_OF_BOUNDS}; host code that gets addresses from a program must turn that
 * into its own error (an ABI violation, say).
 */
public interface MemoryExtern extends Extern {
    MemoryType type();

    /** Current size in bytes. */
    long byteSize();

    /** Grows by {@code pages}; returns the old size in pages, or -1 if refused. */
    long grow(long pages);

    void read(long address, byte[] dst, int offset, int length);

    void write(long address, byte[] src, int offset, int length);

    @Override
    default ExternKind kind() {
        return ExternKind.MEMORY;
    }
}
