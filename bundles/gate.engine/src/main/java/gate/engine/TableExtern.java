package gate.engine;

import gate.wasm.ExternKind;
import gate.wasm.TableType;

/** A table of references. Out-of-range access throws {@link TrapException}. */
public interface TableExtern extends Extern {
    TableType type();

    long size();

    /** Grows by {@code delta} filled with {@code init}; returns the old size, or -1 if refused. */
    long grow(long delta, long init);

    @Override
    default ExternKind kind() {
        return ExternKind.TABLE;
    }
}
