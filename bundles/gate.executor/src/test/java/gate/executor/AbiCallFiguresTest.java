package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import gate.abi.AbiConfig;
import gate.abi.ProgramAbi;
import gate.engine.Engine;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.interp.InterpreterEngine;
import gate.wasm.Module;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Figures, correctness only as assertions (the machine is shared): what one call of an imported
 * ABI function costs (clock_time_get in a loop, clockloop.wat) when the runtime serves it inside
 * the sandbox (ABI mode, notes/s8/abi-native.md), when the JVM serves it through the host slot
 * ({@code -Dgate.native.abi=host}), and on the interpreter. {@code -Dgate.abi.calls=N} (100,000).
 */
class AbiCallFiguresTest {
    private static final int RUNS = 7;

    @Test
    void clockTimeGetPerCall() throws Exception {
        int calls = Integer.getInteger("gate.abi.calls", 100_000);
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        Module module = NativeEngineTest.module("clockloop");
        NativeEngine engine = new NativeEngine(TestPrograms.config(), new ProgramCache(cache.resolve("abicall-programs")));
        try {
            print("native, ABI mode (in the sandbox)", perCall(engine, module, calls, null));
            print("native, host path (-Dgate.native.abi=host)", perCall(engine, module, Math.max(1, calls / 10), "host"));
        } finally {
            engine.close();
        }
        print("interp", perCall(new InterpreterEngine(), module, calls, null));
    }

    /** Nanoseconds per call of each timed run, sorted. */
    private static long[] perCall(Engine engine, Module module, int calls, String abiProperty) {
        String before = System.getProperty(AbiMode.PROPERTY);
        if (abiProperty != null) {
            System.setProperty(AbiMode.PROPERTY, abiProperty);
        }
        try (Instance i = engine.compile(module).instantiate(
                ProgramAbi.create(module, new ListeningPipe(), AbiConfig.of(List.of("clockloop"))), InstanceLimits.DEFAULT)) {
            assertArrayEquals(new long[] {0}, i.invoke("loop", calls)); // warm-up; every call succeeded
            long[] ns = new long[RUNS];
            for (int r = 0; r < RUNS; r++) {
                long t = System.nanoTime();
                assertArrayEquals(new long[] {0}, i.invoke("loop", calls));
                ns[r] = (System.nanoTime() - t) / calls;
            }
            Arrays.sort(ns);
            return ns;
        } finally {
            if (before == null) {
                System.clearProperty(AbiMode.PROPERTY);
            } else {
                System.setProperty(AbiMode.PROPERTY, before);
            }
        }
    }

    private static void print(String what, long[] ns) {
        System.out.printf("gate.executor figures: clock_time_get per call, %s: min %d ns, median %d ns (%d runs)%n",
                what, ns[0], ns[ns.length / 2], ns.length);
    }
}
