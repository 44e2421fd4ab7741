package gate.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds engines on a plain class path through {@link ServiceLoader} ({@code META-INF/services}),
 * for the command-line tools and tests; inside OSGi, engines are DS services instead. A broken
 * provider entry (a class that is missing or fails to load) is reported, not thrown.
 */
public final class Engines {
    /** Stops reading providers after this many broken entries, in case the iterator does not advance. */
    private static final int MAX_BROKEN = 16;

    private Engines() {}

    /** The engines that loaded, and the errors of the entries that did not. */
    private record Found(List<Engine> engines, List<String> broken) {}

    private static Found load() {
        List<Engine> engines = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Iterator<Engine> it = ServiceLoader.load(Engine.class, Engines.class.getClassLoader()).iterator();
        while (broken.size() < MAX_BROKEN) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                engines.add(it.next());
            } catch (ServiceConfigurationError e) {
                broken.add(e.getMessage());
            }
        }
        return new Found(engines, broken);
    }

    /** Every engine found, by {@link Engine#name()}; the first provider of a name wins. */
    public static Map<String, Engine> all() {
        Map<String, Engine> byName = new TreeMap<>();
        for (Engine e : load().engines()) {
            byName.putIfAbsent(e.name(), e);
        }
        return Map.copyOf(byName);
    }

    /** Names of all engines found, in discovery order. */
    public static List<String> available() {
        return load().engines().stream().map(Engine::name).toList();
    }

    /**
     * The engine called {@code name}.
     *
     * @throws IllegalArgumentException naming the available engines when there is none by that name
     */
    public static Engine find(String name) {
        Found found = load();
        for (Engine e : found.engines()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        List<String> names = found.engines().stream().map(Engine::name).toList();
        String message = "unknown engine '" + name + "'; available: "
                + (names.isEmpty() ? "none (no gate.engine.Engine on the class path)" : String.join(", ", names));
        return found.broken().isEmpty() ? fail(message) : fail(message + "; broken providers: " + found.broken());
    }

    private static Engine fail(String message) {
        throw new IllegalArgumentException(message);
    }
}
