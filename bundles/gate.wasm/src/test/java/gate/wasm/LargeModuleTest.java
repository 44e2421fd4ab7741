package gate.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A 10 MB module of ordinary code decodes and validates; the time is printed for the record, not
 * asserted (machines are noisy).
 */
class LargeModuleTest {
    @Test
    void tenMegabytesOfCode() {
        byte[] body = body();
        int functions = 10_000_000 / body.length;
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.writeBytes(TestModules.u32(functions));
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        types.writeBytes(TestModules.u32(functions));
        for (int i = 0; i < functions; i++) {
            code.writeBytes(TestModules.u32(body.length));
            code.writeBytes(body);
            types.write(0);
        }
        byte[] module = TestModules.module()
                .section(1, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f)
                .section(3, types.toByteArray())
                .section(5, 0x01, 0x00, 0x01)
                .section(10, code.toByteArray())
                .build();
        // CPU time too: on a shared machine the wall time says more about the neighbours
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int run = 0; run < 8; run++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Module m = Wasm.load(module, WasmLimits.DEFAULT);
            best = Math.min(best, System.nanoTime() - start);
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
            assertEquals(functions, m.code().size());
        }
        System.out.printf("large module: %,d bytes, %,d functions, best decode+validate %d ms (%d ms CPU)%n",
                module.length, functions, best / 1_000_000, bestCpu / 1_000_000);
    }

    /** Locals, a loop with loads, arithmetic, a conditional branch and a call. */
    private static byte[] body() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(TestModules.of(0x01, 0x04, 0x7f, 0x02, 0x40, 0x03, 0x40));
        for (int i = 0; i < 40; i++) {
            b.writeBytes(TestModules.of(0x20, 0x00, 0x41, 0x10 + i, 0x6a, 0x28, 0x02, 2 * i, 0x21, 0x01));
        }
        b.writeBytes(TestModules.of(0x20, 0x01, 0x0d, 0x00, 0x0b, 0x0b, 0x20, 0x00, 0x10, 0x00, 0x0b));
        return b.toByteArray();
    }
}
