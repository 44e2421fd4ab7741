package gate.engine;

import gate.wasm.GateException;

/** Imports cannot be satisfied: "unknown import" or "incompatible import type" (spec §4.5.4). */
public final class UnlinkableException extends GateException {
    private static final long serialVersionUID = 1L;

    public UnlinkableException(String message) {
        super(message);
    }
}
