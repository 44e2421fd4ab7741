package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Engine;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.engine.UninstantiableException;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile programs through the public engine SPI ({@code Engines.find("native")}): endless loops,
 * memory and table bombs, unbounded recursion, each ending with its typed outcome while a
 * well-behaved instance ({@link Bystander}) keeps working and another waits in a host call next
 * to it. Modules over the limits: {@link HostileModulesTest}; interrupts: {@link InterruptionTest}.
 * The syscall-level sandbox (forbidden system calls, namespaces, mappings) is tested by the C
 * driver of runtime.native ({@code test_syscalls}, {@code test_probe}, {@code test_maps}); the
 * CPU-time backstop for code without suspension checks by its {@code test_suspend_kill}.
 */
class HostileProgramsTest {
    private static final long NO_PAGE = 0xffff_ffffL; // memory.grow's -1 as an unsigned i32 result

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

    /** Every loop shape reaches a suspension check: SUSPENDED (a shape without one would be killed by the CPU backstop instead). */
    @ParameterizedTest
    @ValueSource(strings = {"spin", "spin_br_if", "spin_br_table", "spin_if", "spin_nested", "spin_calls"})
    void endlessLoopsSuspendAndAreKilled(String loop) throws Exception {
        try (Bystander bystander = Bystander.start(engine);
                Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            long[] args = loop.equals("spin_br_table") ? new long[] {2} : new long[0];
            Hostile.interruptSoon(i, TrapId.SUSPENDED);
            Hostile.assertTrap(TrapId.SUSPENDED, () -> i.invoke(loop, args), loop + " did not stop at a suspension check");
            assertTrue(i.isSuspended());
            Hostile.interruptSoon(i, TrapId.KILLED);
            Hostile.assertTrap(TrapId.KILLED, i::resume, loop);
            assertFalse(i.isSuspended());
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    @Test
    void killedWhileRunningAndTheInstanceStaysUsable() throws Exception {
        try (Bystander bystander = Bystander.start(engine);
                Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            Hostile.interruptSoon(i, TrapId.KILLED);
            Hostile.assertTrap(TrapId.KILLED, () -> i.invoke("spin"), "kill");
            assertFalse(i.isSuspended());
            assertArrayEquals(new long[] {1}, i.invoke("size"));
            assertArrayEquals(new long[] {100}, i.invoke("deep", 100));
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    /**
     * An instance process killed from outside (as the kernel's OOM killer would: oom_score_adj is
     * 1000 in the container) ends its execution with INTERNAL_ERROR; the others run on.
     */
    @Test
    void processKilledFromOutsideIsAnInternalError() throws Exception {
        try (Bystander bystander = Bystander.start(engine);
                Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            CompletableFuture<String> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    i.invoke("spin");
                    return "returned";
                } catch (TrapException e) {
                    return e.trap() + " " + e.getMessage();
                }
            });
            long host = ((NativeEngine) engine).executor().container().pid();
            long spinning = longRunning(host);
            LibC.C.kill((int) spinning, LibC.SIGKILL);
            String ended = outcome.get(60, TimeUnit.SECONDS);
            assertTrue(ended.startsWith("INTERNAL_ERROR"), ended);
            assertArrayEquals(new long[] {100}, i.invoke("deep", 100), "usable after its process was killed");
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    /**
     * The instance process that keeps running (state R in two looks 300 ms apart): the spinning
     * one, not the bystander's short rounds nor its waiting instance.
     */
    private static long longRunning(long host) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            java.util.Set<Long> first = running(host);
            Thread.sleep(300);
            java.util.Set<Long> both = running(host);
            both.retainAll(first);
            if (both.size() == 1) {
                return both.iterator().next();
            }
        }
        throw new AssertionError("no single long-running instance process found");
    }

    private static java.util.Set<Long> running(long host) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        for (long pid : ProcTree.instanceProcesses(host)) {
            if (ProcTree.state(pid) == 'R') {
                out.add(pid);
            }
        }
        return out;
    }

