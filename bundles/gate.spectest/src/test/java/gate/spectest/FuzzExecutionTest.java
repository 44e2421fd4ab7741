package gate.spectest;

import gate.engine.Engines;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Engine;
import gate.wasm.GateException;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random valid modules from {@code wasm-opt -ttf} (binaryen) run on the interp engine and are
 * compared with binaryen's own run ({@code --fuzz-exec-before}). Bounded: at most {@link #MODULES}
 * modules and about {@link #BUDGET} of generation. Seeded: {@code -Dgate.fuzz.seed=N} repeats a run;
 * the seed is in every failure message, and failing modules are kept in {@code target/fuzz-failures}.
 * Half the modules also enable binaryen's reference types; binaryen 108 implements a pre-standard
 * variant of them, so those modules run only when wabt agrees they are valid WebAssembly 2.0, and
 * Gate's validator must agree with wabt on every module. Each module runs twice: plainly, and with
 * every call suspended at up to {@link #SUSPENSION_STEPS} suspension points and continued on an
 * instance restored from the captured state; both must print what binaryen printed.
 */
class FuzzExecutionTest {
    private static final int MODULES = 60;
    private static final int SUSPENSION_STEPS = 50;
    private static final Duration BUDGET = Duration.ofSeconds(90);

    @Test
    void randomModulesRunLikeBinaryen(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Binaryen.available("wasm-opt"), "wasm-opt (binaryen) not installed; fuzz test skipped");
        boolean wabt = Binaryen.available("wasm-validate");
        long seed = FuzzSeed.get();
        Engine engine = Engines.find("interp");
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        int ran = 0;
        int compared = 0;
        long deadline = System.nanoTime() + BUDGET.toNanos() * FuzzSeed.scale();
        try (GuardedCall guard = new GuardedCall(Duration.ofSeconds(20), Duration.ofSeconds(10))) {
            for (int i = 0; i < MODULES * FuzzSeed.scale() && System.nanoTime() < deadline; i++) {
                long moduleSeed = random.nextLong();
                List<String> features = new ArrayList<>(Binaryen.FEATURES);
                if (i % 2 == 1) {
                    features.add(Binaryen.REFERENCE_TYPES);
                }
                Path bytes = dir.resolve("random.bin");
                byte[] noise = new byte[1000 + new Random(moduleSeed).nextInt(24000)];
                new Random(moduleSeed).nextBytes(noise);
                Files.write(bytes, noise);
                Path wasm = dir.resolve("m.wasm");
                Binaryen.generate(bytes, features, wasm);
                String problem = check(engine, wasm, features, wabt, guard);
                ran++;
                if (problem == null) {
                    compared++;
                } else if (!problem.isEmpty()) {
                    Path kept = keep(wasm, seed, i);
                    failures.add("module " + i + " (" + kept + "): " + problem);
                }
            }
        }
        System.out.println("fuzz-exec: seed " + seed + ", " + ran + " modules, " + compared + " run and compared");
        assertTrue(failures.isEmpty(), "seed " + seed + " (-Dgate.fuzz.seed=" + seed + "):\n  "
                + String.join("\n  ", failures));
    }

    /** Null when run and equal to binaryen, "" when not runnable (not 2.0), else the problem. */
    private static String check(Engine engine, Path wasm, List<String> features, boolean wabt, GuardedCall guard)
            throws Exception {
        byte[] binary = Files.readAllBytes(wasm);
        Boolean valid = wabt ? Binaryen.wabtValid(wasm) : null;
        Module module;
        try {
            module = Wasm.load(binary, WasmLimits.DEFAULT);
        } catch (GateException e) {
            if (Boolean.FALSE.equals(valid) || valid == null && features.contains(Binaryen.REFERENCE_TYPES)) {
                return "";
            }
            return (valid == null ? "rejected by Gate, but binaryen made it without reference types: "
                    : "rejected by Gate but valid for wabt: ") + e.getMessage();
        }
        if (Boolean.FALSE.equals(valid)) {
            return "accepted by Gate but invalid for wabt (wasm-validate " + wasm + ")";
        }
        List<String> expected = Binaryen.fuzzExec(wasm, features);
        // Once plainly, once suspended at many points and continued through captured states.
        for (int steps : new int[] {0, SUSPENSION_STEPS}) {
            FuzzExecRun run = new FuzzExecRun(steps);
            run.run(engine, module, guard);
            String mode = steps == 0 ? "" : " (suspended and restored at up to " + steps + " points per call)";
            if (!run.problems.isEmpty()) {
                return String.join("; ", run.problems) + mode;
            }
            String difference = FuzzExecComparison.firstDifference(expected, run.lines);
            if (difference != null) {
                return difference + mode;
            }
        }
        return null;
    }

    private static Path keep(Path wasm, long seed, int index) throws java.io.IOException {
        Path dir = Path.of("target", "fuzz-failures");
        Files.createDirectories(dir);
        Path kept = dir.resolve("seed" + seed + "-" + index + ".wasm");
        Files.copy(wasm, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return kept.toAbsolutePath();
    }
}
