package gate.engine;

import gate.wasm.GateException;

/** A captured state that does not fit the program it is restored into (bad frame, wrong size). */
public final class InvalidStateException extends GateException {
    private static final long serialVersionUID = 1L;

    public InvalidStateException(String message) {
        super(message);
    }
}
