package gate.bench;

import gate.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds Gate engines on the class path through {@link ServiceLoader}. */
final class Engines {
    private Engines() {}

    /**
     * The engine called {@code name}.
     *
     * @throws IllegalArgumentException naming the available engines when there is none by that name
     */
    static Engine find(String name) {
        List<String> names = new ArrayList<>();
        for (Engine e : ServiceLoader.load(Engine.class)) {
            if (e.name().equals(name)) {
                return e;
            }
            names.add(e.name());
        }
        throw new IllegalArgumentException("unknown engine '" + name + "'; available: "
                + (names.isEmpty() ? "none (no gate.engine.Engine on the class path)" : String.join(", ", names)));
    }
}
