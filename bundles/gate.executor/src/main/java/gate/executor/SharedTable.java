package gate.executor;

import gate.engine.TableExtern;

/**
 * A table that native instances can import (core spec §4.5.4). Elements cross between instances in
 * a canonical form that does not depend on an instance's function index space: null, a boxed
 * externref id ({@link Long}), or a function ({@link NativeRefs#canonical}). An importing
 * instance copies the elements into its own table area before each run and stores them back after
 * it, as imported memories are copied.
 */
interface SharedTable extends TableExtern {
    /** The elements now, canonical. */
    Object[] elements();

    /** Replaces all elements (the size may have changed through table.grow). */
    void store(Object[] elements);

    /** The most elements this table can ever hold. */
    long maxSize();
}
