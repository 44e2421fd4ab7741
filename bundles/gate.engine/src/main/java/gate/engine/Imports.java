package gate.engine;

import gate.wasm.Import;

/** Resolves a module's imports at instantiation. */
@FunctionalInterface
public interface Imports {
    /** The entity that satisfies {@code imp}, or null if there is none ("unknown import"). */
    Extern resolve(Import imp);

    Imports NONE = imp -> null;
}
