package gate.engine;

import gate.wasm.Module;

/** A compiled module: immutable, thread-safe, shared by all its instances. */
public interface Program {
    Module module();

    /**
     * Links the imports and initialises a new instance: globals, tables and memories, active
     * segments, then the start function.
     *
     * @throws UnlinkableException if an import is missing or has an incompatible type
     * @throws UninstantiableException if a segment is out of bounds or the start function traps
     */
    Instance instantiate(Imports imports, InstanceLimits limits);

    /**
     * Recreates a stopped instance from state captured on any engine, possibly on another host or
     * CPU. The instance resumes with {@link Instance#resume()} if the state has a call stack.
     *
     * @throws InvalidStateException if the state does not fit this program
     */
    Instance restore(InstanceState state, Imports imports, InstanceLimits limits);
}
