package gate.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gate.compiler.gen.SiteKind;
import gate.compiler.testing.ModuleRunner;
import gate.compiler.testing.NativeCode;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
import gate.engine.TrapId;
import gate.interp.InterpreterEngine;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Call-free bodies keep more locals in registers (rdx, rdi, rsi, xmm7, xmm6; LocalHomes): they
 * compute what the interpreter does, also where arguments arrive in those registers or
 * instructions need them, and a suspension at a loop finds every local in its slot and
 * resumes from it (homes.wat).
 */
class HomesTest {
    private Module module;
    private CompiledProgram program;
    private ModuleRunner runner;
    private Instance interp;

    @BeforeEach
    void load() throws IOException {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        try (InputStream in = HomesTest.class.getResourceAsStream("/homes.wasm")) {
            module = Wasm.load(in.readAllBytes(), WasmLimits.DEFAULT);
        }
        program = new Compiler(true).compile(module, -1);
        runner = new ModuleRunner(program, module);
        interp = new InterpreterEngine().compile(module)
                .instantiate(Imports.NONE, InstanceLimits.DEFAULT);
    }

    @AfterEach
    void unload() {
        if (runner != null) {
            runner.close();
            interp.close();
        }
    }

    private void check(String export, long... args) {
        long expected = interp.invoke(export, args)[0];
        ModuleRunner.Outcome outcome = runner.invoke(export, args, 1);
        assertEquals(-1, outcome.trap(), export);
        assertEquals(expected, outcome.results()[0], export);
    }

    @Test
    void extraHomesComputeWhatTheInterpreterDoes() {
        for (long n : new long[] {1, 2, 17, 1000}) {
            check("spread", n);
            check("divides", n);
        }
        check("five", 3, 5, 7, 11, 13);
        check("five", -1, 0x7fffffff, 2, -9, 0x80000000L);
        long[] floats = new long[8];
        for (int k = 0; k < 8; k++) {
            floats[k] = Double.doubleToRawLongBits(1.5 + k * 0.25);
        }
        check("eight", floats);
        for (double seed : new double[] {1, 2, 17.9, 1000}) {
            check("seven", Double.doubleToRawLongBits(seed)); // rsi as a third extra home
        }
    }

    @Test
    void aSuspendedLoopHasEveryLocalInItsSlotAndResumes() {
        int n = 9;
        long expected = runner.invoke("spread", new long[] {n}, 1).results()[0];
        ModuleRunner.Outcome outcome = runner.invoke("spread", new long[] {n}, 1, 1);
        assertEquals(TrapId.SUSPENDED.id, outcome.trap());
        assertEquals(SiteKind.LOOP, program.siteAt(runner.trapPc()).kind());
        List<InstanceState.Frame> frames = new NativeStack(program, module).walk(runner::read64,
                runner.trapSp(), runner.trapPc(), runner.textBase());
        assertEquals(1, frames.size());
        long half = Double.doubleToRawLongBits(0.5);
        assertArrayEquals(new long[] {n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6,
            Double.doubleToRawLongBits(n), 0, 0, 0, 0, 0, half, 0}, frames.get(0).locals());
        try (com.sun.jna.Memory stack = new com.sun.jna.Memory(1 << 16)) {
            long base = com.sun.jna.Pointer.nativeValue(stack);
            NativeStack.Rebuilt rebuilt = new NativeStack(program, module).rebuild(frames,
                    (address, value) -> stack.setLong(address - base, value), base + (1 << 16),
                    runner.textBase(), runner.unwindAddress());
            assertEquals(-1, runner.resume(rebuilt.sp(), base + 4096));
            assertEquals((int) expected,
                    (int) stack.getLong(rebuilt.outermostRbp() + 16 - base));
        }
    }
}
