package gate.engine;

import gate.wasm.FuncType;

/**
 * A function implemented by the host (WASI, Gate's packet I/O, the spectest module).
 *
 * @param type the signature the import must match exactly
 * @param body the implementation; it may throw {@link TrapException} to end the execution
 */
public record HostFunction(FuncType type, Body body) implements FunctionExtern {

    /** A host function's implementation. */
    @FunctionalInterface
    public interface Body {
        long[] call(Caller caller, long[] args);
    }

    @Override
    public long[] call(long... args) {
        return body.call(Caller.DETACHED, args);
    }
}
