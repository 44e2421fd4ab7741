package gate.wasm.decode;

import gate.wasm.GateException;
import gate.wasm.Names;
import gate.wasm.code.CodeReader;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the {@code name} custom section (core spec appendix 7.4) leniently: names only help humans,
 * so anything wrong with them yields {@link Names#EMPTY} and never rejects the module.
 */
final class NameSectionReader {
    /** Subsection ids (§7.4.1). */
    private static final int MODULE = 0;
    private static final int FUNCTIONS = 1;
    private static final int LOCALS = 2;

    private final CodeReader in;
    private final int nameLength;
    /** Bounds the maps: a name section can declare millions of tiny entries. */
    private int entriesLeft;

    /** Functions of the module: names of other indexes are dropped. */
    private final int functionCount;

    private NameSectionReader(CodeReader in, int nameLength, int maxEntries, int functionCount) {
        this.in = in;
        this.nameLength = nameLength;
        this.entriesLeft = maxEntries;
        this.functionCount = functionCount;
    }

    /**
     * The names in {@code [start, end)} of {@code bytes}, or {@link Names#EMPTY} if they are not
     * well formed or exceed the given bounds.
     */
    static Names read(byte[] bytes, int start, int end, int nameLength, int maxEntries, int functionCount) {
        NameSectionReader reader = new NameSectionReader(new CodeReader(bytes, start, end), nameLength, maxEntries,
                functionCount);
        try {
            return reader.names();
        } catch (GateException e) {
            // a broken name section is ignored on purpose (appendix 7.4: names are advisory)
            return Names.EMPTY;
        }
    }

    private Names names() {
        String moduleName = null;
        Map<Integer, String> functions = Map.of();
        Map<Integer, Map<Integer, String>> locals = Map.of();
        int lastId = -1;
        while (!in.atEnd()) {
            int id = in.u8();
            int size = in.count(1, Integer.MAX_VALUE, "bytes");
            int end = in.position() + size;
            if (id <= lastId) {
                return Names.EMPTY; // subsections must be in order and not repeat
            }
            lastId = id;
            int outer = in.limit();
            in.limit(end);
            switch (id) {
                case MODULE -> moduleName = in.name(nameLength);
                case FUNCTIONS -> functions = nameMap(functionCount);
                case LOCALS -> locals = indirectNameMap();
                default -> in.position(end);
            }
            if (in.position() != end) {
                return Names.EMPTY;
            }
            in.limit(outer);
        }
        return new Names(moduleName, functions, locals);
    }

    /** A name map; entries with an index outside {@code [0, indexes)} are read but dropped. */
    private Map<Integer, String> nameMap(int indexes) {
        int count = entries();
        Map<Integer, String> map = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int index = in.index();
            String name = in.name(nameLength);
            if (index >= 0 && index < indexes) {
                map.put(index, name);
            }
        }
        return map;
    }

    private Map<Integer, Map<Integer, String>> indirectNameMap() {
        int count = entries();
        Map<Integer, Map<Integer, String>> map = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int index = in.index();
            Map<Integer, String> names = nameMap(Integer.MAX_VALUE);
            if (index >= 0 && index < functionCount) {
                map.put(index, Map.copyOf(names));
            }
        }
        return map;
    }

    private int entries() {
        int count = in.count(2, entriesLeft, "names");
        entriesLeft -= count;
        return count;
    }
}
