package gate.wasm;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Upper bounds that the decoder and validator enforce on untrusted modules, so that no module can
 * make them use unbounded memory or time. Exceeding one throws {@link ResourceLimitException}. The
 * spec's own limits (e.g. 65536 memory pages) are checked separately and make a module invalid.
 *
 * <p>Counts of functions, tables, memories and globals include imported ones.
 *
 * @param moduleSize bytes of the whole binary
 * @param types entries of the type section
 * @param functions functions (imported and defined)
 * @param imports entries of the import section
 * @param exports entries of the export section
 * @param globals globals (imported and defined)
 * @param tables tables (imported and defined)
 * @param memories memories (imported and defined); above 1 only so that WebAssembly 2.0's
 *     "multiple memories" rule, not this limit, rejects a second memory
 * @param dataSegments entries of the data section
 * @param elementSegments entries of the element section
 * @param params parameters of one function type
 * @param results results of one function type or block type
 * @param locals locals of one function, its parameters included
 * @param functionBodySize bytes of one function body
 * @param nestingDepth nesting of blocks, loops and ifs in one function (the body counts as 1)
 * @param operandStackHeight values on the operand stack at any point while validating
 * @param tableSize initial size of any table, in elements
 * @param memoryPages initial size of any memory, in 64 KiB pages
 * @param elementSegmentSize entries of one element segment
 * @param totalElements entries of all element segments together
 * @param dataSegmentSize bytes of one data segment
 * @param nameLength bytes of one name (import, export, custom section name)
 * @param customSections number of custom sections
 */
public record WasmLimits(
        int moduleSize,
        int types,
        int functions,
        int imports,
        int exports,
        int globals,
        int tables,
        int memories,
        int dataSegments,
        int elementSegments,
        int params,
        int results,
        int locals,
        int functionBodySize,
        int nestingDepth,
        int operandStackHeight,
        long tableSize,
        long memoryPages,
        int elementSegmentSize,
        int totalElements,
        int dataSegmentSize,
        int nameLength,
        int customSections) {

    /**
     * Defaults that accept the whole spec test suite and large real programs (compiler output of
     * tens of megabytes); the figures follow the limits that web engines agreed on where they have
     * one (1,000,000 functions and types, 50,000 locals, 1,000 params and results, 7,654,321-byte
     * bodies). Table and memory sizes are not restricted beyond the spec here: instantiation has
     * its own limits.
     */
    public static final WasmLimits DEFAULT = new WasmLimits(
            128 << 20, // moduleSize
            1_000_000, // types
            1_000_000, // functions
            100_000, // imports
            100_000, // exports
            1_000_000, // globals
            100_000, // tables
            100, // memories
            100_000, // dataSegments
            100_000, // elementSegments
            1_000, // params
            1_000, // results
            50_000, // locals
            7_654_321, // functionBodySize
            50_000, // nestingDepth
            100_000, // operandStackHeight
            0xFFFF_FFFFL, // tableSize
            MemoryType.MAX_PAGES, // memoryPages
            10_000_000, // elementSegmentSize
            10_000_000, // totalElements
            128 << 20, // dataSegmentSize
            100_000, // nameLength
            10_000); // customSections

    /**
     * These limits with some replaced by name, e.g. {@code Map.of("moduleSize", 1 << 20)}: the
     * names are the record's component names, which makes limits configurable from key-value
     * configuration.
     *
     * @throws IllegalArgumentException for an unknown name, or a value that is negative or does
     *     not fit the component
     */
    public WasmLimits with(Map<String, ? extends Number> overrides) {
        RecordComponent[] components = WasmLimits.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Map<String, Number> left = new HashMap<>(overrides);
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                Number override = left.remove(c.getName());
                Object current = c.getAccessor().invoke(this);
                values[i] = override == null ? current : convert(c, override);
            }
            if (!left.isEmpty()) {
                throw new IllegalArgumentException("unknown limits " + left.keySet());
            }
            return WasmLimits.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException("cannot apply limits " + overrides + ": " + cause.getMessage(), cause);
        }
    }

    private static Object convert(RecordComponent component, Number value) {
        long v = value.longValue();
        if (component.getType() == int.class) {
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(component.getName() + " must be in [0, " + Integer.MAX_VALUE + "]: " + v);
            }
            return (int) v;
        }
        if (v < 0) {
            throw new IllegalArgumentException(component.getName() + " must not be negative: " + v);
        }
        return v;
    }

    public WasmLimits {
        if (moduleSize < 8 || types < 0 || functions < 0 || imports < 0 || exports < 0 || globals < 0
                || tables < 0 || memories < 0 || dataSegments < 0 || elementSegments < 0 || params < 0
                || results < 0 || locals < 0 || functionBodySize < 0 || nestingDepth < 1
                || operandStackHeight < 1 || tableSize < 0 || memoryPages < 0 || elementSegmentSize < 0
                || totalElements < 0 || dataSegmentSize < 0 || nameLength < 0 || customSections < 0) {
            throw new IllegalArgumentException("limits must not be negative: " + this);
        }
    }
}
