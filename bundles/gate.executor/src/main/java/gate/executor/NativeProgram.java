package gate.executor;

import gate.compiler.CompiledProgram;
import gate.engine.Extern;
import gate.engine.FunctionExtern;
import gate.engine.GlobalExtern;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
import gate.engine.InvalidStateException;
import gate.engine.MemoryExtern;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.engine.UninstantiableException;
import gate.engine.UnlinkableException;
import gate.wasm.DataSegment;
import gate.wasm.Import;
import gate.wasm.ImportDesc;
import gate.wasm.Module;
import gate.wasm.ResourceLimitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A module compiled for the native engine: its {@link CompiledProgram} and, made on first use, one
 * sealed text memfd (the compiled text followed by the {@link InvokeStub}) shared by every
 * instance.
 */
final class NativeProgram implements Program {
    private volatile java.util.Map<Integer, gate.compiler.gen.Site> sitesByText;

    /** The stack map entry at text offset {@code pc}, or null (a hash lookup: host calls use it). */
    gate.compiler.gen.Site siteAt(int pc) {
        java.util.Map<Integer, gate.compiler.gen.Site> map = sitesByText;
        if (map == null) {
            map = new java.util.HashMap<>();
            for (gate.compiler.gen.Site site : compiled.sites()) {
                map.putIfAbsent(site.textOffset(), site);
            }
            sitesByText = map;
        }
        return map.get(pc);
    }

    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    private final NativeEngine engine;
    private final Module module;
    private final CompiledProgram compiled;
    private TextImage text;
    private int stubOffset;

    NativeProgram(NativeEngine engine, Module module, CompiledProgram compiled) {
        this.engine = engine;
        this.module = module;
        this.compiled = compiled;
    }

    @Override
    public Module module() {
        return module;
    }

    CompiledProgram compiled() {
        return compiled;
    }

    NativeEngine engine() {
        return engine;
    }

    /** The globals area plus the invoke page below it. */
    int globalsSize() {
        return compiled.area().size() + StateLayout.PAGE;
    }

    synchronized TextImage text() throws IOException {
        if (text == null) {
            byte[] code = compiled.text();
            int at = (code.length + 15) & -16;
            byte[] stub = InvokeStub.code(globalsSize(), at);
            byte[] all = Arrays.copyOf(code, at + stub.length);
            System.arraycopy(stub, 0, all, at, stub.length);
            text = TextImage.of(all);
            stubOffset = at;
            // Programs have no close in the SPI: the memfd goes when the program is unreachable
            // (instances hold the program, so never while one runs).
            TextImage image = text;
            CLEANER.register(this, image::close);
        }
        return text;
    }

    private TableUses tableUses;

    /** How the code uses each table (scanned once, on the first instantiation). */
    synchronized TableUses tableUses() {
        if (tableUses == null) {
            tableUses = TableUses.of(module, compiled.area().tables().size());
        }
        return tableUses;
    }

    synchronized int stubOffset() throws IOException {
        text();
        return stubOffset;
    }

    @Override
    public Instance instantiate(Imports imports, InstanceLimits limits) {
        Linked linked = link(imports);
        List<GlobalExtern> imported = linked.globals();
        NativeInstance instance = null;
        try {
            long initialPages = linked.memory() != null ? pages(linked.memory()) : compiled.memoryPages();
            AbiArea abiArea = AbiMode.plan(module, imports);
            StateLayout layout = layout(limits, initialPages, abiArea);
            AreaImage area = AreaImage.empty(module, compiled);
            StateFile state = StateFile.create(layout);
            instance = new NativeInstance(this, state, (int) initialPages, linked);
            if (abiArea != null) {
                instance.abiMode(AbiMode.create(abiArea, (gate.abi.ProgramAbi) imports, state));
            }
            state.writeGlobalsArea(area.bytes());
            instance.syncTables(true);
            area = new AreaImage(module, compiled, state.readGlobalsArea(compiled.area().size()));
            try {
                for (int g = 0; g < imported.size(); g++) {
                    area.word(compiled.area().global(g), imported.get(g).get());
                }
                area.instantiate();
            } catch (TrapException e) {
                // Segments applied before the failing one stay in imported tables (core spec §4.5.4).
                segmentsWrote(instance, area, linked.tables().size());
                state.writeGlobalsArea(area.bytes());
                instance.syncTables(false);
                throw new UninstantiableException(e.getMessage(), e);
            }
            segmentsWrote(instance, area, linked.tables().size());
            state.writeGlobalsArea(area.bytes());
            instance.syncTables(false);
            instance.syncMemory(true);
            try {
                writeActiveData(state, area, initialPages);
            } finally {
                // Segments written before an out-of-bounds one stay in an imported memory (core spec §4.5.4).
                instance.syncMemory(false);
            }
            if (module.start() >= 0) {
                instance.runEntry();
            }
            return instance;
        } catch (TrapException e) {
            release(instance, linked);
            throw new UninstantiableException(e.getMessage(), e);
        } catch (IOException e) {
            if (instance != null) {
                instance.close();
            }
            throw new UncheckedIOException(e);
        } catch (UninstantiableException e) {
            release(instance, linked);
            throw e;
        } catch (RuntimeException e) {
            if (instance != null) {
                instance.close();
            }
            throw e;
        }
    }

