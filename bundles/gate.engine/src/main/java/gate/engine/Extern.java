package gate.engine;

import gate.wasm.ExternKind;

/**
 * An entity that can be imported or exported: a function, table, memory or global. Tables,
 * memories and globals are engine objects (an engine accepts only its own); functions may also be
 * {@link HostFunction}s.
 */
public interface Extern {
    ExternKind kind();
}
