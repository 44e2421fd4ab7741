package gate.abi;

import gate.engine.HostFunction;
import gate.wasm.FuncType;
import gate.wasm.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions of one import module by name. Signatures are written compactly: one letter per
 * value, {@code i} for i32 and {@code I} for i64, e.g. {@code "iiii"} to {@code "i"}.
 */
final class ImportTable {
    private final Map<String, HostFunction> functions = new HashMap<>();

    /** Signatures by their letters, shared by every instance's tables. */
    private static final Map<String, FuncType> SIGNATURES = new java.util.concurrent.ConcurrentHashMap<>();

    void add(String name, String params, String results, HostFunction.Body body) {
        FuncType type = SIGNATURES.computeIfAbsent(params + ":" + results,
                k -> FuncType.of(types(params), types(results)));
        functions.put(name, new HostFunction(type, body));
    }

    /** The function, or null if the module has none of that name. */
    HostFunction get(String name) {
        return functions.get(name);
    }

    boolean has(String name) {
        return functions.containsKey(name);
    }

    /** The names of the module's functions. */
    java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(functions.keySet());
    }

    private static List<ValType> types(String letters) {
        List<ValType> types = new ArrayList<>(letters.length());
        for (char c : letters.toCharArray()) {
            types.add(switch (c) {
                case 'i' -> ValType.I32;
                case 'I' -> ValType.I64;
                default -> throw new IllegalArgumentException("signature letter " + c);
            });
        }
        return types;
    }

    /** Results of a function that returns one i32 (an errno, say). */
    static long[] i32(int value) {
        return new long[] {Integer.toUnsignedLong(value)};
    }

    static final long[] NONE = new long[0];
}
