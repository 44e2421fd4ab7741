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
 * return the checksum of the gcc build ({@code NAME.expected}). Prints the CPU time of the
 * compiled code and, when the native gcc -O2 binary is there, its CPU time too (figures, not
 * assertions).
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
        // CPU time of this thread (the native code runs on it): steadier than wall time on a
        // shared machine.
        java.lang.management.ThreadMXBean threads =
                java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            try (ModuleRunner runner = new ModuleRunner(program, module)) {
                assertEquals(-1, runner.invoke("_initialize", new long[0], 0).trap());
                long start = threads.getCurrentThreadCpuTime();
                ModuleRunner.Outcome outcome = runner.invoke("run", new long[0], 1);
                best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
                assertEquals(-1, outcome.trap(), "trap");
                assertEquals(expected, outcome.results()[0] & 0xffffffffL, name + " checksum");
            }
        }
        System.out.printf("bench %s: compiled best of %d %.1f ms CPU, gcc -O2 %s%n", name, RUNS,
                best / 1e6, gccTime(name));
    }

    private static final int RUNS = 3;

    private static String gccTime(String name) throws IOException, InterruptedException {
        Path binary = BENCH.resolve("native").resolve(name);
        if (!Files.isExecutable(binary)) {
            return "not built";
        }
        // CPU time (user + system) of GCC_RUNS runs through /usr/bin/time, whose resolution is
        // 10 ms: the average includes each process's start.
        Path time = Path.of("/usr/bin/time");
        if (!Files.isExecutable(time)) {
            return "no /usr/bin/time";
        }
        String loop = "i=0; while [ $i -lt " + GCC_RUNS + " ]; do \"$0\" >/dev/null; "
                + "i=$((i+1)); done";
        Process process = new ProcessBuilder(time.toString(), "-f", "%U %S", "sh", "-c", loop,
                binary.toAbsolutePath().toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(process.getErrorStream().readAllBytes()).strip();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timed out";
        }
        String[] lines = err.split("\n");
        String[] fields = lines[lines.length - 1].trim().split(" ");
        double seconds = Double.parseDouble(fields[0]) + Double.parseDouble(fields[1]);
        return String.format("%.1f ms CPU (average of %d processes)",
                seconds * 1000 / GCC_RUNS, GCC_RUNS);
    }

    private static final int GCC_RUNS = 20;
}
