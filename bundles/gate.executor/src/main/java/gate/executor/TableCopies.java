package gate.executor;

import gate.compiler.CompiledProgram;
import gate.engine.TrapException;
import gate.engine.TrapId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One native instance's view of tables it shares with others: the imported tables copied into its
 * table area around each run, and the *placeholders*, elements that name a function this instance
 * cannot (no own index, no foreign slot left: see {@link NativeRefs}), kept here while a null
 * stands in the area for them. A module whose code reads or writes such a table, or a
 * call_indirect that may have found a placeholder, is refused with a {@link
 * ForeignFunctionException} rather than run with a silently wrong element.
 */
final class TableCopies {
    private final NativeInstance instance;
    private final NativeProgram program;
    private final CompiledProgram compiled;
    private final StateFile state;
    private final List<SharedTable> importedTables;
    private final TableUses tableUses;
    /** Per imported table, the elements copied in before the run. */
    private final Object[][] copiedIn;
    /** Per imported table, the elements copied in as null placeholders. */
    private final java.util.BitSet[] masked;
    /** Per own table (area index): slot index to the function another instance stored there. */
    private final Map<Integer, Map<Integer, Object>> foreign = new HashMap<>();

    TableCopies(NativeInstance instance, NativeProgram program, StateFile state, List<SharedTable> importedTables) {
        this.instance = instance;
        this.program = program;
        this.compiled = program.compiled();
        this.state = state;
        this.importedTables = importedTables;
        this.tableUses = program.tableUses();
        this.copiedIn = new Object[importedTables.size()][];
        this.masked = new java.util.BitSet[importedTables.size()];
    }

    /**
     * Imported tables live in their owners (core spec §4.5.4): their elements are copied into this
     * instance's table area before a run (as this instance's slots, see {@link NativeRefs}) and
     * back after it, with the size table.grow may have changed.
     */
    void sync(boolean in) throws IOException {
        long base = state.layout().memoryOffset();
        for (int t = 0; t < importedTables.size(); t++) {
            SharedTable table = importedTables.get(t);
            gate.compiler.gen.AreaLayout.Region r = compiled.area().tables().get(t);
            gate.wasm.ValType type = ((gate.wasm.ImportDesc.Table) tableImport(t).desc()).type().elementType();
            if (in) {
                Object[] elements = table.elements();
                if (elements.length > r.capacity()) {
                    throw new gate.wasm.ResourceLimitException(0, "imported table of " + elements.length
                            + " elements exceeds the " + r.capacity() + " this module reserved for it (native engine)");
                }
                ByteBuffer b = ByteBuffer.allocate(8 + 8 * r.capacity()).order(ByteOrder.LITTLE_ENDIAN);
                b.putLong(elements.length);
                java.util.BitSet placeholders = new java.util.BitSet();
                for (int k = 0; k < r.capacity(); k++) {
                    Long slot = k < elements.length ? NativeRefs.slotIfAny(instance, type, elements[k]) : Long.valueOf(gate.engine.Values.NULL_REF);
                    if (slot == null) {
                        if (tableUses.accessed()[t]) {
                            NativeRefs.slot(instance, type, elements[k]); // throws the typed error
                        }
                        placeholders.set(k);
                        slot = gate.engine.Values.NULL_REF;
                    }
                    b.putLong(slot);
                }
                copiedIn[t] = elements;
                masked[t] = placeholders;
                state.fd().pwriteFully(b.array(), base + r.offset());
            } else {
                ByteBuffer b = ByteBuffer.wrap(new byte[8 + 8 * r.capacity()]).order(ByteOrder.LITTLE_ENDIAN);
                state.fd().preadFully(b.array(), base + r.offset());
                long size = b.getLong(0);
                if (size < 0 || size > r.capacity()) { // written by the sandbox
                    throw new TrapException(TrapId.INTERNAL_ERROR, 0, List.of("native instance left a corrupt table size"));
                }
                if (size > table.maxSize()) {
                    // Compiled table.grow checks this module's capacity, not the owner's maximum.
                    throw new gate.wasm.ResourceLimitException(0, "table.grow beyond the imported table's maximum of "
                            + table.maxSize() + " elements (the native engine cannot refuse it in time)");
                }
                Object[] elements = new Object[(int) size];
                for (int k = 0; k < elements.length; k++) {
                    long slot = b.getLong(8 + 8 * k);
                    // A placeholder still null: the code cannot have written it (TableUses), keep the function.
                    boolean kept = masked[t] != null && masked[t].get(k) && slot == gate.engine.Values.NULL_REF;
                    elements[k] = kept ? copiedIn[t][k] : NativeRefs.canonical(instance, type, slot);
                }
                table.store(elements);
            }
        }
    }

    /** An active element segment wrote {@code length} elements at {@code offset} of imported table {@code t}. */
    void segmentWrote(int t, long offset, int length) {
        if (masked[t] != null && length > 0) {
            masked[t].clear((int) offset, (int) (offset + length));
        }
    }

    /** Whether a call_indirect may have found a placeholder of a function this instance cannot call. */
    boolean placeholdersCalled() {
        for (int t = 0; t < importedTables.size(); t++) {
            if (tableUses.called()[t] && masked[t] != null && !masked[t].isEmpty()) {
                return true;
            }
        }
        for (var e : foreign.entrySet()) {
            if (tableUses.called()[e.getKey()] && !e.getValue().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The placeholders of own table {@code table} (area index): slot index to the canonical
     * function another instance stored there (see {@link InstanceExports#table}).
     */
    java.util.Map<Integer, Object> foreign(int table) {
        return foreign.computeIfAbsent(table, t -> new java.util.HashMap<>());
    }

    /** Refuses to run code that could read or overwrite a placeholder of an own table unnoticed. */
    void checkForeign() {
        for (var e : foreign.entrySet()) {
            if (tableUses.accessed()[e.getKey()] && !e.getValue().isEmpty()) {
                throw new ForeignFunctionException("table " + e.getKey() + " holds functions of other instances"
                        + " and this instance's code reads or writes its elements; the native engine cannot represent them");
            }
        }
    }

    private gate.wasm.Import tableImport(int t) {
        int n = 0;
        for (gate.wasm.Import imp : program.module().imports()) {
            if (imp.desc() instanceof gate.wasm.ImportDesc.Table && n++ == t) {
                return imp;
            }
        }
        throw new IllegalArgumentException("table import " + t);
    }

    /** Whether an own table holds placeholders (then no engine-neutral state can be captured). */
    boolean hasPlaceholders() {
        return foreign.values().stream().anyMatch(m -> !m.isEmpty());
    }
}
