package gate.engine;

import gate.wasm.ExternKind;
import gate.wasm.FuncType;

/** A callable function: an instance's export or a {@link HostFunction}. */
public interface FunctionExtern extends Extern {
    FuncType type();

    /** Calls the function on the current thread (see {@link Instance#invoke} for errors). */
    long[] call(long... args);

    @Override
    default ExternKind kind() {
        return ExternKind.FUNC;
    }
}
