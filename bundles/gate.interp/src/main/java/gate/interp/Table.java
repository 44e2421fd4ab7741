package gate.interp;

import gate.engine.TableExtern;
import gate.engine.Values;
import gate.wasm.Limits;
import gate.wasm.ResourceLimitException;
import gate.wasm.TableType;
import gate.wasm.ValType;
import java.util.Arrays;

/**
 * A table of references (core spec §4.2.7). Elements are {@link FunctionRef}s in a funcref table
 * and boxed host ids ({@link Long}) in an externref table; null is the null reference. Objects,
 * not instance-relative numbers, because a table may be shared by several instances.
 *
 * <p>Confined to the thread that runs the instances using it.
 */
final class Table implements TableExtern {
    /** The engine's own bound on table size, so a hostile module cannot exhaust the heap. */
    static final long MAX_ELEMENTS = 10_000_000;

    private final ValType elementType;
    private final long declaredMax;
    Object[] elements;

    Table(TableType type) {
        this.elementType = type.elementType();
        this.declaredMax = type.limits().max();
        if (type.limits().min() > MAX_ELEMENTS) {
            throw new ResourceLimitException(-1,
                    "table of " + type.limits().min() + " elements exceeds the limit of " + MAX_ELEMENTS);
        }
        this.elements = new Object[(int) type.limits().min()];
    }

    ValType elementType() {
        return elementType;
    }

    @Override
    public TableType type() {
        return new TableType(elementType, new Limits(elements.length, declaredMax));
    }

    @Override
    public long size() {
        return elements.length;
    }

    @Override
    public long grow(long delta, long init) {
        if (init != Values.NULL_REF && elementType == ValType.FUNCREF) {
            throw new IllegalArgumentException("a host can only grow a funcref table with null");
        }
        return grow(delta, init == Values.NULL_REF ? null : Long.valueOf(init));
    }

    /** table.grow (core spec §4.4.6): the old size, or -1 beyond the maximum. */
    long grow(long delta, Object init) {
        long old = elements.length;
        long target = old + delta;
        long max = declaredMax == Limits.NO_MAX ? MAX_ELEMENTS : Math.min(declaredMax, MAX_ELEMENTS);
        if (delta < 0 || target > max) {
            return -1;
        }
        Object[] grown = Arrays.copyOf(elements, (int) target);
        Arrays.fill(grown, (int) old, (int) target, init);
        elements = grown;
        return old;
    }
}
