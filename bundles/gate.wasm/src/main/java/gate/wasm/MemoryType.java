package gate.wasm;

/** A linear memory's limits in 64 KiB pages (core spec §2.3.9). */
public record MemoryType(Limits limits) {
    public static final int PAGE_SIZE = 65536;
    /** The most pages a 32-bit memory can have: 4 GiB. */
    public static final long MAX_PAGES = 65536;
}
