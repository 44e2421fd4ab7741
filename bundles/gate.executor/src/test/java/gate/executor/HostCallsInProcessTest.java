package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Extern;
import gate.engine.HostFunction;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.FuncType;
import gate.wasm.ValType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls of host functions served while the instance process waits in the runtime's host slot
 * (runtime.native DESIGN.md §5): results, memory seen by the host, and the stop at a call when the
 * host function ends with a trap.
 */
class HostCallsInProcessTest {
    private static final int CALLS = 20_000;

    private static NativeEngine engine;
    private static Program program;

    @BeforeAll
    static void setUp() throws Exception {
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        engine = new NativeEngine(TestPrograms.config(), new ProgramCache(cache.resolve("hostloop-programs")));
        program = engine.compile(NativeEngineTest.module("hostloop"));
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    private static Imports imports(Supplier<long[]> block) {
        Map<String, Extern> env = Map.of(
                "add", new HostFunction(new FuncType(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)),
                        (caller, args) -> new long[] {(args[0] + args[1]) & 0xffff_ffffL}),
                "poke", new HostFunction(new FuncType(List.of(ValType.I32), List.of()), (caller, args) -> {
                    caller.memory().write(args[0], new byte[] {42, 0, 0, 0}, 0, 4);
                    return new long[0];
                }),
                "block", new HostFunction(new FuncType(List.of(), List.of(ValType.I64)),
                        (caller, args) -> block.get()));
        return imp -> imp.module().equals("env") ? env.get(imp.name()) : null;
    }

    @Test
    void manyCallsInOneRunGiveTheRightResult() throws Exception {
        try (Instance i = program.instantiate(imports(() -> new long[] {0}), InstanceLimits.DEFAULT)) {
            i.invoke("sum", 100); // warm-up: the JIT and the process pool
            long started = System.nanoTime();
            long[] sum = i.invoke("sum", CALLS);
            long elapsed = System.nanoTime() - started;
            assertArrayEquals(new long[] {(long) CALLS * (CALLS - 1) / 2 & 0xffff_ffffL}, sum);
            System.out.printf("gate.executor figures: host call served in process, %d calls in one run: %.1f us per call%n",
                    CALLS, elapsed / 1000.0 / CALLS);
        }
    }

    @Test
    void theHostSeesAndWritesTheLiveMemoryIncludingGrownPages() throws Exception {
        try (Instance i = program.instantiate(imports(() -> new long[] {0}), InstanceLimits.DEFAULT)) {
            assertArrayEquals(new long[] {42}, i.invoke("poked"));
            assertArrayEquals(new long[] {42}, i.invoke("grow_poke"));
        }
    }

    @Test
    void aHostTrapThatIsResumableSuspendsAtTheCallAndResumeRetriesIt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<long[]> block = () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new TrapException(TrapId.SUSPENDED);
            }
            return new long[] {41};
        };
        try (Instance i = program.instantiate(imports(block), InstanceLimits.DEFAULT)) {
            TrapException e = assertThrows(TrapException.class, () -> i.invoke("waits", 1));
            assertEquals(TrapId.SUSPENDED, e.trap());
            assertTrue(i.isSuspended());
            InstanceState state = i.captureState();
            assertFalse(state.stack().isEmpty(), "the caller's frame, waiting at the import call");
            assertArrayEquals(new long[] {42}, i.resume());
            assertEquals(2, attempts.get());
        }
    }

    @Test
    void aHostExitEndsTheInstanceWithItsCode() throws Exception {
        try (Instance i = program.instantiate(imports(() -> {
            throw TrapException.exit(3);
        }), InstanceLimits.DEFAULT)) {
            TrapException e = assertThrows(TrapException.class, () -> i.invoke("waits", 1));
            assertEquals(TrapId.EXIT, e.trap());
            assertEquals(3, e.exitCode());
            assertFalse(i.isSuspended());
        }
    }

    @Test
    void aKillDuringABlockedHostCallEndsTheInstanceAsKilled() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch woken = new CountDownLatch(1);
        Supplier<long[]> block = () -> {
            entered.countDown();
            try {
                woken.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new TrapException(TrapId.SUSPENDED); // how gate.abi answers a wake-up
        };
        try (Instance i = program.instantiate(imports(block), InstanceLimits.DEFAULT)) {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread runner = new Thread(() -> {
                try {
                    i.invoke("waits", 1);
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            runner.start();
            assertTrue(entered.await(60, TimeUnit.SECONDS));
            i.interrupt(TrapId.KILLED);
            woken.countDown();
            runner.join(60_000);
            assertTrue(outcome.get() instanceof TrapException t && t.trap() == TrapId.KILLED, String.valueOf(outcome.get()));
        }
    }
}
