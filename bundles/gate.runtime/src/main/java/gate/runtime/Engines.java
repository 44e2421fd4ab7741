package gate.runtime;

import gate.engine.Engine;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds engines on a plain class path (outside OSGi, where DS provides them instead). */
public final class Engines {
    private Engines() {}

    /**
     * Whether the engine can run programs on this host. The engine SPI has no such question yet;
     * engines that depend on the host (the native engine needs its executor) answer it with a
     * public {@code boolean isAvailable()}, which is asked here by name so that this bundle does
     * not depend on them. Engines without it can always run.
     */
    public static boolean canRun(Engine engine) {
        try {
            var method = engine.getClass().getMethod("isAvailable");
            return method.getReturnType() != boolean.class || (boolean) method.invoke(engine);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Every engine {@link ServiceLoader} finds, by {@link Engine#name()}. */
    public static Map<String, Engine> fromClassPath() {
        var engines = new TreeMap<String, Engine>();
        for (Engine engine : ServiceLoader.load(Engine.class, Engines.class.getClassLoader())) {
            engines.putIfAbsent(engine.name(), engine);
        }
        return Map.copyOf(engines);
    }
}
