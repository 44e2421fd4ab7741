package gate.spectest;

import gate.engine.Engine;
import gate.engine.Extern;
import gate.engine.HostFunction;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
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
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Runs every exported function of a {@code wasm-opt -ttf} module in export order on one instance
 * (each call preceded by {@code hangLimitInitializer}, as {@code --fuzz-exec-before} does) and
 * records an engine-neutral trace: calls, logged values, result bits or trap kinds, and at the end
 * the memory and globals. Two traces of the same module must be equal whatever engine made them.
 *
 * <p>With a {@link Stepping}, calls are suspended at seeded moments and, at seeded ones of those,
 * the state is captured and restored on the next engine of the list, which resumes.
 */
final class EngineTrace {
    private static final InstanceLimits LIMITS = new InstanceLimits(4096, InstanceLimits.DEFAULT.stackSize());

    /** How a stepped run suspends: the engines to alternate, the suspensions per call, the seeded choices. */
    record Stepping(List<Engine> engines, int maxSteps, Random random) {}

    final List<String> lines = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    byte[] memory;
    long[] globals;
    /** Suspensions that were captured and restored on another engine. */
    int handovers;

    private final Stepping stepping;
    private volatile Instance instance;
    private int engineIndex;

    /** @param stepping null for a plain run on one engine */
    EngineTrace(Stepping stepping) {
        this.stepping = stepping;
    }

    /** Instantiates on {@code engine} and runs; every problem is collected, nothing is thrown. */
    void run(Engine engine, Module module, GuardedCall guard) {
        Imports imports = logImports(module);
        GuardedCall.Result<Instance> made = guard.run(
                () -> engine.compile(module).instantiate(imports, LIMITS), null);
        if (!(made instanceof GuardedCall.Done<Instance> done)) {
            problems.add("instantiation on " + engine.name() + ": " + describe(made));
            return;
        }
        instance = done.value();
        boolean hasInitializer = module.export("hangLimitInitializer") != null;
        for (Export e : module.exports()) {
            if (e.kind() != ExternKind.FUNC) {
                continue;
            }
            lines.add("call " + e.name());
            FuncType type = module.functionType(e.index());
            long[] args = new long[type.params().size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = type.params().get(i).isReference() ? Values.NULL_REF : 0;
            }
            GuardedCall.Result<long[]> r = guard.runTracking(() -> {
                if (hasInitializer) {
                    call(module, "hangLimitInitializer", new long[0], imports);
                }
                return call(module, e.name(), args, imports);
            }, () -> instance);
            if (r instanceof GuardedCall.Done<long[]> d) {
                lines.add("result " + bits(type.results(), d.value()));
            } else if (r instanceof GuardedCall.Threw<long[]> t && t.error() instanceof TrapException trap
                    && trap.trap() != TrapId.KILLED && trap.trap() != TrapId.INTERNAL_ERROR
                    && trap.trap() != TrapId.SUSPENDED) {
                lines.add("trap " + trap.trap());
            } else {
                problems.add(e.name() + ": " + describe(r));
                return;
            }
        }
        Instance last = instance;
        guard.run(() -> {
            InstanceState state = last.captureState();
            memory = state.memory() == null ? new byte[0] : state.memory();
            globals = state.globals();
            last.close();
            return null;
        }, null);
    }

    /**
     * Calls plainly, or stepped: before each start or resume, a seeded choice requests a suspension
     * at the next suspension point (or lets the call finish); after each suspension, another seeded
     * choice either resumes on the same instance or captures the state and restores it on the next
     * engine. So the handovers happen after a random number of suspension points, reproducibly.
     */
    private long[] call(Module module, String function, long[] args, Imports imports) {
        if (stepping == null) {
            return instance.invoke(function, args);
        }
        Random random = stepping.random();
        int steps = 0;
        maybeSuspend(random, steps);
        try {
            return instance.invoke(function, args);
        } catch (TrapException e) {
            if (e.trap() != TrapId.SUSPENDED) {
                throw e;
            }
        }
        while (true) {
            steps++;
            if (random.nextInt(3) == 0) {
                hand(module, imports);
            }
            maybeSuspend(random, steps);
            try {
                return instance.resume();
            } catch (TrapException e) {
                if (e.trap() != TrapId.SUSPENDED) {
                    throw e;
                }
            }
        }
    }

