package gate.spectest;

import gate.engine.Engines;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import gate.wasm.FunctionBody;
import gate.wasm.GateException;
import gate.wasm.ImportDesc;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Spec-suite modules with random byte mutations: those that still validate are instantiated (with
 * the spectest module and stub functions for other imports) and every exported function is called
 * with zero arguments under a time limit. Only typed outcomes are allowed: results, {@link
 * TrapException} (a runaway loop may be killed, but must stop when asked), or another {@link
 * GateException}. Seeded ({@code -Dgate.fuzz.seed=N}), bounded in count and time.
 */
class MutatedModulesTest {
    private static final int MUTANTS = 20000;
    private static final Duration BUDGET = Duration.ofSeconds(60);
    private static final InstanceLimits LIMITS = new InstanceLimits(256, InstanceLimits.DEFAULT.stackSize());

    @Test
    void mutantsThatValidateRunWithTypedOutcomes() throws Exception {
        String property = System.getProperty("gate.testsuite");
        Assumptions.assumeTrue(property != null && Files.isDirectory(Path.of(property, "core")),
                "spec test suite not found (set -Dgate.testsuite=DIR); mutation test skipped");
        List<Path> modules;
        try (Stream<Path> files = Files.walk(Path.of(property, "core"))) {
            modules = files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        long seed = FuzzSeed.get();
        Random random = new Random(seed);
        Engine engine = Engines.find("interp");
        List<String> failures = new ArrayList<>();
        Map<Path, List<FunctionBody>> bodies = new HashMap<>();
        int valid = 0;
        int calls = 0;
        int tried = 0;
        long deadline = System.nanoTime() + BUDGET.toNanos() * FuzzSeed.scale();
        try (GuardedCall guard = new GuardedCall(Duration.ofSeconds(2), Duration.ofSeconds(10))) {
            for (; tried < MUTANTS * FuzzSeed.scale() && System.nanoTime() < deadline && failures.size() < 10; tried++) {
                Path source = modules.get(random.nextInt(modules.size()));
                byte[] original = Files.readAllBytes(source);
                byte[] mutant = random.nextBoolean()
                        ? mutateCode(original, bodies.computeIfAbsent(source, p -> bodies(original)), random)
                        : mutate(original, random);
                Module module;
                try {
                    module = Wasm.load(mutant, WasmLimits.DEFAULT);
                } catch (GateException e) {
                    continue;
                }
                valid++;
                String where = "mutant " + tried + " of " + source.getFileName();
                calls += runAll(engine, module, guard, where, failures);
            }
        }
        System.out.println("mutation execution: seed " + seed + ", " + tried + " mutants, " + valid
                + " valid, " + calls + " calls");
        assertTrue(failures.isEmpty(), "seed " + seed + " (-Dgate.fuzz.seed=" + seed + "):\n  "
                + String.join("\n  ", failures));
    }

    private static int runAll(Engine engine, Module module, GuardedCall guard, String where, List<String> failures) {
        GuardedCall.Result<Instance> made = guard.run(
                () -> engine.compile(module).instantiate(imports(engine, module), LIMITS), null);
        if (!(made instanceof GuardedCall.Done<Instance> done)) {
            check(made, where + " instantiation", failures);
            return 0;
        }
        Instance instance = done.value();
        int calls = 0;
        for (Export e : module.exports()) {
            if (e.kind() != ExternKind.FUNC) {
                continue;
            }
            FuncType type = module.functionType(e.index());
            long[] args = new long[type.params().size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = type.params().get(i).isReference() ? Values.NULL_REF : 0;
            }
            calls++;
            if (!check(guard.run(() -> instance.invoke(e.name(), args), instance), where + " " + e.name(), failures)) {
                return calls;
            }
        }
        guard.run(() -> {
            instance.close();
            return null;
        }, null);
        return calls;
    }

    /** True when the outcome is typed; records a failure otherwise. */
    private static boolean check(GuardedCall.Result<?> r, String where, List<String> failures) {
        String problem = switch (r) {
            case GuardedCall.Done<?> d -> null;
            case GuardedCall.Threw<?> t when t.error() instanceof TrapException trap
                    && trap.trap() == TrapId.INTERNAL_ERROR -> "internal error trap: " + trap.getMessage();
            case GuardedCall.Threw<?> t when t.error() instanceof GateException -> null;
            case GuardedCall.Threw<?> t -> "untyped " + t.error();
            case GuardedCall.Hung<?> h -> "hung: ignored the KILLED interrupt";
        };
        if (problem != null) {
            failures.add(where + ": " + problem);
        }
        return problem == null;
    }

    /** The spectest module, plus zero-returning stubs for any other function import. */
    private static Imports imports(Engine engine, Module module) {
        Map<String, Extern> spectest = SpectestModule.create(engine);
        return imp -> {
            if (imp.module().equals("spectest")) {
                return spectest.get(imp.name());
            }
            if (imp.desc() instanceof ImportDesc.Func f && f.typeIndex() < module.types().size()) {
                FuncType type = module.types().get(f.typeIndex());
                return new HostFunction(type, (caller, args) -> new long[type.results().size()]);
            }
            return null;
        };
    }

    private static List<FunctionBody> bodies(byte[] module) {
        try {
            return Wasm.decode(module, WasmLimits.DEFAULT).code();
        } catch (GateException e) {
            return List.of();
        }
    }

    /**
     * One to three byte overwrites or bit flips inside function bodies, which keep the sections
     * intact and so more often give a module that still validates but runs different code.
     */
    static byte[] mutateCode(byte[] original, List<FunctionBody> code, Random random) {
        if (code.isEmpty()) {
            return mutate(original, random);
        }
        byte[] b = original.clone();
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            FunctionBody body = code.get(random.nextInt(code.size()));
            int length = body.end() - 1 - body.codeStart();
            if (length <= 0) {
                continue;
            }
            int at = body.codeStart() + random.nextInt(length);
            if (random.nextBoolean()) {
                b[at] = (byte) random.nextInt(256);
            } else {
                b[at] ^= (byte) (1 << random.nextInt(8));
            }
        }
        return b;
    }

    /** One to four edits: overwrite a byte, flip a bit, insert or delete a byte (after the header). */
    static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && b.length > 8; i++) {
            int at = 8 + random.nextInt(b.length - 8);
            switch (random.nextInt(4)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> {
                    byte[] n = new byte[b.length + 1];
                    System.arraycopy(b, 0, n, 0, at);
                    n[at] = (byte) random.nextInt(256);
                    System.arraycopy(b, at, n, at + 1, b.length - at);
                    b = n;
                }
                default -> {
                    byte[] n = new byte[b.length - 1];
                    System.arraycopy(b, 0, n, 0, at);
                    System.arraycopy(b, at + 1, n, at, b.length - at - 1);
                    b = n;
                }
            }
        }
        return b;
    }
}
