package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Engine;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.Program;
import gate.wasm.ResourceLimitException;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Modules over the native engine's limits, through the public engine SPI: a typed {@link
 * ResourceLimitException} at compilation or instantiation, never an OutOfMemoryError.
 */
class HostileModulesTest {
    private static Engine engine;

    @BeforeAll
    static void setUp() throws Exception {
        engine = Hostile.engine();
    }

    @AfterAll
    static void tearDown() {
        ((NativeEngine) engine).close();
    }

    /** Limits of the compiler's globals area (1 MiB - 4 KiB: globals, tables, element segments). */
    @Test
    void modulesOverTheCompileLimitsAreRefusedWithTypedErrors() throws Exception {
        try (Bystander bystander = Bystander.start(engine)) {
            byte[] bigTable = new ModuleBytes().table(200_000).bytes();
            byte[] manyGlobals = new ModuleBytes().globals(200_000).bytes();
            byte[] bigSegment = new ModuleBytes().oneType(0, 0).functions(1).table(1)
                    .element(150_000).code(1, new byte[0]).bytes();
            for (byte[] module : new byte[][] {bigTable, manyGlobals, bigSegment}) {
                gate.wasm.Module m = Wasm.load(module, WasmLimits.DEFAULT); // the front end accepts them
                ResourceLimitException e = assertThrows(ResourceLimitException.class, () -> engine.compile(m));
                assertTrue(e.getMessage().contains("globals area"), e.getMessage());
            }
            bystander.finish(); // throws if a round or the waiting instance went wrong
        }
    }

    @Test
    void declaredMemoryOverTheInstanceLimitIsRefused() throws Exception {
        Program p = engine.compile(NativeEngineTest.module("bigmemory"));
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> p.instantiate(Imports.NONE, InstanceLimits.DEFAULT));
        assertTrue(e.getMessage().contains("exceeds the instance limit"), e.getMessage());
        try (Instance i = p.instantiate(Imports.NONE, new InstanceLimits(600, 1 << 20))) {
            assertArrayEquals(new long[] {600}, i.invoke("size"));
        }
    }

    /**
     * About 52 MB of memory.copy (10 bytes each, about 106 bytes of x86-64) is over the compiler's
     * 512 MiB code limit: a typed error, not an OutOfMemoryError. Takes 1.3 GB of heap and ~15 s,
     * so only with {@code -Dgate.test.huge=true}.
     */
    @Test
    void codeOverTheGeneratedCodeLimitIsATypedError() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("gate.test.huge"), "-Dgate.test.huge=true");
        byte[] copy = {0x41, 0, 0x41, 0, 0x41, 0, (byte) 0xfc, 10, 0, 0};
        byte[] body = new byte[copy.length * 650_000];
        for (int k = 0; k < body.length; k += copy.length) {
            System.arraycopy(copy, 0, body, k, copy.length);
        }
        byte[] module = new ModuleBytes().oneType(0, 0).functions(8).memory(1).code(8, body).bytes();
        gate.wasm.Module m = Wasm.load(module, WasmLimits.DEFAULT);
        ResourceLimitException e = assertThrows(ResourceLimitException.class, () -> engine.compile(m));
        assertTrue(e.getMessage().contains("generated code exceeds"), e.getMessage());
    }

    /**
     * A module of 8 KB (1,000 functions with 49,000 i64 locals each) in a JVM with a 512 MiB heap:
     * declared locals cost about 3 bytes of wasm per function but one store (11 bytes of x86-64)
     * each, so the compiler reaches its 512 MiB code limit; it must refuse the module with a typed
     * error, never run out of heap.
     */
    @Test
    void fewBytesOfLocalDeclarationsCannotExhaustTheHeap() throws Exception {
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(launcher.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CompileInSmallHeap.class.getName(), "1000", "49000").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(out.startsWith("refused ") || out.startsWith("compiled "), out);
    }
}
