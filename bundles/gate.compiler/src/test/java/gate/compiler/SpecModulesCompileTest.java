package gate.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.wasm.FunctionBody;
import gate.wasm.GateException;
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
 * Every valid module of the WebAssembly spec test suite (when present) compiles without an
 * exception, and the text's maps are consistent. Prints the compile speed on a warm JVM.
 */
class SpecModulesCompileTest {
    private static final Path SUITE = Path.of("/work/shared/wasm-testsuite/core");

    static List<Module> validModules() throws IOException {
        List<Module> modules = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SUITE)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList()) {
                try {
                    modules.add(Wasm.load(Files.readAllBytes(file), WasmLimits.DEFAULT));
                } catch (GateException e) {
                    // invalid, malformed or SIMD: not for the compiler
                }
            }
        }
        return modules;
    }

    static long codeBytes(Module module) {
        long bytes = 0;
        for (FunctionBody body : module.code()) {
            bytes += body.end() - body.bodyStart();
        }
        return bytes;
    }

    /**
     * Functions occupy disjoint, ascending text ranges; every stack map entry and trap range of a
     * function lies inside it; entry-routine and thunk sites (function -1) lie outside all.
     */
    static void assertMapsConsistent(CompiledProgram program) {
        int previousEnd = 0;
        for (int i = 0; i < program.functions().size(); i++) {
            var f = program.functions().get(i);
            assertEquals(i, f.index());
            assertTrue(f.textStart() >= previousEnd && f.textEnd() > f.textStart(), f.toString());
            previousEnd = f.textEnd();
        }
        for (var site : program.sites()) {
            var owner = program.functionAt(site.textOffset() - 1);
            if (site.function() < 0) {
                assertEquals(null, owner, site.toString());
            } else {
                assertEquals(site.function(), owner.index(), site.toString());
            }
        }
        for (var range : program.trapRanges()) {
            var owner = program.functionAt(range.textStart());
            assertEquals(range.function(), owner.index(), range.toString());
            assertTrue(range.textEnd() <= owner.textEnd(), range.toString());
        }
    }

    @Test
    void everyValidSpecModuleCompiles() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SUITE), "no spec test suite at " + SUITE);
        List<Module> modules = validModules();
        assertTrue(modules.size() > 1000, "only " + modules.size() + " valid modules");
        Compiler compiler = new Compiler(true);
        long code = 0;
        for (Module module : modules) {
            CompiledProgram program = compiler.compile(module, -1);
            assertEquals(module.functionCount(), program.functions().size());
            assertMapsConsistent(program);
            code += codeBytes(module);
        }
        // Warm: a second and third pass, timed (printed, not asserted: machines are noisy).
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (Module module : modules) {
                compiler.compile(module, -1);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("compile speed: %d modules, %d code bytes in %.1f ms = %.1f MB/s%n",
                modules.size(), code, best / 1e6, code / (best / 1e9) / 1e6);
    }
}
