package gate.runtime;

import gate.engine.Engine;
import gate.engine.Engines;
import gate.executor.NativeEngine;
import java.util.Map;

/**
 * The engines the program tests run on, found on the test class path like {@code gate run} finds
 * them in OSGi. Every program test runs on both, so that the program ABI is shown to behave the
 * same on each: the native engine must be able to run here (Linux x86-64), it is not skipped.
 * Its container binary and compiled programs go under target/ (surefire sets {@code
 * gate.native.bin} and {@code gate.native.cache}).
 */
final class TestEngines implements AutoCloseable {
    static final String NATIVE = "native";
    static final String INTERP = "interp";

    private final Map<String, Engine> engines = Engines.all();

    /** The engines by name; one native engine (one container) for all the runs of this object. */
    Map<String, Engine> all() {
        return engines;
    }

    Engine get(String name) {
        Engine engine = engines.get(name);
        if (engine == null) {
            throw new AssertionError("engine " + name + " is not on the test class path; found " + engines.keySet());
        }
        if (!engine.isAvailable()) {
            throw new AssertionError("engine " + name + " cannot run on this host");
        }
        return engine;
    }

    /** Stops the native engine's container. */
    @Override
    public void close() {
        if (engines.get(NATIVE) instanceof NativeEngine engine) {
            engine.close();
        }
    }
}
