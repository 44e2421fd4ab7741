package gate.engine;

import gate.wasm.GateException;

/** Instantiation trapped: a segment out of bounds or a trapping start function (spec §4.5.4). */
public final class UninstantiableException extends GateException {
    private static final long serialVersionUID = 1L;

    public UninstantiableException(String message, Throwable cause) {
        super(message, cause);
    }
}
