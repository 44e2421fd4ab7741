package gate.wasm;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list of value types stored as one byte each, as they are encoded. Function types
 * can have a thousand parameters, and a module a million types, so a reference per entry would
 * let a module claim four to eight times its size in heap.
 */
public final class ValTypeList extends AbstractList<ValType> implements RandomAccess {
    private static final ValType[] VALUES = ValType.values();

    private final byte[] ordinals;

    private ValTypeList(byte[] ordinals) {
        this.ordinals = ordinals;
    }

    /** A list with the given types; the array is copied. */
    public static ValTypeList of(ValType... types) {
        byte[] ordinals = new byte[types.length];
        for (int i = 0; i < types.length; i++) {
            ordinals[i] = (byte) types[i].ordinal();
        }
        return new ValTypeList(ordinals);
    }

    @Override
    public ValType get(int index) {
        return VALUES[ordinals[index]];
    }

    @Override
    public int size() {
        return ordinals.length;
    }
}
