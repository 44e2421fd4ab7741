package gate.runtime;

import gate.engine.Engine;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds engines on a plain class path (outside OSGi, where DS provides them instead). */
public final class Engines {
    private Engines() {}

    /** Every engine {@link ServiceLoader} finds, by {@link Engine#name()}. */
    public static Map<String, Engine> fromClassPath() {
        var engines = new TreeMap<String, Engine>();
        for (Engine engine : ServiceLoader.load(Engine.class, Engines.class.getClassLoader())) {
            engines.putIfAbsent(engine.name(), engine);
        }
        return Map.copyOf(engines);
    }
}