    /**
     * Ends an instance whose instantiation trapped. Its functions may already sit in imported
     * tables (core spec §4.5.4: segments applied before the trap stay), where they stay callable:
     * then its state lives until nothing refers to the instance any more.
     */
    private static void release(NativeInstance instance, Linked linked) {
        if (instance == null) {
            return;
        }
        if (linked.tables().isEmpty()) {
            instance.close();
        } else {
            instance.closeWhenUnreachable(CLEANER);
        }
    }

    @Override
    public Instance restore(InstanceState saved, Imports imports, InstanceLimits limits) {
        Linked linked = link(imports);
        List<GlobalExtern> imported = linked.globals();
        if (saved.globals().length != module.globals().size()
                || saved.tables().size() != module.tables().size()) {
            throw new InvalidStateException("state does not fit this program (globals or tables)");
        }
        for (int t = 0; t < saved.tables().size(); t++) {
            int capacity = compiled.area().tables().get(compiled.area().tables().size() - module.tables().size() + t).capacity();
            if (saved.tables().get(t).length > capacity) {
                throw new InvalidStateException("table " + t + " larger than the native capacity " + capacity);
            }
        }
        long pages = linked.memory() != null ? pages(linked.memory())
                : saved.memory() == null ? 0 : saved.memory().length / StateLayout.WASM_PAGE;
        if (saved.memory() != null && saved.memory().length % StateLayout.WASM_PAGE != 0) {
            throw new InvalidStateException("memory size is not a whole number of pages");
        }
        try {
            AbiArea abiArea = AbiMode.plan(module, imports);
            StateLayout layout = layout(limits, pages, abiArea);
            AreaImage area = AreaImage.empty(module, compiled);
            for (int g = 0; g < imported.size(); g++) {
                area.word(compiled.area().global(g), imported.get(g).get());
            }
            area.restore(saved);
            StateFile state = StateFile.create(layout);
            state.writeGlobalsArea(area.bytes());
            if (saved.memory() != null && saved.memory().length > 0) {
                state.writeMemory(0, saved.memory());
            }
            NativeInstance instance = new NativeInstance(this, state, (int) pages, linked);
            if (abiArea != null) {
                instance.abiMode(AbiMode.create(abiArea, (gate.abi.ProgramAbi) imports, state));
            }
            if (!saved.stack().isEmpty()) {
                try {
                    instance.restoreStack(saved.stack());
                } catch (RuntimeException | IOException e) {
                    instance.close();
                    throw e;
                }
            }
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The layout for an instance, with the ABI area if there is one. */
    private StateLayout layout(InstanceLimits limits, long pages, AbiArea abiArea) {
        StateLayout layout = layout(limits, pages);
        return abiArea == null ? layout : layout.withAbiArea(abiArea.size());
    }

    private StateLayout layout(InstanceLimits limits, long pages) {
        long max = Math.min(compiled.maxMemoryPages(), limits.maxMemoryPages());
        if (pages > max) {
            throw new ResourceLimitException(0, "memory of " + pages + " pages exceeds the instance limit of " + max);
        }
        int stack = (int) Math.min(64 << 20, Math.max(16384, ((long) limits.stackSize() + 4095) & -4096L));
        return new StateLayout(stack, globalsSize(), (int) max);
    }

    /**
     * Links functions (called from the JVM when the import stub traps, see NativeInstance) and globals
     * (core spec §4.5.4: types must match exactly), in index order.
     */
    private Linked link(Imports imports) {
        List<GlobalExtern> globals = new ArrayList<>();
        List<FunctionExtern> functions = new ArrayList<>();
        MemoryExtern memory = null;
        List<SharedTable> tables = new ArrayList<>();
        for (Import imp : module.imports()) {
            Extern e = imports.resolve(imp);
            String name = imp.module() + "." + imp.name();
            if (e == null) {
                throw new UnlinkableException("unknown import " + name);
            }
            switch (imp.desc()) {
                case ImportDesc.Func f -> {
                    if (!(e instanceof FunctionExtern fe) || !fe.type().equals(module.types().get(f.typeIndex()))) {
                        throw new UnlinkableException("incompatible import type " + name);
                    }
                    functions.add((FunctionExtern) e);
                }
                case ImportDesc.Global g -> {
                    if (!(e instanceof GlobalExtern ge) || !ge.type().equals(g.type())) {
                        throw new UnlinkableException("incompatible import type " + name);
                    }
                    globals.add(ge);
                }
                case ImportDesc.Memory m -> {
                    if (!(e instanceof MemoryExtern me) || !fits(me, m.type().limits())) {
                        throw new UnlinkableException("incompatible import type " + name);
                    }
                    memory = me;
                }
                case ImportDesc.Table t -> {
                    if (!(e instanceof gate.engine.TableExtern te) || !fits(te, t.type())) {
                        throw new UnlinkableException("incompatible import type " + name);
                    }
                    if (!(e instanceof SharedTable st)) {
                        throw new UnlinkableException("the native engine can only import tables of the native engine ("
                                + name + ")");
                    }
                    tables.add(st);
                }
            }
        }
        return new Linked(functions, globals, memory, tables);
    }

    /** Core spec §4.5.4 (import matching, limits): at least the minimum, a maximum within the import's. */
    private static boolean fits(MemoryExtern memory, gate.wasm.Limits wanted) {
        gate.wasm.Limits actual = memory.type().limits();
        if (actual.min() < wanted.min()) {
            return false;
        }
        return !wanted.hasMax() || (actual.hasMax() && actual.max() <= wanted.max());
    }

    /**
     * Tells the instance which elements of its imported tables the active element segments wrote,
     * in order up to the first one out of bounds (where instantiation trapped, core spec §4.5.4).
     */
    private void segmentsWrote(NativeInstance instance, AreaImage area, int importedTables) {
        for (gate.wasm.ElementSegment segment : module.elements()) {
            if (segment.mode() instanceof gate.wasm.ElementSegment.Active a) {
                long size = area.word(compiled.area().tables().get(a.tableIndex()).offset());
                long offset = area.eval(a.offset()) & 0xffff_ffffL;
                int n = segment.init().size();
                if (offset + n > size) {
                    return;
                }
                if (a.tableIndex() < importedTables) {
                    instance.segmentWrote(a.tableIndex(), offset, n);
                }
            }
        }
    }

    /** Core spec §4.5.4 (import matching, tables): same element type, limits as for memories. */
    private static boolean fits(gate.engine.TableExtern table, gate.wasm.TableType wanted) {
        gate.wasm.TableType actual = table.type();
        if (actual.elementType() != wanted.elementType() || actual.limits().min() < wanted.limits().min()) {
            return false;
        }
        return !wanted.limits().hasMax() || (actual.limits().hasMax() && actual.limits().max() <= wanted.limits().max());
    }

    /** Pages of an imported memory now. */
    static long pages(MemoryExtern memory) {
        return memory.byteSize() / StateLayout.WASM_PAGE;
    }

    /**
     * The resolved imports of one instance. An imported memory is copied into the state memfd
     * before every run and back after it (the instance's memory is part of its own memfd).
     */
    record Linked(List<FunctionExtern> functions, List<GlobalExtern> globals, MemoryExtern memory,
            List<SharedTable> tables) {}

    /** Copies active data segments into memory (core spec §4.5.4 step 14). */
    private void writeActiveData(StateFile state, AreaImage eval, long pages) throws IOException {
        byte[] bytes = module.bytes();
        for (DataSegment segment : module.data()) {
            if (segment.mode() instanceof DataSegment.Active a) {
                long offset = eval.eval(a.offset()) & 0xffff_ffffL;
                if (offset + segment.length() > pages * StateLayout.WASM_PAGE) {
                    throw new TrapException(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS);
                }
                state.writeMemory(offset, Arrays.copyOfRange(bytes, segment.offset(), segment.offset() + segment.length()));
            }
        }
    }
}