    /** Captures the state and restores it on the next engine. */
    private void hand(Module module, Imports imports) {
        Instance old = instance;
        InstanceState state = old.captureState();
        int next = (engineIndex + 1) % stepping.engines().size();
        Engine engine = stepping.engines().get(next);
        instance = engine.compile(module).restore(state, imports, LIMITS);
        engineIndex = next;
        handovers++;
        old.close();
    }

    private void maybeSuspend(Random random, int steps) {
        if (steps < stepping.maxSteps() && random.nextInt(8) != 0) {
            instance.interrupt(TrapId.SUSPENDED);
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
                synchronized (lines) {
                    lines.add("log " + bits(type.params(), args));
                }
                return new long[type.results().size()];
            });
            return log;
        };
    }

    /**
     * Values by their bits; NaNs by class only (quiet or signalling), since the spec leaves sign and
     * payload open (§4.3.3): an operation with a non-canonical NaN operand may return any arithmetic
     * (quiet) NaN, canonical or not. Arithmetic never makes a signalling NaN, so that class is exact.
     */
    static String bits(List<ValType> types, long[] values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            ValType t = i < types.size() ? types.get(i) : ValType.I64;
            parts.add(switch (t) {
                case I32 -> "i32:" + Integer.toHexString((int) values[i]);
                case I64 -> "i64:" + Long.toHexString(values[i]);
                case F32 -> "f32:" + f32(Float.floatToRawIntBits(Values.asF32(values[i])));
                case F64 -> "f64:" + f64(Double.doubleToRawLongBits(Values.asF64(values[i])));
                default -> t.text() + ":" + Long.toHexString(values[i]);
            });
        }
        return parts.toString();
    }

    private static String f32(int b) {
        if ((b & 0x7f800000) != 0x7f800000 || (b & 0x7fffff) == 0) {
            return Integer.toHexString(b);
        }
        return (b & 0x400000) != 0 ? "nan:quiet" : "nan:signalling";
    }

    private static String f64(long b) {
        if ((b & 0x7ff0000000000000L) != 0x7ff0000000000000L || (b & 0xfffffffffffffL) == 0) {
            return Long.toHexString(b);
        }
        return (b & (1L << 51)) != 0 ? "nan:quiet" : "nan:signalling";
    }

    /** The first difference between this trace and {@code other}, or null when they are equal. */
    String firstDifference(EngineTrace other) {
        for (int i = 0; i < Math.min(lines.size(), other.lines.size()); i++) {
            if (!lines.get(i).equals(other.lines.get(i))) {
                return "line " + i + " after " + context(i) + ": expected " + lines.get(i) + ", got " + other.lines.get(i);
            }
        }
        if (lines.size() != other.lines.size()) {
            return "expected " + lines.size() + " lines, got " + other.lines.size() + " (after " + context(
                    Math.min(lines.size(), other.lines.size())) + ")";
        }
        if (!Arrays.equals(memory, other.memory)) {
            int at = Arrays.mismatch(memory, other.memory);
            return "memory differs at byte " + at + " (sizes " + length(memory) + " and " + length(other.memory) + ")";
        }
        if (!Arrays.equals(globals, other.globals)) {
            return "globals differ: expected " + Arrays.toString(globals) + ", got " + Arrays.toString(other.globals);
        }
        return null;
    }

    private static int length(byte[] b) {
        return b == null ? -1 : b.length;
    }

    private String context(int index) {
        for (int i = Math.min(index, lines.size()) - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("call ")) {
                return lines.get(i);
            }
        }
        return "start";
    }
}
