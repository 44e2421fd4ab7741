package gate.interp;

import gate.engine.Caller;
import gate.engine.Extern;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
import gate.engine.MemoryExtern;
import gate.engine.Program;
import gate.engine.TrapId;
import gate.engine.Values;
import gate.wasm.Export;
import gate.wasm.FuncType;
import gate.wasm.Module;
import gate.wasm.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * An interpreter instance: the runtime objects of one module instance (core spec §4.2.5) and its
 * value stack and call stack.
 *
 * <p>Thread contract: execution methods are confined to one thread at a time (the caller's);
 * {@link #interrupt} may be called from any thread and only writes the volatile {@link
 * #interruptRequest}.
 *
 * <p>Function references on the value stack are handles: the function index for the module's
 * own function index space (imports included), and numbers from {@code functionCount} up for
 * functions of other instances that reached this one through a table or global.
 */
final class InterpInstance implements Instance, Caller {
    /** Host calls nested into wasm calls nested into host calls... bounded, for the Java stack. */
    static final int MAX_NESTING = 64;
    /** The engine's own bound on the value stack (128 MiB), whatever the limits ask for. */
    static final int MAX_STACK_SLOTS = 1 << 24;
    /** Each activation costs at least this many bytes of the stack limit. */
    static final int MIN_FRAME_BYTES = 32;

    final InterpProgram program;
    final InstanceLimits limits;
    final CompiledFunction[] functions;
    final FunctionRef[] functionRefs;
    final Table[] tables;
    final Memory memory;
    final GlobalCell[] globals;
    /** Evaluated element segments; a dropped one is empty (core spec §4.4.6 elem.drop). */
    final Object[][] elements;
    final boolean[] droppedData;

    final long[] stack;
    int[] frames = new int[3 * 16];
    final int maxFrames;
    int sp;
    int depth;
    int nesting;
    boolean suspended;
    int suspendedSp;
    volatile TrapId interruptRequest;

    private final List<FunctionRef> foreign = new ArrayList<>();
    private final IdentityHashMap<FunctionRef, Integer> handles = new IdentityHashMap<>();

    InterpInstance(InterpProgram program, InstanceLimits limits, Linker.Linked linked) {
        Module module = program.module();
        this.program = program;
        this.limits = limits;
        this.functions = program.functions;
        int functionCount = module.functionCount();
        this.functionRefs = new FunctionRef[functionCount];
        int imported = linked.functions().size();
        for (int i = 0; i < imported; i++) {
            functionRefs[i] = linked.functions().get(i);
            handles.putIfAbsent(functionRefs[i], i);
        }
        for (int i = imported; i < functionCount; i++) {
            functionRefs[i] = new InstanceFunction(this, i, functions[i].typeId);
        }
        List<Table> allTables = new ArrayList<>(linked.tables());
        module.tables().forEach(t -> allTables.add(new Table(t)));
        this.tables = allTables.toArray(new Table[0]);
        List<Memory> memories = new ArrayList<>(linked.memories());
        module.memories().forEach(m -> memories.add(new Memory(m, limits.maxMemoryPages())));
        this.memory = memories.isEmpty() ? null : memories.get(0);
        List<GlobalCell> allGlobals = new ArrayList<>(linked.globals());
        module.globals().forEach(g -> allGlobals.add(new GlobalCell(g.type())));
        this.globals = allGlobals.toArray(new GlobalCell[0]);
        this.elements = new Object[module.elements().size()][];
        this.droppedData = new boolean[module.data().size()];
        this.stack = new long[Math.min(Math.max(limits.stackSize() / 8, 16), MAX_STACK_SLOTS)];
        this.maxFrames = Math.max(limits.stackSize() / MIN_FRAME_BYTES, 4);
    }

    // ---- references ----

    /** The stack handle of a function reference (null gives the null reference). */
    long handleOf(FunctionRef ref) {
        if (ref == null) {
            return Values.NULL_REF;
        }
        if (ref instanceof InstanceFunction f && f.owner == this) {
            return f.index;
        }
        Integer h = handles.get(ref);
        if (h == null) {
            h = functionRefs.length + foreign.size();
            foreign.add(ref);
            handles.put(ref, h);
        }
        return h;
    }

    /** The function reference of a stack handle; null for the null reference. */
    FunctionRef refOf(long handle) {
        if (handle == Values.NULL_REF) {
            return null;
        }
        if (handle < functionRefs.length) {
            return functionRefs[(int) handle];
        }
        return foreign.get((int) (handle - functionRefs.length));
    }

    /** Table element to stack slot. */
    long toSlot(Table table, Object element) {
        if (table.elementType() == ValType.FUNCREF) {
            return handleOf((FunctionRef) element);
        }
        return element == null ? Values.NULL_REF : (Long) element;
    }

    /** Stack slot to table element. */
    Object toElement(Table table, long slot) {
        if (table.elementType() == ValType.FUNCREF) {
            return refOf(slot);
        }
        return slot == Values.NULL_REF ? null : Long.valueOf(slot);
    }

    /** Growing the frame array, up to the limit that {@link InstanceLimits#stackSize} implies. */
    int[] growFrames() {
        if (frames.length / 3 >= maxFrames) {
            throw new gate.engine.TrapException(TrapId.CALL_STACK_EXHAUSTED);
        }
        frames = Arrays.copyOf(frames, Math.min(frames.length * 2, maxFrames * 3));
        return frames;
    }

    // ---- Instance ----

    @Override
    public Program program() {
        return program;
    }

    @Override
    public Extern export(String name) {
        Export e = program.module().export(name);
        if (e == null) {
            return null;
        }
        return switch (e.kind()) {
            case FUNC -> functionRefs[e.index()];
            case TABLE -> tables[e.index()];
            case MEMORY -> memory;
            case GLOBAL -> globals[e.index()];
        };
    }

    @Override
    public long[] invoke(String function, long... args) {
        Export e = program.module().export(function);
        if (e == null || e.kind() != gate.wasm.ExternKind.FUNC) {
            throw new IllegalArgumentException("no exported function " + function);
        }
        return functionRefs[e.index()].call(args);
    }

    /** Runs function {@code index} with canonical arguments; results are canonical too. */
    long[] callFunction(int index, long[] args) {
        FuncType type = program.module().functionType(index);
        if (args.length != type.params().size()) {
            throw new IllegalArgumentException(
                    "function " + index + " takes " + type.params().size() + " arguments, got " + args.length);
        }
        if (suspended) {
            throw new IllegalStateException("the instance is suspended: resume it first");
        }
        for (int i = 0; i < args.length; i++) {
            long a = args[i];
            if (type.params().get(i) == ValType.FUNCREF && a != Values.NULL_REF && (a < 0 || a >= functionRefs.length)) {
                throw new IllegalArgumentException("argument " + i + ": no function " + a);
            }
        }
        if (functions[index] == null) {
            return functionRefs[index].call(args);
        }
        return canonical(type, Interpreter.call(this, index, args));
    }

    private static long[] canonical(FuncType type, long[] results) {
        for (int i = 0; i < results.length; i++) {
            results[i] = Slots.canonical(type.results().get(i), results[i]);
        }
        return results;
    }

    @Override
    public long[] resume() {
        if (!suspended) {
            throw new IllegalStateException("nothing to resume");
        }
        int outermost = frames[3];
        return canonical(program.module().functionType(outermost), Interpreter.resume(this));
    }

    @Override
    public boolean isSuspended() {
        return suspended;
    }

    @Override
    public void interrupt(TrapId reason) {
        if (reason != TrapId.SUSPENDED && reason != TrapId.KILLED) {
            throw new IllegalArgumentException("interrupt with SUSPENDED or KILLED, not " + reason);
        }
        if (interruptRequest != TrapId.KILLED) {
            interruptRequest = reason;
        }
    }

    @Override
    public InstanceState captureState() {
        if (nesting > 0) {
            throw new IllegalStateException("the instance is executing");
        }
        return StateCapture.capture(this);
    }

    @Override
    public void close() {
        interruptRequest = TrapId.KILLED;
    }

    // ---- Caller ----

    @Override
    public MemoryExtern memory() {
        return memory;
    }
}
