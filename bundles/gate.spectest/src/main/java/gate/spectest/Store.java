package gate.spectest;

import gate.engine.Engine;
import gate.engine.Extern;
import gate.engine.FunctionExtern;
import gate.engine.GlobalExtern;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.Export;
import gate.wasm.Import;
import gate.wasm.ImportDesc;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.util.ArrayList;
import java.util.Collections;
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
    private final Set<Instance> registered = Collections.newSetFromMap(new IdentityHashMap<>());
    private final boolean roundTrip;
    private final int suspensionSteps;
    private Instance current;
    private volatile Instance running;

    /**
     * @param roundTrip before each action, replace the instance by one restored from its captured
     *     state (snapshot round trip), unless other instances may refer to it ({@link #isPrivate})
     * @param suspensionSteps when positive, run each call suspended and resumed at up to this many
     *     suspension points (see {@link #stepThrough})
     */
    Store(Engine engine, boolean roundTrip, int suspensionSteps) {
        this.engine = engine;
        this.roundTrip = roundTrip;
        this.suspensionSteps = suspensionSteps;
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
        if (roundTrip && isPrivate(instance)) {
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
            return suspensionSteps > 0 && isPrivate(instance) && definesFunction(instance, action.field())
                    ? stepThrough(instance, action.field(), args)
                    : instance.invoke(action.field(), args);
        } finally {
            running = null;
        }
    }

    /**
     * True when no other instance can hold references into this one, so that replacing it by a
     * restored copy (or leaving a suspension request pending on it) affects nobody else: it is not
     * registered for import, and it imports no table or reference global where its functions could
     * be stored for others to call.
     */
    private boolean isPrivate(Instance instance) {
        if (registered.contains(instance)) {
            return false;
        }
        for (Import imp : instance.program().module().imports()) {
            if (imp.desc() instanceof ImportDesc.Table
                    || imp.desc() instanceof ImportDesc.Global g && g.type().type().isReference()) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the export is a function the instance defines itself. A re-exported import runs in
     * its owner instance, where this instance's suspension cannot hold it, so it is not stepped.
     */
    private static boolean definesFunction(Instance instance, String name) {
        Module module = instance.program().module();
        Export export = module.export(name);
        return export != null && export.index() >= module.importedFunctionCount();
    }

    /**
     * Runs a call in steps: before each step the instance is asked to suspend, so the call stops at
     * its next suspension point (function entry, loop back-edge) and is resumed, after a snapshot
     * round trip when enabled (a suspended state includes the call stack). After {@link
     * #suspensionSteps} steps it runs freely. The results must be those of an uninterrupted call.
     * Only private instances are stepped: a request that the last step leaves pending (the call
     * ended before another suspension point) then only meets this instance's next call, which is
     * stepped too.
     */
    private long[] stepThrough(Instance first, String function, long[] args) {
        Instance instance = first;
        instance.interrupt(TrapId.SUSPENDED);
        try {
            return instance.invoke(function, args);
        } catch (TrapException e) {
            if (e.trap() != TrapId.SUSPENDED) {
                throw e;
            }
        }
        for (int step = 1; ; step++) {
            if (!instance.isSuspended()) {
                throw new IllegalStateException("trapped with SUSPENDED but isSuspended() is false");
            }
            if (roundTrip) {
                instance = restoreCopy(instance);
                running = instance;
            }
            if (step < suspensionSteps) {
                instance.interrupt(TrapId.SUSPENDED);
            }
            try {
                return instance.resume();
            } catch (TrapException e) {
                if (e.trap() != TrapId.SUSPENDED) {
                    throw e;
                }
            }
        }
    }

    /**
     * Captures the state of {@code old}, restores it into a new instance of the same program with
     * the same imports, and puts the new instance wherever the old one was addressable.
     */
    private Instance restoreCopy(Instance old) {
        InstanceState state = old.captureState();
        Instance copy = old.program().restore(state, linker, LIMITS);
        // The old instance is unreachable from here on: close it so copies do not pile up.
        instances.remove(old);
        old.close();
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
