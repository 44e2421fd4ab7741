package gate.compiler.gen;

import gate.wasm.ElementSegment;
import gate.wasm.Import;
import gate.wasm.ImportDesc;
import gate.wasm.Module;
import gate.wasm.ResourceLimitException;
import gate.wasm.TableType;
import java.util.ArrayList;
import java.util.List;

/**
 * The globals area below the linear memory base (runtime.native DESIGN.md §4: it ends at the
 * memory base and is at most 1 MiB). All offsets are relative to the memory base (negative).
 * From the memory base downwards:
 *
 * <ol>
 *   <li>globals: global i of n at {@code -8·(n - i)} (DESIGN.md §5), imported ones included;
 *   <li>per table: an 8-byte current size, then {@code capacity} 8-byte elements in the SPI's
 *       slot encoding (function index, host reference id, or -1 for null);
 *   <li>per element segment: an 8-byte current length (0 once dropped), then its values;
 *   <li>per data segment: an 8-byte current length (0 once dropped); the bytes are in the text;
 *   <li>with a funcref table and any import or an exported table, the foreign functions: functions of other instances that this
 *       instance's tables hold. A table element {@code functionCount + k} is foreign function k.
 *       At {@code foreign.offset()} the number of them the host has assigned, at {@code +8} the k
 *       of the call_indirect in progress (the host reads it when the foreign stub calls it), at
 *       {@code +16 + 8·k} entry k as in the function table: (canonical type id of this module, or
 *       -1) {@code << 32 |} the text offset of the foreign entry of that type (CompiledProgram). {@code foreign.capacity()} entries.
 * </ol>
 *
 * The loader fills all of it at instantiation: global values, table sizes and elements (active
 * segments applied), element segment values (evaluated constant expressions) and lengths (0 for
 * active and declarative segments, which instantiation drops).
 *
 * @param globals number of globals (imported first)
 * @param tables per table, the offset of its size word (elements follow) and its capacity
 * @param elements per element segment, the offset of its length word (values follow)
 * @param dataLengths per data segment, the offset of its length word
 * @param foreign the foreign functions (capacity 0 without a funcref table)
 * @param size bytes of the whole area, a page multiple
 */
public record AreaLayout(int globals, List<Region> tables, List<Region> elements,
        int[] dataLengths, Region foreign, int size) {
    /** How many functions of other instances an instance's tables can hold (native engine). */
    public static final int FOREIGN_CAPACITY = 256;
    /**
     * Largest globals area: the runtime accepts {@code globals_size <= 1 MiB}, and the native
     * engine puts its invoke page right below the area, within that size.
     */
    public static final int MAX_SIZE = (1 << 20) - 4096;
    private static final int PAGE = 4096;

    /**
     * A counted array: the count word at {@code offset}, element k at {@code offset + 8 + 8·k}.
     *
     * @param capacity how many elements fit
     */
    public record Region(int offset, int capacity) {
        /** Offset of element 0. */
        public int elementsOffset() {
            return offset + 8;
        }
    }

    /** Lays out the area of {@code module}; too big an area is a resource limit error. */
    public static AreaLayout of(Module module) {
        List<TableType> tableTypes = new ArrayList<>();
        for (Import imp : module.imports()) {
            if (imp.desc() instanceof ImportDesc.Table t) {
                tableTypes.add(t.type());
            }
        }
        tableTypes.addAll(module.tables());
        int globals = module.importedGlobalCount() + module.globals().size();
        long used = 8L * globals;
        // Fixed-size parts first, so that table capacities can use what is left.
        // Another instance's function can reach a table only through an import (a table, a
        // function or global returning it) or a table exported for others to write.
        boolean funcrefTables = tableTypes.stream()
                .anyMatch(t -> t.elementType() == gate.wasm.ValType.FUNCREF)
                && (!module.imports().isEmpty()
                        || module.exports().stream().anyMatch(e -> e.kind() == gate.wasm.ExternKind.TABLE));
        int foreignCapacity = funcrefTables ? FOREIGN_CAPACITY : 0;
        long fixed = used + 8L * module.data().size() + (funcrefTables ? 16L + 8L * foreignCapacity : 0);
        for (ElementSegment segment : module.elements()) {
            fixed += 8L + 8L * segment.init().size();
        }
        for (TableType t : tableTypes) {
            fixed += 8L + 8L * t.limits().min();
        }
        if (fixed > MAX_SIZE) {
            throw new ResourceLimitException(0, "globals, tables and element segments need "
                    + fixed + " bytes, more than the " + MAX_SIZE + " byte globals area");
        }
        long spare = MAX_SIZE - fixed;
        List<Region> tables = new ArrayList<>();
        for (TableType t : tableTypes) {
            long min = t.limits().min();
            long wanted = t.limits().hasMax() ? t.limits().max() : Math.max(min, 1024);
            long extra = Math.min(Math.max(0, wanted - min), spare / 8 / tableTypes.size());
            long capacity = min + extra;
            used += 8 + 8 * capacity;
            tables.add(new Region((int) -used, (int) capacity));
        }
        List<Region> elements = new ArrayList<>();
        for (ElementSegment segment : module.elements()) {
            used += 8 + 8L * segment.init().size();
            elements.add(new Region((int) -used, segment.init().size()));
        }
        int[] dataLengths = new int[module.data().size()];
        for (int i = 0; i < dataLengths.length; i++) {
            used += 8;
            dataLengths[i] = (int) -used;
        }
        Region foreign = new Region(0, 0);
        if (funcrefTables) {
            used += 16 + 8L * foreignCapacity;
            foreign = new Region((int) -used, foreignCapacity);
        }
        int size = (int) ((used + PAGE - 1) & -PAGE);
        return new AreaLayout(globals, List.copyOf(tables), List.copyOf(elements), dataLengths,
                foreign, Math.max(size, PAGE));
    }

    /** Offset of global {@code index}. */
    public int global(int index) {
        return -8 * (globals - index);
    }
}
