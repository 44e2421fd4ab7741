package gate.spectest;

import gate.engine.Engine;
import gate.engine.Extern;
import gate.engine.FunctionExtern;
import gate.engine.GlobalExtern;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
import gate.engine.Program;
import gate.engine.TrapId;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The store one script runs against: its instances, named modules and import namespace. Commands
 * run in order on one worker thread; only {@link #interruptRunning} is called from another thread.
 */
final class Store implements AutoCloseable {
    /** Memories may grow to 64 MiB: more than any script needs, little enough for a shared JVM. */
    static final InstanceLimits LIMITS = new InstanceLimits(1024, InstanceLimits.DEFAULT.stackSize());

    private final Engine engine;
    private final Linker linker = new Linker();
    private final Map<String, Instance> named = new HashMap<>();
    private final List<Instance> instances = new ArrayList<>();
    private final Set<Instance> registered = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final boolean roundTrip;
    private Instance current;
    private volatile Instance running;

    /**
     * @param roundTrip before each action, replace the instance by one restored from its captured
     *     state (snapshot round trip), unless other modules may import from it (registered ones)
     */
    Store(Engine engine, boolean roundTrip) {
        this.engine = engine;
        this.roundTrip = roundTrip;
        linker.addHostModule("spectest", SpectestModule.create(engine));
    }

    /** Decodes and validates a module binary (throws the front end's typed errors). */
    static Module load(byte[] bytes) {
        return Wasm.load(bytes, WasmLimits.DEFAULT);
    }

    Program compile(Module module) {
        return engine.compile(module);
    }

    /** Links and initialises a program against this store's namespace. */
    Instance instantiate(Program program) {
        Instance instance = program.instantiate(linker, LIMITS);
        instances.add(instance);
        return instance;
    }

    /** Makes {@code instance} the current module, and addressable by {@code name} if not null. */
    void define(String name, Instance instance) {
        current = instance;
        if (name != null) {
            named.put(name, instance);
        }
    }

    void register(String as, String name) {
        Instance instance = instance(name);
        registered.add(instance);
        linker.register(as, instance);
    }

    /** The named instance, or the current one when {@code name} is null. */
    Instance instance(String name) {
        Instance instance = name == null ? current : named.get(name);
        if (instance == null) {
            throw new IllegalStateException(name == null ? "no current module" : "no module named " + name);
        }
        return instance;
    }

    /** Performs an action; returns the results ({@code get} gives one value). */
    long[] perform(Action action) {
        Instance instance = instance(action.module());
        if (roundTrip && !registered.contains(instance)) {
            instance = restoreCopy(instance);
        }
        Extern export = instance.export(action.field());
        if (action.type().equals("get")) {
            if (!(export instanceof GlobalExtern global)) {
                throw new IllegalStateException("no exported global " + action.field() + " (got " + export + ")");
            }
            return new long[] {global.get()};
        }
        if (!(export instanceof FunctionExtern)) {
            throw new IllegalStateException("no exported function " + action.field() + " (got " + export + ")");
        }
        long[] args = new long[action.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = ValueCodec.toSlot(action.args().get(i));
        }
        running = instance;
        try {
            return instance.invoke(action.field(), args);
        } finally {
            running = null;
        }
    }

    /**
     * Captures the state of {@code old}, restores it into a new instance of the same program with
     * the same imports, and puts the new instance wherever the old one was addressable.
     */
    private Instance restoreCopy(Instance old) {
        InstanceState state = old.captureState();
        Instance copy = old.program().restore(state, linker, LIMITS);
        instances.add(copy);
        if (current == old) {
            current = copy;
        }
        named.replaceAll((name, instance) -> instance == old ? copy : instance);
        return copy;
    }

    /** Asks the execution in progress, if any, to stop with {@code KILLED}. Any thread. */
    void interruptRunning() {
        Instance instance = running;
        if (instance != null) {
            instance.interrupt(TrapId.KILLED);
        }
    }

    @Override
    public void close() {
        for (Instance instance : instances) {
            instance.close();
        }
        instances.clear();
    }
}
