package gate.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gate.compiler.NativeStack;
import gate.compiler.gen.SiteKind;
import gate.compiler.testing.ModuleRunner;
import gate.compiler.testing.NativeCode;
import gate.engine.InstanceState;
import gate.engine.TrapId;
import java.io.IOException;
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
    private Differential d;

    @BeforeEach
    void load() throws IOException {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        d = new Differential("homes.wasm");
    }

    @AfterEach
    void unload() {
        if (d != null) {
            d.close();
        }
    }

    @Test
    void extraHomesComputeWhatTheInterpreterDoes() {
        for (long n : new long[] {1, 2, 17, 1000}) {
            d.check("spread", n);
            d.check("divides", n);
        }
        d.check("five", 3, 5, 7, 11, 13);
        d.check("five", -1, 0x7fffffff, 2, -9, 0x80000000L);
        long[] floats = new long[8];
        for (int k = 0; k < 8; k++) {
            floats[k] = Double.doubleToRawLongBits(1.5 + k * 0.25);
        }
        d.check("eight", floats);
        for (double seed : new double[] {1, 2, 17.9, 1000}) {
            d.check("seven", Double.doubleToRawLongBits(seed)); // rsi as a third extra home
        }
    }

    @Test
    void aSuspendedLoopHasEveryLocalInItsSlotAndResumes() {
        ModuleRunner runner = d.runner();
        int n = 9;
        long expected = runner.invoke("spread", new long[] {n}, 1).results()[0];
        ModuleRunner.Outcome outcome = runner.invoke("spread", new long[] {n}, 1, 1);
        assertEquals(TrapId.SUSPENDED.id, outcome.trap());
        assertEquals(SiteKind.LOOP, d.program.siteAt(runner.trapPc()).kind());
        List<InstanceState.Frame> frames = new NativeStack(d.program, d.module).walk(runner::read64,
                runner.trapSp(), runner.trapPc(), runner.textBase());
        assertEquals(1, frames.size());
        long half = Double.doubleToRawLongBits(0.5);
        assertArrayEquals(new long[] {n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6,
            Double.doubleToRawLongBits(n), 0, 0, 0, 0, 0, half, 0}, frames.get(0).locals());
        ModuleRunner.Outcome resumed = runner.resumeRebuilt(frames);
        assertEquals(-1, resumed.trap());
        assertEquals((int) expected, (int) resumed.results()[0]);
    }
}
