package gate.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.abi.AbiConfig;
import gate.abi.InstancePipe;
import gate.abi.ProgramAbi;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When an instance runs the ABI inside its sandbox (notes/s8/abi-native.md §1), and the end of a
 * run there: the exit value of proc_exit, and a session stream that ends (stdin EOF).
 */
class AbiModeTest {
    private static NativeEngine engine;
    private static Module echo;
    private static Module exit;

    @BeforeAll
    static void setUp() throws Exception {
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        engine = new NativeEngine(TestPrograms.config(), new ProgramCache(cache.resolve("abimode-programs")));
        echo = Wasm.load(Files.readAllBytes(Path.of("../../testdata/echo.wasm")), WasmLimits.DEFAULT);
        exit = Wasm.load(Files.readAllBytes(Path.of("../../testdata/exit.wasm")), WasmLimits.DEFAULT);
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    private static NativeInstance instantiate(Module module, InstancePipe pipe, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("p"));
        argv.addAll(List.of(args));
        Program program = engine.compile(module);
        return (NativeInstance) program.instantiate(ProgramAbi.create(module, pipe, AbiConfig.of(argv)),
                InstanceLimits.DEFAULT);
    }

    @Test
    void programAbiImportsRunInTheSandbox() {
        ListeningPipe pipe = new ListeningPipe();
        pipe.input(new byte[0], true);
        try (NativeInstance i = instantiate(echo, pipe)) {
            assertTrue(i.inAbiMode());
            assertEquals(0, i.invoke("_start").length); // stdin EOF: echo returns
        }
    }

    @Test
    void theHostPathWhenAskedForOrWhenThePipeCannotNotify() {
        System.setProperty(AbiMode.PROPERTY, "host");
        try (NativeInstance i = instantiate(echo, new ListeningPipe())) {
            assertFalse(i.inAbiMode());
        } finally {
            System.clearProperty(AbiMode.PROPERTY);
        }
        ListeningPipe silent = new ListeningPipe() {
            @Override
            public synchronized boolean listen(java.util.function.IntConsumer l) {
                return false;
            }

            @Override
            public int await(int events, long timeoutNanos) {
                return events & READABLE; // the stream below has ended: readable at once
            }
        };
        silent.input(new byte[0], true);
        try (NativeInstance i = instantiate(echo, silent)) {
            assertFalse(i.inAbiMode());
            assertEquals(0, i.invoke("_start").length); // the Java ABI over the host slot
        }
    }

    /** A violation in the sandbox reads as gate.abi's: its debug line and the calling function. */
    @Test
    void aViolationNamesItsReasonAndTheCaller() throws Exception {
        Module bad = Wasm.load(Files.readAllBytes(Path.of("../../testdata/bad_pointer.wasm")), WasmLimits.DEFAULT);
        ListeningPipe pipe = new ListeningPipe();
        TrapException inSandbox;
        try (NativeInstance i = instantiate(bad, pipe)) {
            assertTrue(i.inAbiMode());
            inSandbox = org.junit.jupiter.api.Assertions.assertThrows(TrapException.class, () -> i.invoke("_start"));
        }
        ListeningPipe javaPipe = new ListeningPipe();
        TrapException inJava;
        try (Instance i = new gate.interp.InterpreterEngine().compile(bad).instantiate(
                ProgramAbi.create(bad, javaPipe, AbiConfig.of(List.of("p"))), InstanceLimits.DEFAULT)) {
            inJava = org.junit.jupiter.api.Assertions.assertThrows(TrapException.class, () -> i.invoke("_start"));
        }
        assertEquals(TrapId.ABI_VIOLATION, inSandbox.trap());
        assertEquals(inJava.trap(), inSandbox.trap());
        assertEquals(inJava.wasmStackTrace(), inSandbox.wasmStackTrace());
        assertEquals(new String(javaPipe.debugBytes()), new String(pipe.debugBytes()));
        assertTrue(new String(pipe.debugBytes()).startsWith("gate: ABI violation: "));
    }

    /**
     * A deficiency stops at the import and leaves the instance suspended; resuming retries the
     * call in the sandbox (here it fails again: the limit still holds), it does not skip it.
     */
    @Test
    void aDeficiencyIsResumableAndRetriesTheCall() throws Exception {
        Module random = NativeEngineTest.module("randomget");
        AbiConfig config = new AbiConfig(List.of("p"), List.of(), 1, new java.security.SecureRandom(), 8, 65536);
        ListeningPipe pipe = new ListeningPipe();
        try (Instance i = engine.compile(random).instantiate(ProgramAbi.create(random, pipe, config),
                InstanceLimits.DEFAULT)) {
            assertTrue(((NativeInstance) i).inAbiMode());
            assertEquals(0, i.invoke("get", 0, 8)[0]); // the whole allowance
            TrapException first = org.junit.jupiter.api.Assertions.assertThrows(TrapException.class,
                    () -> i.invoke("get", 0, 1));
            assertEquals(TrapId.ABI_DEFICIENCY, first.trap());
            assertTrue(i.isSuspended());
            TrapException again = org.junit.jupiter.api.Assertions.assertThrows(TrapException.class, i::resume);
            assertEquals(TrapId.ABI_DEFICIENCY, again.trap());
            String debug = new String(pipe.debugBytes());
            assertEquals(2, debug.split("gate: ABI deficiency: ", -1).length - 1, debug);
        }
    }

    /** A kill ends an instance whose session takes none of its output (the engine stops waiting). */
    @Test
    void aKillEndsAnInstanceWhoseSessionTakesNothing() throws Exception {
        java.util.concurrent.CountDownLatch refused = new java.util.concurrent.CountDownLatch(1);
        ListeningPipe pipe = new ListeningPipe() {
            @Override
            public synchronized int write(byte[] src, int offset, int length) {
                refused.countDown();
                return 0; // echo's stdin grant never gets through
            }
        };
        try (NativeInstance i = instantiate(echo, pipe)) {
            java.util.concurrent.CompletableFuture<TrapId> outcome = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    i.invoke("_start");
                    return null;
                } catch (TrapException e) {
                    return e.trap();
                }
            });
            refused.await();
            i.interrupt(TrapId.KILLED);
            pipe.wakeUp();
            // the bound only keeps a broken build from hanging; nothing is timed
            assertEquals(TrapId.KILLED, outcome.get(5, java.util.concurrent.TimeUnit.MINUTES));
        }
    }

    @Test
    void procExitValueReachesTheJvm() {
        for (int code : new int[] {0, 1, 7, 255}) {
            try (NativeInstance i = instantiate(exit, new ListeningPipe(), Integer.toString(code))) {
                assertTrue(i.inAbiMode());
                if (code == 0) {
                    assertEquals(0, i.invoke("_start").length); // exit(0) from main is a normal return
                    continue;
                }
                TrapException e = org.junit.jupiter.api.Assertions.assertThrows(TrapException.class,
                        () -> i.invoke("_start"));
                assertEquals(TrapId.EXIT, e.trap());
                assertEquals(code, e.exitCode());
            }
        }
    }
}
