package gate.bench;

import gate.engine.Engines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every benchmark kernel once on the interp engine: real clang output (recursion, memory loops,
 * f64, 64-bit hashing, indirect calls, br_table dispatch, malloc) must return the checksum its
 * native build printed.
 */
class KernelsTest {
    @ParameterizedTest
    @ValueSource(strings = {"fib", "sieve", "mandelbrot", "hash", "indirect", "bytecode", "malloc"})
    void kernelReturnsTheNativeChecksum(String kernel) throws Exception {
        Path file = Path.of(System.getProperty("gate.benchdata", "../../testdata/bench"), kernel + ".wasm");
        Assumptions.assumeTrue(Files.isRegularFile(file), "benchmark kernel not found: " + file);
        Long expected = Bench.expected(file);
        assertNotNull(expected, "no " + kernel + ".expected");
        Measurement m = Bench.measure(new GateTarget(Engines.find("interp")), file, kernel, "run", 1);
        assertEquals(Long.toUnsignedString(expected), Long.toUnsignedString(m.result()));
    }
}
