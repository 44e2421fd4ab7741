package gate.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gate.compiler.CompiledProgram;
import gate.compiler.Compiler;
import gate.compiler.testing.ModuleRunner;
import gate.compiler.testing.NativeCode;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The C benchmark kernels (testdata/bench) compiled and run natively: each {@code run()} must
 * return the checksum of the gcc build ({@code NAME.expected}). Prints the time of the compiled
 * code and, when the native gcc -O2 binary is there, its time too (figures, not assertions).
 */
class BenchKernelsTest {
    private static final Path BENCH = Path.of("../../testdata/bench");

    @ParameterizedTest
    @ValueSource(strings = {"fib", "sieve", "mandelbrot", "hash", "indirect", "bytecode",
        "malloc"})
    void kernelReturnsTheNativeChecksum(String name) throws Exception {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        Path wasm = BENCH.resolve(name + ".wasm");
        Assumptions.assumeTrue(Files.exists(wasm), "no " + wasm);
        Module module = Wasm.load(Files.readAllBytes(wasm), WasmLimits.DEFAULT);
        CompiledProgram program = new Compiler(true).compile(module, -1);
        long expected = Long.parseLong(Files.readString(BENCH.resolve(name + ".expected")).trim());
        long best = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            try (ModuleRunner runner = new ModuleRunner(program, module)) {
                assertEquals(-1, runner.invoke("_initialize", new long[0], 0).trap());
                long start = System.nanoTime();
                ModuleRunner.Outcome outcome = runner.invoke("run", new long[0], 1);
                best = Math.min(best, System.nanoTime() - start);
                assertEquals(-1, outcome.trap(), "trap");
                assertEquals(expected, outcome.results()[0] & 0xffffffffL, name + " checksum");
            }
        }
        System.out.printf("bench %s: compiled best of %d %.1f ms, gcc -O2 %s%n", name, RUNS,
                best / 1e6, gccTime(name));
    }

    private static final int RUNS = 3;

    private static String gccTime(String name) throws IOException, InterruptedException {
        Path binary = BENCH.resolve("native").resolve(name);
        if (!Files.isExecutable(binary)) {
            return "not built";
        }
        long best = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(binary.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "timed out";
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        return String.format("best of %d %.1f ms (whole process)", RUNS, best / 1e6);
    }
}
