package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Engine;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.engine.UninstantiableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interrupts of hostile executions through the public engine SPI: endless loops of host calls,
 * interrupts racing with short executions, a kill's effect on later executions, and the calling
 * thread's own interrupt (the only way to stop an endless start function).
 */
class InterruptionTest {
    private static Engine engine;
    private static Program hostile;

    @BeforeAll
    static void setUp() throws Exception {
        engine = Hostile.engine();
        hostile = engine.compile(NativeEngineTest.module("hostile"));
    }

    @AfterAll
    static void tearDown() {
        ((NativeEngine) engine).close();
    }

    /** Host calls served in the process do not hide an endless loop from suspension, nor recursion from the stack limit. */
    @Test
    void endlessHostCallsSuspendAndAreKilled() throws Exception {
        gate.engine.HostFunction tick = new gate.engine.HostFunction(
                new gate.wasm.FuncType(java.util.List.of(gate.wasm.ValType.I64), java.util.List.of(gate.wasm.ValType.I64)),
                (caller, args) -> new long[] {args[0] + 1});
        Program p = engine.compile(NativeEngineTest.module("hostilecalls"));
        try (Bystander bystander = Bystander.start(engine);
                Instance i = p.instantiate(imp -> tick, new InstanceLimits(1, 64 << 10))) {
            Hostile.interruptSoon(i, TrapId.SUSPENDED);
            Hostile.assertTrap(TrapId.SUSPENDED, () -> i.invoke("spin_calling", 0), "loop of host calls");
            assertTrue(i.isSuspended());
            Hostile.interruptSoon(i, TrapId.KILLED);
            Hostile.assertTrap(TrapId.KILLED, i::resume, "loop of host calls");
            Hostile.assertTrap(TrapId.CALL_STACK_EXHAUSTED, () -> i.invoke("down", 0), "recursion through host calls");
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    /**
     * Interrupts racing with short executions, without and with host calls served in the process:
     * each ends with its result or the interrupt; the interrupting thread never fails.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void interruptsRacingWithShortExecutions(boolean hostCalls) throws Exception {
        gate.engine.HostFunction add = new gate.engine.HostFunction(new gate.wasm.FuncType(
                java.util.List.of(gate.wasm.ValType.I32, gate.wasm.ValType.I32), java.util.List.of(gate.wasm.ValType.I32)),
                (caller, args) -> new long[] {(args[0] + args[1]) & 0xffff_ffffL});
        Program p = hostCalls ? engine.compile(NativeEngineTest.module("hostloop")) : hostile;
        Imports imports = imp -> {
            gate.wasm.FuncType type = p.module().types().get(((gate.wasm.ImportDesc.Func) imp.desc()).typeIndex());
            return imp.name().equals("add") ? add
                    : new gate.engine.HostFunction(type, (caller, args) -> new long[type.results().size()]); // not called
        };
        String function = hostCalls ? "sum" : "deep";
        long[] expected = {hostCalls ? 4950 : 100};
        try (Instance i = p.instantiate(imports, InstanceLimits.DEFAULT)) {
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            CompletableFuture<Throwable> interrupter = CompletableFuture.supplyAsync(() -> {
                java.util.Random random = new java.util.Random(42);
                try {
                    while (!done.get()) {
                        i.interrupt(random.nextBoolean() ? TrapId.KILLED : TrapId.SUSPENDED);
                        java.util.concurrent.locks.LockSupport.parkNanos(random.nextInt(2_000_000));
                    }
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
            try {
                for (int k = 0; k < Integer.getInteger("gate.test.races", 300); k++) {
                    String outcome = Hostile.trapOf(() -> assertArrayEquals(expected, i.invoke(function, 100)));
                    // a suspended call is finished (or interrupted again) by resume
                    for (int r = 0; r < 1000 && i.isSuspended(); r++) {
                        outcome += "," + Hostile.trapOf(() -> assertArrayEquals(expected, i.resume()));
                    }
                    for (String o : outcome.split(",")) {
                        outcomes.merge(o, 1, Integer::sum);
                    }
                }
            } finally {
                done.set(true);
            }
            assertEquals(null, interrupter.get(60, TimeUnit.SECONDS), "the interrupting thread failed");
            outcomes.keySet().forEach(o -> assertTrue(o.equals("no trap") || o.equals("KILLED") || o.equals("SUSPENDED"),
                    "unexpected outcome " + o + " in " + outcomes));
            System.out.println("gate.executor figures: interrupts racing with short " + function + " calls: " + outcomes);
        }
    }

    /**
     * A kill ends one execution, not the instance: a host function's own SUSPENDED in a later
     * execution (how a wake-up is answered) must stay SUSPENDED, resumable.
     */
    @Test
    void aKillDoesNotTurnLaterHostSuspensionsIntoKills() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean suspendNext = new java.util.concurrent.atomic.AtomicBoolean();
        gate.engine.HostFunction tick = new gate.engine.HostFunction(
                new gate.wasm.FuncType(java.util.List.of(gate.wasm.ValType.I64), java.util.List.of(gate.wasm.ValType.I64)),
                (caller, args) -> {
                    if (suspendNext.getAndSet(false)) {
                        throw new TrapException(TrapId.SUSPENDED);
                    }
                    return new long[] {args[0] + 1};
                });
        Program p = engine.compile(NativeEngineTest.module("hostilecalls"));
        try (Instance i = p.instantiate(imp -> tick, new InstanceLimits(1, 64 << 10))) {
            Hostile.interruptSoon(i, TrapId.KILLED);
            Hostile.assertTrap(TrapId.KILLED, () -> i.invoke("spin_calling", 0), "kill");
            suspendNext.set(true);
            Hostile.assertTrap(TrapId.SUSPENDED, () -> i.invoke("down", 0), "the host function's own SUSPENDED after a kill");
            assertTrue(i.isSuspended());
        }
    }

    /**
     * A start function that never ends: the SPI has no instance to interrupt yet, so the caller
     * interrupts its thread. Instantiation must end with KILLED and the process must be gone.
     */
    @Test
    void endlessStartFunctionEndsWhenItsThreadIsInterrupted() throws Exception {
        Program p = engine.compile(NativeEngineTest.module("startspin"));
        Throwable e = interruptedAfterAWhile(() -> p.instantiate(Imports.NONE, InstanceLimits.DEFAULT).close());
        UninstantiableException u = assertInstanceOf(UninstantiableException.class, e);
        assertEquals(TrapId.KILLED, assertInstanceOf(TrapException.class, u.getCause()).trap());
        assertNoInstanceProcessLeft();
    }

    /** The same for an invocation: the thread's interrupt ends it KILLED, and its process with it. */
    @Test
    void endlessLoopEndsWhenItsThreadIsInterrupted() throws Exception {
        try (Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            Throwable e = interruptedAfterAWhile(() -> i.invoke("spin"));
            assertEquals(TrapId.KILLED, assertInstanceOf(TrapException.class, e).trap());
            assertNoInstanceProcessLeft();
        }
    }

    /** Runs {@code body} on a new thread, interrupts that thread after a moment, returns what it threw. */
    private static Throwable interruptedAfterAWhile(org.junit.jupiter.api.function.Executable body) throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                body.execute();
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        t.setDaemon(true);
        t.start();
        Thread.sleep(300);
        t.interrupt();
        return outcome.get(60, TimeUnit.SECONDS);
    }

    private static void assertNoInstanceProcessLeft() throws Exception {
        long host = ((NativeEngine) engine).executor().container().pid();
        // No duration is asserted: the bound only keeps a leaked process from hanging the build.
        for (int k = 0; k < 300 && !ProcTree.instanceProcesses(host).isEmpty(); k++) {
            Thread.sleep(100);
        }
        assertEquals(java.util.List.of(), ProcTree.instanceProcesses(host),
                "an instance process still runs after its execution ended");
    }
}
