package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NativeEngineTest {
    private static NativeEngine engine;
    private static Program basic;

    static Module module(String name) throws IOException {
        try (InputStream in = NativeEngineTest.class.getResourceAsStream("/wat/" + name + ".wasm")) {
            return Wasm.load(in.readAllBytes(), WasmLimits.DEFAULT);
        }
    }

    @BeforeAll
    static void setUp() throws IOException {
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        engine = new NativeEngine(TestPrograms.config(), new ProgramCache(cache.resolve("engine-programs")));
        basic = engine.compile(module("basic"));
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void isAvailableHere() {
        assertTrue(engine.isAvailable());
    }

    @Test
    void invokesExportsWithStartFunctionDataAndTables() {
        try (Instance i = basic.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            assertArrayEquals(new long[] {5}, i.invoke("add", 2, 3));
            assertArrayEquals(new long[] {0xffff_fffeL}, i.invoke("add", 0xffff_ffffL, 0xffff_ffffL));
            assertArrayEquals(new long[] {0x65746167L}, i.invoke("load", 16)); // "gate"
            assertArrayEquals(new long[] {99}, i.invoke("load", 32)); // written by the start function
            assertArrayEquals(new long[] {8}, i.invoke("bump"));
            assertArrayEquals(new long[] {9}, i.invoke("bump"));
            assertArrayEquals(new long[] {11}, i.invoke("call0", 5, 6));
            InstanceState s = i.captureState();
            assertArrayEquals(new long[] {9}, s.globals());
            assertEquals(65536, s.memory().length);
            assertEquals(99, s.memory()[32]);
            assertArrayEquals(new long[] {0, -1}, s.tables().get(0));
            assertTrue(s.stack().isEmpty());
            try (Instance copy = basic.restore(s, Imports.NONE, InstanceLimits.DEFAULT)) {
                assertArrayEquals(new long[] {10}, copy.invoke("bump"));
                assertArrayEquals(new long[] {99}, copy.invoke("load", 32));
            }
        }
    }

    @Test
    void outOfBoundsAccessTraps() {
        try (Instance i = basic.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            TrapException e = assertThrows(TrapException.class, () -> i.invoke("load", 65534));
            assertEquals(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS, e.trap());
            assertEquals(1, e.wasmStackTrace().size());
            // the instance stays usable after a trap
            assertArrayEquals(new long[] {3}, i.invoke("add", 1, 2));
        }
    }

    @Test
    void fiftyConcurrentInstancesSomeTrapping() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int k = 0; k < 50; k++) {
                int n = k;
                results.add(pool.submit(() -> {
                    try (Instance i = basic.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
                        if (n % 3 == 0) {
                            try {
                                i.invoke("load", 70000);
                                return "no trap";
                            } catch (TrapException e) {
                                return e.trap().name();
                            }
                        }
                        return Long.toString(i.invoke("add", n, 1000)[0]);
                    }
                }));
            }
            for (int k = 0; k < 50; k++) {
                String expected = k % 3 == 0 ? "MEMORY_ACCESS_OUT_OF_BOUNDS" : Integer.toString(k + 1000);
                assertEquals(expected, results.get(k).get(120, java.util.concurrent.TimeUnit.SECONDS), "instance " + k);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deepRecursionExhaustsTheStack() {
        try (Instance i = basic.instantiate(Imports.NONE, new InstanceLimits(16, 64 * 1024))) {
            assertArrayEquals(new long[] {100}, i.invoke("deep", 100));
            TrapException e = assertThrows(TrapException.class, () -> i.invoke("deep", 1_000_000));
            assertEquals(TrapId.CALL_STACK_EXHAUSTED, e.trap());
        }
    }

    @Test
    void endlessLoopSuspendsResumesAndIsKilled() throws Exception {
        try (Instance i = basic.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            interruptSoon(i, TrapId.SUSPENDED);
            TrapException e = assertThrows(TrapException.class, () -> i.invoke("spin"));
            assertEquals(TrapId.SUSPENDED, e.trap());
            assertTrue(i.isSuspended());
            interruptSoon(i, TrapId.SUSPENDED);
            e = assertThrows(TrapException.class, i::resume);
            assertEquals(TrapId.SUSPENDED, e.trap());
            interruptSoon(i, TrapId.KILLED);
            e = assertThrows(TrapException.class, i::resume);
            assertEquals(TrapId.KILLED, e.trap());
            assertFalse(i.isSuspended());
        }
    }

    @Test
    void interruptBeforeInvokeAppliesToTheNextExecution() {
        try (Instance i = basic.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            i.interrupt(TrapId.KILLED);
            TrapException e = assertThrows(TrapException.class, () -> i.invoke("spin"));
            assertEquals(TrapId.KILLED, e.trap());
        }
    }

    /** Interrupts from another thread once the execution has had a moment to start (either way works). */
    private static void interruptSoon(Instance i, TrapId reason) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            i.interrupt(reason);
        });
        t.setDaemon(true);
        t.start();
    }
}
