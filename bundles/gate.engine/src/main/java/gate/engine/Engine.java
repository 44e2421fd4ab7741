package gate.engine;

import gate.wasm.GlobalType;
import gate.wasm.MemoryType;
import gate.wasm.Module;
import gate.wasm.TableType;

/**
 * A WebAssembly engine. Implementations are thread-safe; an engine bundle registers one as an OSGi
 * service with the property {@code gate.engine.name} equal to {@link #name()}.
 */
public interface Engine {
    /** Short stable name used on command lines and in benchmarks: {@code interp}, {@code native}. */
    String name();

    /**
     * Whether this engine can run programs on this host. Engines that need something from the host
     * (the native engine needs its sandboxed executor) answer false when it is missing; callers then
     * choose another engine. Portable engines keep the default.
     */
    default boolean isAvailable() {
        return true;
    }

    /**
     * Compiles a module that the validator accepted. Never called with an unvalidated module.
     *
     * @throws gate.wasm.ResourceLimitException if the module exceeds what this engine supports
     */
    Program compile(Module module);

    /** A memory owned by the host, importable by instances of this engine. */
    MemoryExtern createMemory(MemoryType type);

    /** A table owned by the host, importable by instances of this engine. */
    TableExtern createTable(TableType type);

    /** A global owned by the host, importable by instances of this engine. */
    GlobalExtern createGlobal(GlobalType type, long value);
}
