package gate.wasm;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The declared locals of a function as the binary groups them (core spec §5.5.13: runs of
 * {@code count × type}), readable as an expanded immutable list. It takes 8 bytes per run instead
 * of a reference per local, so a module declaring 50,000 locals in each of many tiny bodies costs
 * nothing.
 */
public final class LocalTypes extends AbstractList<ValType> implements RandomAccess {
    private static final LocalTypes NONE = new LocalTypes(new int[0], new ValType[0]);

    /** {@code ends[i]}: number of locals in runs {@code 0..i}. */
    private final int[] ends;
    private final ValType[] types;

    private LocalTypes(int[] ends, ValType[] types) {
        this.ends = ends;
        this.types = types;
    }

    /**
     * Builds the list from runs; the arrays are copied. Empty runs are allowed.
     *
     * @throws IllegalArgumentException if a count is negative or the total exceeds {@code
     *     Integer.MAX_VALUE}
     */
    public static LocalTypes of(int[] counts, ValType[] types) {
        if (counts.length != types.length) {
            throw new IllegalArgumentException("counts and types differ in length");
        }
        // empty runs are dropped, so run ends strictly increase and a lookup is one binary search
        int[] ends = new int[counts.length];
        ValType[] runTypes = new ValType[counts.length];
        int runs = 0;
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("negative count");
            }
            if (counts[i] == 0) {
                continue;
            }
            total += counts[i];
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("too many locals");
            }
            ends[runs] = (int) total;
            runTypes[runs++] = types[i];
        }
        return runs == 0 ? NONE : new LocalTypes(Arrays.copyOf(ends, runs), Arrays.copyOf(runTypes, runs));
    }

    @Override
    public ValType get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        int run = Arrays.binarySearch(ends, index + 1);
        return types[run < 0 ? -run - 1 : run];
    }

    @Override
    public int size() {
        return ends.length == 0 ? 0 : ends[ends.length - 1];
    }

    /** Number of (non-empty) runs, for code that allocates or initialises locals run by run. */
    public int runCount() {
        return ends.length;
    }

    /** Length of run {@code run}. */
    public int runLength(int run) {
        return run == 0 ? ends[0] : ends[run] - ends[run - 1];
    }

    /** Type of run {@code run}. */
    public ValType runType(int run) {
        return types[run];
    }
}
