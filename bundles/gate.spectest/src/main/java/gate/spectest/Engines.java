package gate.spectest;

import gate.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds engines on the class path through {@link ServiceLoader} ({@code META-INF/services}). */
public final class Engines {
    private Engines() {}

    /** Names of all engines found, in discovery order. */
    public static List<String> available() {
        List<String> names = new ArrayList<>();
        for (Engine e : ServiceLoader.load(Engine.class)) {
            names.add(e.name());
        }
        return names;
    }

    /**
     * The engine called {@code name}.
     *
     * @throws IllegalArgumentException naming the available engines when there is none by that name
     */
    public static Engine find(String name) {
        for (Engine e : ServiceLoader.load(Engine.class)) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        List<String> names = available();
        throw new IllegalArgumentException("unknown engine '" + name + "'; available: "
                + (names.isEmpty() ? "none (no gate.engine.Engine on the class path)" : String.join(", ", names)));
    }
}
