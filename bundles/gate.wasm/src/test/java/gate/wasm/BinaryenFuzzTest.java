package gate.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random valid modules from binaryen ({@code wasm-opt -ttf}, see wasm-toolchain.md §3) built from
 * seeded random bytes must load. Skipped when {@code wasm-opt} is not on the PATH.
 *
 * <p>binaryen 108 with reference types enabled also emits post-2.0 types (0x6b), so those modules
 * are compared against wabt's {@code wasm-validate} instead: same verdict, or at least a typed
 * rejection when wabt is absent.
 */
class BinaryenFuzzTest {
    private static final int MODULES = Integer.getInteger("gate.ttf.modules", 12);
    private static final List<String> FEATURES = List.of("--enable-sign-ext", "--enable-nontrapping-float-to-int",
            "--enable-bulk-memory", "--enable-multivalue", "--enable-mutable-globals");

    @TempDir
    Path temp;

    @Test
    void generatedModulesLoad() throws Exception {
        Assumptions.assumeTrue(ExternalTools.onPath("wasm-opt"), "wasm-opt not on PATH: binaryen fuzz test skipped");
        boolean wabt = ExternalTools.onPath("wasm-validate");
        long seed = FuzzSeed.get();
        Random random = new Random(seed);
        int comparedWithWabt = 0;
        for (int i = 0; i < MODULES; i++) {
            byte[] noise = new byte[1024 + random.nextInt(64 * 1024)];
            random.nextBytes(noise);
            boolean referenceTypes = i % 3 == 2;
            Path module = generate(noise, referenceTypes, i);
            String verdict = SpecSuiteTest.verdict(Files.readAllBytes(module));
            String where = "seed " + seed + " module " + i + (referenceTypes ? " (reference types)" : "");
            if (!referenceTypes) {
                assertEquals("VALID", verdict, where);
            } else if (wabt) {
                boolean wabtValid = run(List.of("wasm-validate", module.toString())) == 0;
                assertEquals(wabtValid, verdict.equals("VALID"), where + ": wabt says " + (wabtValid ? "valid" : "invalid")
                        + ", Gate says " + verdict);
                comparedWithWabt++;
            } else {
                assertTrue(verdict.equals("VALID") || verdict.contains("module"), where + ": " + verdict);
            }
        }
        System.out.println("binaryen fuzz: seed " + seed + ", " + MODULES + " modules, " + comparedWithWabt
                + " compared with wabt");
    }

    private Path generate(byte[] noise, boolean referenceTypes, int index) throws Exception {
        Path input = temp.resolve("noise" + index + ".bin");
        Path output = temp.resolve("module" + index + ".wasm");
        Files.write(input, noise);
        List<String> command = new ArrayList<>(List.of("wasm-opt", input.toString(), "-ttf"));
        command.addAll(FEATURES);
        if (referenceTypes) {
            command.add("--enable-reference-types");
        }
        command.addAll(List.of("-o", output.toString()));
        assertEquals(0, run(command), "wasm-opt failed: " + command);
        return output;
    }

    private int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("tool.log").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return process.exitValue();
    }
}
