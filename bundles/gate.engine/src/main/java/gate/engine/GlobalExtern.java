package gate.engine;

import gate.wasm.ExternKind;
import gate.wasm.GlobalType;

/** A global variable holding one value slot. */
public interface GlobalExtern extends Extern {
    GlobalType type();

    long get();

    /** @throws IllegalStateException if the global is immutable */
    void set(long value);

    @Override
    default ExternKind kind() {
        return ExternKind.GLOBAL;
    }
}
