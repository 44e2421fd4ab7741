package gate.interp;

import gate.engine.TrapException;
import gate.engine.TrapId;
import java.util.Arrays;

/** Table instructions (core spec §4.4.6) and the table lookup of call_indirect (§4.4.8). */
final class TableOps {
    private TableOps() {}

    static final Object[] EMPTY = new Object[0];

    private static TrapException outOfBounds() {
        return new TrapException(TrapId.TABLE_ACCESS_OUT_OF_BOUNDS);
    }

    static long get(InterpInstance in, int table, int index) {
        Table t = in.tables[table];
        if (Integer.toUnsignedLong(index) >= t.elements.length) {
            throw outOfBounds();
        }
        return in.toSlot(t, t.elements[index]);
    }

    static void set(InterpInstance in, int table, int index, long value) {
        Table t = in.tables[table];
        if (Integer.toUnsignedLong(index) >= t.elements.length) {
            throw outOfBounds();
        }
        t.elements[index] = in.toElement(t, value);
    }

    /** table.init: both ranges are checked before anything is copied, even for n = 0. */
    static void init(InterpInstance in, int segment, int table, int dst, int src, int n) {
        Table t = in.tables[table];
        Object[] elems = in.elements[segment];
        long d = Integer.toUnsignedLong(dst);
        long s = Integer.toUnsignedLong(src);
        long count = Integer.toUnsignedLong(n);
        if (s + count > elems.length || d + count > t.elements.length) {
            throw outOfBounds();
        }
        System.arraycopy(elems, (int) s, t.elements, (int) d, (int) count);
    }

    /** table.copy: memmove semantics, which System.arraycopy has for overlapping ranges. */
    static void copy(InterpInstance in, int dstTable, int srcTable, int dst, int src, int n) {
        Object[] to = in.tables[dstTable].elements;
        Object[] from = in.tables[srcTable].elements;
        long d = Integer.toUnsignedLong(dst);
        long s = Integer.toUnsignedLong(src);
        long count = Integer.toUnsignedLong(n);
        if (s + count > from.length || d + count > to.length) {
            throw outOfBounds();
        }
        System.arraycopy(from, (int) s, to, (int) d, (int) count);
    }

    static long grow(InterpInstance in, int table, long init, int delta) {
        Table t = in.tables[table];
        return (int) t.grow(Integer.toUnsignedLong(delta), in.toElement(t, init));
    }

    static void fill(InterpInstance in, int table, int index, long value, int n) {
        Table t = in.tables[table];
        long i = Integer.toUnsignedLong(index);
        long count = Integer.toUnsignedLong(n);
        if (i + count > t.elements.length) {
            throw outOfBounds();
        }
        Arrays.fill(t.elements, (int) i, (int) (i + count), in.toElement(t, value));
    }

    /** The function call_indirect calls, after its three checks in the spec's order. */
    static FunctionRef indirectTarget(InterpInstance in, int table, int index, int typeId) {
        Object[] elems = in.tables[table].elements;
        if (Integer.toUnsignedLong(index) >= elems.length) {
            throw new TrapException(TrapId.INDIRECT_CALL_INDEX_OUT_OF_BOUNDS);
        }
        FunctionRef f = (FunctionRef) elems[index];
        if (f == null) {
            throw new TrapException(TrapId.NO_FUNCTION);
        }
        if (!f.hasType(in.program, typeId)) {
            throw new TrapException(TrapId.INDIRECT_CALL_SIGNATURE_MISMATCH);
        }
        return f;
    }
}
