package gate.wasm;

/**
 * Size limits of a table (in elements) or memory (in 64 KiB pages), core spec §2.3.7.
 *
 * @param min initial size
 * @param max maximum size, or {@link #NO_MAX} when the module declares none
 */
public record Limits(long min, long max) {
    /** Marks limits without a declared maximum. */
    public static final long NO_MAX = -1;

    public boolean hasMax() {
        return max != NO_MAX;
    }
}
