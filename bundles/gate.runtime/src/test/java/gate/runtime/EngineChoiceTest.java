package gate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Engine;
import gate.engine.Engines;
import gate.engine.GlobalExtern;
import gate.engine.MemoryExtern;
import gate.engine.Program;
import gate.engine.TableExtern;
import gate.wasm.GlobalType;
import gate.wasm.MemoryType;
import gate.wasm.Module;
import gate.wasm.TableType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

/** The default engine is native where it can run, interp otherwise. */
class EngineChoiceTest {
    /** A "native" engine that says it cannot run here; compiling with it fails the test. */
    public static final class HostBound implements Engine {
        private final boolean available;

        HostBound(boolean available) {
            this.available = available;
        }

        @Override
        public boolean isAvailable() {
            return available;
        }

        @Override
        public String name() {
            return "native";
        }

        @Override
        public Program compile(Module module) {
            throw new AssertionError("the unavailable engine was used");
        }

        @Override
        public MemoryExtern createMemory(MemoryType type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TableExtern createTable(TableType type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public GlobalExtern createGlobal(GlobalType type, long value) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void defaultIsNativeWhenItCanRun() throws Exception {
        ExecutorService executor = InstanceRunner.newServiceExecutor();
        try {
            var preferred = new CountingEngine("native");
            var engines = Map.<String, Engine>of("native", preferred, "interp", Engines.all().get("interp"));
            var command = new RunCommand(() -> engines, new InstanceRunner(new MapDirectory(), executor));
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int status = command.run(List.of(Programs.wasm("hello")), new ByteArrayInputStream(new byte[0]), out,
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
            assertEquals("hello, world\n", out.toString(StandardCharsets.UTF_8));
            assertEquals(1, preferred.compiled(), "the default engine compiled the program");

            status = command.run(List.of("--engine", "interp", Programs.wasm("hello")),
                    new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, status);
            assertEquals(1, preferred.compiled(), "--engine interp did not use the default engine");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void anEngineThatIsNotInstalledIsAUsageError() throws Exception {
        ExecutorService executor = InstanceRunner.newServiceExecutor();
        try {
            var command = new RunCommand(() -> Map.of("interp", Engines.all().get("interp")),
                    new InstanceRunner(new MapDirectory(), executor));
            var err = new ByteArrayOutputStream();
            int status = command.run(List.of("--engine", "jit", Programs.wasm("hello")),
                    new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(ExitCodes.USAGE, status);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("engine jit is not available (not installed)"),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void enginesWithoutAnAnswerCanRun() {
        assertTrue(Engines.all().get("interp").isAvailable());
        assertFalse(new HostBound(false).isAvailable());
        assertTrue(new HostBound(true).isAvailable());
    }

    @Test
    void defaultFallsBackToInterpWhenNativeCannotRunAndAskingForItFails() throws Exception {
        ExecutorService executor = InstanceRunner.newServiceExecutor();
        try {
            var engines = Map.of("native", new HostBound(false), "interp", Engines.all().get("interp"));
            var command = new RunCommand(() -> engines, new InstanceRunner(new MapDirectory(), executor));
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int status = command.run(List.of(Programs.wasm("hello")), new ByteArrayInputStream(new byte[0]), out,
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
            assertEquals("hello, world\n", out.toString(StandardCharsets.UTF_8));

            err.reset();
            status = command.run(List.of("--engine", "native", Programs.wasm("hello")), new ByteArrayInputStream(new byte[0]),
                    out, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(ExitCodes.USAGE, status);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot run on this host"), err.toString());
        } finally {
            executor.shutdownNow();
        }
    }
}
