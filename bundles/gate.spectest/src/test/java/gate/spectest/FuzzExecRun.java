package gate.spectest;

import gate.engine.Engine;
import gate.engine.Extern;
import gate.engine.HostFunction;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.engine.Values;
import gate.wasm.Export;
import gate.wasm.ExternKind;
import gate.wasm.FuncType;
import gate.wasm.GateException;
import gate.wasm.Import;
import gate.wasm.ImportDesc;
import gate.wasm.Module;
import gate.wasm.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a generated module the way {@code wasm-opt --fuzz-exec-before} does (wasm-toolchain.md §3)
 * and writes the same kind of lines: one instance; for each exported function in export order,
 * {@code [fuzz-exec] calling NAME}, then {@code hangLimitInitializer}, then the function with zero
 * arguments, its {@code note result} or {@code [trap ...]}; host log calls print {@code
 * [LoggingExternalInterface logging V]}. Outcomes that are not typed (results, {@link
 * TrapException}, {@link GateException}) are reported as problems, as are hangs.
 */
final class FuzzExecRun {
    /** Memory may grow to binaryen's own limit here (1 GiB would be too much for a test JVM). */
    private static final InstanceLimits LIMITS = new InstanceLimits(4096, InstanceLimits.DEFAULT.stackSize());

    final List<String> lines = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    private final int steps;
    /** The current instance; replaced by restored copies in stepped runs. */
    private volatile Instance instance;

    /**
     * @param steps when positive, every call is suspended at up to this many suspension points and
     *     each time continued on an instance restored from the captured state (a stricter run that
     *     must still print the same lines)
     */
    FuzzExecRun(int steps) {
        this.steps = steps;
    }

    /** Instantiates and runs; every problem is collected, nothing is thrown. */
    void run(Engine engine, Module module, GuardedCall guard) {
        Imports imports = logImports(module);
        GuardedCall.Result<Instance> made = guard.run(
                () -> engine.compile(module).instantiate(imports, LIMITS), null);
        if (!(made instanceof GuardedCall.Done<Instance> done)) {
            problems.add("instantiation: " + describe(made));
            return;
        }
        instance = done.value();
        boolean hasInitializer = module.export("hangLimitInitializer") != null;
        for (Export e : module.exports()) {
            if (e.kind() != ExternKind.FUNC) {
                continue;
            }
            lines.add("[fuzz-exec] calling " + e.name());
            FuncType type = module.functionType(e.index());
            long[] args = new long[type.params().size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = type.params().get(i).isReference() ? Values.NULL_REF : 0;
            }
            GuardedCall.Result<long[]> r = guard.runTracking(() -> {
                if (hasInitializer) {
                    call("hangLimitInitializer", new long[0], imports);
                }
                return call(e.name(), args, imports);
            }, () -> instance);
            if (r instanceof GuardedCall.Done<long[]> d) {
                if (d.value().length > 0) {
                    lines.add("[fuzz-exec] note result: " + e.name() + " => " + format(type.results(), d.value()));
                }
            } else if (r instanceof GuardedCall.Threw<long[]> t && t.error() instanceof TrapException trap
                    && trap.trap() != TrapId.KILLED && trap.trap() != TrapId.INTERNAL_ERROR) {
                lines.add("[trap " + trap.getMessage() + "]");
            } else {
                problems.add(e.name() + ": " + describe(r));
                return;
            }
        }
        Instance last = instance;
        guard.run(() -> {
            last.close();
            return null;
        }, null);
    }

    /** Calls plainly, or in suspended steps through restored states (see the constructor). */
    private long[] call(String function, long[] args, Imports imports) {
        if (steps == 0) {
            return instance.invoke(function, args);
        }
        instance.interrupt(TrapId.SUSPENDED);
        try {
            return instance.invoke(function, args);
        } catch (TrapException e) {
            if (e.trap() != TrapId.SUSPENDED) {
                throw e;
            }
        }
        for (int step = 1; ; step++) {
            Instance old = instance;
            instance = old.program().restore(old.captureState(), imports, LIMITS);
            old.close();
            if (step < steps) {
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

    private static String describe(GuardedCall.Result<?> r) {
        return switch (r) {
            case GuardedCall.Done<?> d -> "done";
            case GuardedCall.Threw<?> t -> t.error() instanceof GateException g
                    ? "typed error " + g.getClass().getSimpleName() + ": " + g.getMessage()
                    : "untyped " + t.error();
            case GuardedCall.Hung<?> h -> "hung: ignored the KILLED interrupt";
        };
    }

    private Imports logImports(Module module) {
        return (Import imp) -> {
            if (!imp.module().equals("fuzzing-support") || !(imp.desc() instanceof ImportDesc.Func f)) {
                return null;
            }
            FuncType type = module.types().get(f.typeIndex());
            Extern log = new HostFunction(type, (caller, args) -> {
                String values = args.length == 0 ? "" : formatValue(type.params().get(0), args[0]);
                lines.add("[LoggingExternalInterface logging " + values + "]");
                return new long[type.results().size()];
            });
            return log;
        };
    }

    private static String format(List<ValType> types, long[] values) {
        if (values.length == 1) {
            return formatValue(types.get(0), values[0]);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            parts.add(formatValue(types.get(i), values[i]));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    static String formatValue(ValType type, long slot) {
        return switch (type) {
            case I32 -> Integer.toString((int) slot);
            case I64 -> Long.toString(slot);
            case F32 -> floatText(Values.asF32(slot));
            case F64 -> floatText(Values.asF64(slot));
            default -> slot == Values.NULL_REF ? "null" : type.text() + "(" + slot + ")";
        };
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%s", d);
    }
}
