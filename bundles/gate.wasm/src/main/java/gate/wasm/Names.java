package gate.wasm;

import java.util.Map;

/**
 * What the {@code name} custom section says (core spec appendix 7.4), for readable traps and stack
 * traces. An absent or broken name section yields {@link #EMPTY}: names are advisory and never make
 * a module invalid.
 */
public record Names(String moduleName, Map<Integer, String> functions, Map<Integer, Map<Integer, String>> locals) {
    public static final Names EMPTY = new Names(null, Map.of(), Map.of());

    public Names {
        functions = Map.copyOf(functions);
        locals = Map.copyOf(locals);
    }

    /** The function's name, or {@code func[index]} when it has none. */
    public String function(int index) {
        String name = functions.get(index);
        return name != null ? name : "func[" + index + "]";
    }
}
