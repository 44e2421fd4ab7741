package gate.wasm;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The initialisers of an element segment whose entries are all {@code ref.func} or {@code
 * ref.null}, stored as one int per entry (the common case: function tables of compiled programs)
 * and read as an immutable list of {@link ConstExpr}. Entries are created on access.
 */
public final class ElementInits extends AbstractList<ConstExpr> implements RandomAccess {
    private static final int NULL = -1;

    private final int[] entries;
    private final ValType type;

    private ElementInits(int[] entries, ValType type) {
        this.entries = entries;
        this.type = type;
    }

    /**
     * A list of {@code ref.func} entries; an index of -1 stands for {@code ref.null type}. The array
     * is taken over, not copied: the caller must not keep it.
     */
    public static ElementInits adopt(int[] functionIndexes, ValType type) {
        return new ElementInits(functionIndexes, type);
    }

    @Override
    public ConstExpr get(int index) {
        int entry = entries[index];
        return entry == NULL ? new ConstExpr.RefNull(type) : new ConstExpr.RefFunc(entry);
    }

    @Override
    public int size() {
        return entries.length;
    }

    /** The function index of entry {@code index}, or -1 for a null reference. */
    public int functionIndex(int index) {
        return entries[index];
    }
}
