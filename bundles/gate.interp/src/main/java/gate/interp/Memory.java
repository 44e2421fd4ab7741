package gate.interp;

import gate.engine.MemoryExtern;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.Limits;
import gate.wasm.MemoryType;
import gate.wasm.ResourceLimitException;

/**
 * A linear memory backed by one {@code byte[]}, replaced when it grows. Java arrays hold at most
 * 2^31-1 bytes, so growth stops at {@link #MAX_PAGES} and {@code memory.grow} returns -1 beyond,
 * which the spec allows (core spec §4.4.7: growing may fail for any reason).
 *
 * <p>Confined to the thread that runs the instances using it, like the instances themselves.
 */
final class Memory implements MemoryExtern {
    /** The most pages a {@code byte[]} can hold. */
    static final long MAX_PAGES = 32767;

    private final long declaredMax;
    /** Pages this memory may never exceed: the declared max, the engine's and the host's limits. */
    private final long capPages;
    byte[] bytes;

    Memory(MemoryType type, long hostLimitPages) {
        Limits limits = type.limits();
        this.declaredMax = limits.max();
        long cap = Math.min(MAX_PAGES, hostLimitPages);
        if (limits.hasMax()) {
            cap = Math.min(cap, limits.max());
        }
        this.capPages = cap;
        if (limits.min() > cap) {
            throw new ResourceLimitException(-1,
                    "memory of " + limits.min() + " pages exceeds the limit of " + cap + " pages");
        }
        this.bytes = new byte[Math.toIntExact(limits.min() * MemoryType.PAGE_SIZE)];
    }

    long pages() {
        return bytes.length / MemoryType.PAGE_SIZE;
    }

    @Override
    public MemoryType type() {
        return new MemoryType(new Limits(pages(), declaredMax));
    }

    @Override
    public long byteSize() {
        return bytes.length;
    }

    @Override
    public long grow(long pages) {
        return grow(pages, capPages);
    }

    /** memory.grow (core spec §4.4.7) with an extra limit of the growing instance. */
    long grow(long delta, long instanceLimitPages) {
        long old = pages();
        if (delta < 0) {
            return -1;
        }
        long target = old + delta;
        if (target > capPages || target > instanceLimitPages) {
            return -1;
        }
        if (delta == 0) {
            return old;
        }
        byte[] grown;
        try {
            grown = new byte[Math.toIntExact(target * MemoryType.PAGE_SIZE)];
        } catch (OutOfMemoryError e) {
            // The host cannot give the memory now: that is a failed grow, not a crash.
            return -1;
        }
        System.arraycopy(bytes, 0, grown, 0, bytes.length);
        bytes = grown;
        return old;
    }

    @Override
    public void read(long address, byte[] dst, int offset, int length) {
        check(address, length);
        System.arraycopy(bytes, (int) address, dst, offset, length);
    }

    @Override
    public void write(long address, byte[] src, int offset, int length) {
        check(address, length);
        System.arraycopy(src, offset, bytes, (int) address, length);
    }

    private void check(long address, int length) {
        if (address < 0 || length < 0 || address + length > bytes.length) {
            throw new TrapException(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS);
        }
    }
}