    @Test
    void memoryBombStopsAtTheInstanceLimit() throws Exception {
        InstanceLimits limits = new InstanceLimits(64, 1 << 20);
        try (Bystander bystander = Bystander.start(engine);
                Instance i = hostile.instantiate(Imports.NONE, limits);
                Instance j = hostile.instantiate(Imports.NONE, limits);
                Instance k = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            assertArrayEquals(new long[] {64}, i.invoke("bomb"));
            assertArrayEquals(new long[] {NO_PAGE}, i.invoke("grow", 1));
            assertArrayEquals(new long[] {NO_PAGE}, i.invoke("grow", 65536));
            assertArrayEquals(new long[] {NO_PAGE}, i.invoke("grow", 0x8000_0000L));
            assertArrayEquals(new long[] {NO_PAGE}, i.invoke("grow", 0xffff_ffffL));
            assertArrayEquals(new long[] {64}, i.invoke("size"));
            assertArrayEquals(new long[] {63}, i.invoke("load", 63 << 16)); // every page was touched
            assertArrayEquals(new long[] {5}, i.invoke("load", 5 << 16));
            assertArrayEquals(new long[] {0}, i.invoke("load", (5 << 16) + 4)); // grown pages start zeroed
            i.invoke("store", 100, 77);
            assertArrayEquals(new long[] {0}, j.invoke("load", 100)); // instances of one program share no memory
            Hostile.assertTrap(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS, () -> i.invoke("load", 64 << 16), "load past the limit");
            Hostile.assertTrap(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS, () -> j.invoke("bomb_then_store"), "store past the limit");
            assertArrayEquals(new long[] {64}, j.invoke("size"));
            // the default limit: 512 pages, 32 MiB touched
            assertArrayEquals(new long[] {512}, k.invoke("bomb"));
            assertArrayEquals(new long[] {511}, k.invoke("load", 511 << 16));
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    /** The whole 4 GiB of wasm32 when the limit allows it: reserved, mapped on grow, untouched pages free. */
    @Test
    void memoryGrowsToFourGibibytesWhenAllowed() throws Exception {
        try (Bystander bystander = Bystander.start(engine);
                Instance i = hostile.instantiate(Imports.NONE, new InstanceLimits(65536, 1 << 20))) {
            assertArrayEquals(new long[] {1}, i.invoke("grow", 65535));
            assertArrayEquals(new long[] {65536}, i.invoke("size"));
            i.invoke("store", 0xffff_fffcL, 0x7a7a7a7a);
            assertArrayEquals(new long[] {0x7a7a7a7a}, i.invoke("load", 0xffff_fffcL));
            assertArrayEquals(new long[] {NO_PAGE}, i.invoke("grow", 1));
            Hostile.assertTrap(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS, () -> i.invoke("load", 0xffff_fffdL), "straddles 4 GiB");
            // InstanceState holds memory in one byte[]: refused, not an OutOfMemoryError
            assertThrows(IllegalStateException.class, i::captureState);
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    /** table.grow of a table without maximum ends with -1 at the engine's capacity; the table stays consistent. */
    @Test
    void tableBombStopsAtTheEngineCapacity() throws Exception {
        try (Bystander bystander = Bystander.start(engine);
                Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
            long size = i.invoke("table_bomb")[0];
            assertTrue(size > 0 && size < 1 << 20, "table grew to " + size);
            assertArrayEquals(new long[] {size}, i.invoke("table_bomb"), "grow refused again at the same size");
            assertArrayEquals(new long[] {0}, i.invoke("table_set_last"));
            assertArrayEquals(new long[] {1}, i.invoke("table_get", 0));
            Hostile.assertTrap(TrapId.TABLE_ACCESS_OUT_OF_BOUNDS, () -> i.invoke("table_get", size), "get past the end");
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16 << 10, 1 << 20, 64 << 20, Integer.MAX_VALUE})
    void unboundedRecursionExhaustsTheStack(int stackSize) throws Exception {
        try (Bystander bystander = Bystander.start(engine);
                Instance i = hostile.instantiate(Imports.NONE, new InstanceLimits(16, stackSize))) {
            for (String f : new String[] {"forever", "indirect", "fat"}) {
                Hostile.assertTrap(TrapId.CALL_STACK_EXHAUSTED, () -> i.invoke(f, 1), f + " with a stack of " + stackSize);
                assertArrayEquals(new long[] {10}, i.invoke("deep", 10), "usable after " + f);
            }
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    /**
     * A frame far larger than the whole stack (49,000 i64 locals, about 383 KiB): the entry check
     * must stop the call before any local is written below the stack, where the vars page lies.
     */
    @ParameterizedTest
    @ValueSource(ints = {16 << 10, 64 << 10, 1 << 20, 64 << 20})
    void hugeFramesExhaustTheStack(int stackSize) throws Exception {
        int locals = 49_000;
        // (func $f (param i64) (result i64) (local i64 × 49000)
        //   local.get 0  local.set 49000  local.get 49000  local.get 0  i64.const 1  i64.add  call $f  i64.add)
        java.io.ByteArrayOutputStream code = new java.io.ByteArrayOutputStream();
        code.write(0x20);
        code.write(0);
        code.write(0x21);
        code.writeBytes(ModuleBytes.u32(locals));
        code.write(0x20);
        code.writeBytes(ModuleBytes.u32(locals));
        code.writeBytes(new byte[] {0x20, 0, 0x42, 1, 0x7c, 0x10, 0, 0x7c});
        byte[] module = new ModuleBytes().oneType(1, 1).functions(1).exportFunction("f", 0)
                .code(1, locals, code.toByteArray()).bytes();
        Program p = engine.compile(Wasm.load(module, WasmLimits.DEFAULT));
        try (Bystander bystander = Bystander.start(engine);
                Instance i = p.instantiate(Imports.NONE, new InstanceLimits(0, stackSize))) {
            Hostile.assertTrap(TrapId.CALL_STACK_EXHAUSTED, () -> i.invoke("f", 1), "frames of 383 KiB on a stack of " + stackSize);
            Hostile.assertTrap(TrapId.CALL_STACK_EXHAUSTED, () -> i.invoke("f", 1), "again");
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    @Test
    void recursionInTheStartFunctionFailsInstantiation() throws Exception {
        Program p = engine.compile(NativeEngineTest.module("startdeep"));
        try (Bystander bystander = Bystander.start(engine)) {
            UninstantiableException e = assertThrows(UninstantiableException.class,
                    () -> p.instantiate(Imports.NONE, InstanceLimits.DEFAULT));
            assertEquals(TrapId.CALL_STACK_EXHAUSTED, assertInstanceOf(TrapException.class, e.getCause()).trap());
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    /** Many hostile instances of every kind at once, next to the well-behaved ones. */
    @Test
    void allKindsAtOnce() throws Exception {
        Program startdeep = engine.compile(NativeEngineTest.module("startdeep"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try (Bystander bystander = Bystander.start(engine)) {
            java.util.List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (int k = 0; k < 16; k++) {
                int kind = k % 4;
                outcomes.add(pool.submit(() -> switch (kind) {
                    case 0 -> {
                        try (Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
                            yield Long.toString(i.invoke("bomb")[0]);
                        }
                    }
                    case 1 -> {
                        try (Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
                            yield Hostile.trapOf(() -> i.invoke("forever", 1));
                        }
                    }
                    case 2 -> {
                        try (Instance i = hostile.instantiate(Imports.NONE, InstanceLimits.DEFAULT)) {
                            Hostile.interruptSoon(i, TrapId.KILLED);
                            yield Hostile.trapOf(() -> i.invoke("spin_nested"));
                        }
                    }
                    default -> {
                        try {
                            startdeep.instantiate(Imports.NONE, InstanceLimits.DEFAULT).close();
                            yield "instantiated";
                        } catch (UninstantiableException e) {
                            yield e.getCause() instanceof TrapException t ? t.trap().name() : e.toString();
                        }
                    }
                }));
            }
            String[] expected = {"512", "CALL_STACK_EXHAUSTED", "KILLED", "CALL_STACK_EXHAUSTED"};
            for (int k = 0; k < outcomes.size(); k++) {
                assertEquals(expected[k % 4], outcomes.get(k).get(120, TimeUnit.SECONDS), "hostile instance " + k);
            }
            bystander.finish(); // throws if a round or the waiting instance went wrong
        } finally {
            pool.shutdownNow();
        }
    }
}
