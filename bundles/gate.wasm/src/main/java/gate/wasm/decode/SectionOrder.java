package gate.wasm.decode;

import gate.wasm.code.CodeReader;

/**
 * Enforces the order of known sections (core spec §5.5.2): each at most once, in the order type,
 * import, function, table, memory, global, export, start, element, data count, code, data. Custom
 * sections (id 0) may appear anywhere.
 */
final class SectionOrder {
    /** Position of each section id in the required order; 0 for custom sections. */
    private static final int[] RANK = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};

    private int lastRank;
    private int lastKnownId;

    /** Checks that section {@code id} (found at {@code offset}) may come now, and records it. */
    void accept(int id, int offset) {
        if (id >= RANK.length) {
            throw CodeReader.malformed(offset, "malformed section id " + id);
        }
        if (id == 0) {
            return;
        }
        int rank = RANK[id];
        if (rank <= lastRank) {
            throw CodeReader.malformed(offset, "unexpected content after last section: section " + id
                    + (rank == lastRank ? " repeated" : " out of order"));
        }
        lastRank = rank;
        lastKnownId = id;
    }

    /** Id of the last known (non-custom) section accepted so far, 0 if none. */
    int lastKnownId() {
        return lastKnownId;
    }
}
