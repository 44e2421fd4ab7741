package gate.executor;

import gate.wasm.GateException;

/**
 * A table shared between native instances holds a function reference that an instance cannot
 * represent: a function of another instance that it neither defines nor imports. Compiled code
 * calls through a table only the functions of its own index space (the function table in its
 * read-only text), so the native engine refuses such a table when it copies it into the instance
 * (before a run, or at instantiation when an element segment stores the instance's own
 * functions into a table another instance owns) rather than calling the wrong function.
 */
public final class ForeignFunctionException extends GateException {
    private static final long serialVersionUID = 1L;

    ForeignFunctionException(String message) {
        super(message);
    }
}
