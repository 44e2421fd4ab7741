package gate.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compiles the project's C test programs (testdata/*.wasm, clang output with real code sections)
 * 300 times (the JIT needs that many to finish) and prints the code-section throughput of the
 * best round, by wall and by thread CPU time. A figure
 * for the report, not an assertion (machines are noisy).
 */
class CompileSpeedTest {
    private static final Path TESTDATA = Path.of("../../testdata");

    @Test
    void printsCompileSpeed() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(TESTDATA), "no testdata at " + TESTDATA);
        List<Module> modules = new ArrayList<>();
        try (Stream<Path> files = Files.list(TESTDATA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList()) {
                modules.add(Wasm.load(Files.readAllBytes(file), WasmLimits.DEFAULT));
            }
        }
        long code = 0;
        for (Module module : modules) {
            code += SpecModulesCompileTest.codeBytes(module);
            SpecModulesCompileTest.assertMapsConsistent(new Compiler(true).compile(module, -1));
        }
        Compiler compiler = new Compiler(true);
        // Wall time and this thread's CPU time: the CPU figure holds on a loaded machine.
        java.lang.management.ThreadMXBean threads =
                java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        long text = 0;
        for (int round = 0; round < 300; round++) {
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            text = 0;
            for (Module module : modules) {
                text += compiler.compile(module, -1).text().length;
            }
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
            best = Math.min(best, System.nanoTime() - start);
        }
        assertTrue(text > code, "text " + text + " for " + code + " code bytes");
        System.out.printf("compile speed: %d modules, %d code bytes -> %d text bytes, best "
                + "round %.1f ms wall = %.1f MB/s, %.1f ms CPU = %.1f MB/s%n", modules.size(),
                code, text, best / 1e6, code / (best / 1e9) / 1e6, bestCpu / 1e6,
                code / (bestCpu / 1e9) / 1e6);
    }
}
