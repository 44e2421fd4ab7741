package gate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.abi.AbiConfig;
import gate.engine.InstanceLimits;
import gate.engine.TrapId;
import gate.service.origin.OriginConnection;
import gate.service.origin.OriginService;
import gate.service.origin.StdioService;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stopping instances that wait for input, on each engine: suspension calls the services' suspend,
 * kill ends them.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {TestEngines.NATIVE, TestEngines.INTERP})
class RunningInstanceTest {
    private static final TestEngines ENGINES = new TestEngines();

    @Parameter
    String engine;

    @AfterAll
    static void closeEngines() {
        ENGINES.close();
    }

    private final ExecutorService executor = InstanceRunner.newServiceExecutor();
    private final MapDirectory directory = new MapDirectory();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Starts {@code program} with a stdin that stays open, and waits for its first output line. */
    private RunningInstance startBlocked(String program, PipedOutputStream stdin, ByteArrayOutputStream out,
            String... args) throws Exception {
        var in = new PipedInputStream(stdin);
        var connection = new OriginConnection(in, out, false);
        var launch = new Launch(Files.readAllBytes(Programs.TESTDATA.resolve(program + ".wasm")),
                ENGINES.get(engine), Launch.START, AbiConfig.of(List.of(args)),
                InstanceLimits.DEFAULT, Map.of(), new StdioService(connection, OriginService.DEFAULT_BUFFER_SIZE),
                bytes -> {});
        return new InstanceRunner(directory, executor).start(launch);
    }

    private static void awaitOutput(ByteArrayOutputStream out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!out.toString(StandardCharsets.UTF_8).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no \"" + text + "\" in " + out);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void suspendingAWaitingProgramSuspendsItsServices() throws Exception {
        var stdin = new PipedOutputStream();
        var out = new ByteArrayOutputStream();
        RunningInstance instance = startBlocked("watcher", stdin, out, "watcher", "nothing-here");
        awaitOutput(out, "watching nothing-here: unavailable");
        instance.suspend();
        RunStatus status = instance.status().get(30, TimeUnit.SECONDS);
        var suspended = assertInstanceOf(RunStatus.Suspended.class, status);
        assertTrue(suspended.serviceStates().containsKey("nothing-here"), suspended.toString());
        stdin.close();
    }

    @Test
    void killingAWaitingProgramEndsIt() throws Exception {
        var stdin = new PipedOutputStream();
        var out = new ByteArrayOutputStream();
        RunningInstance instance = startBlocked("echo", stdin, out, "echo");
        stdin.write("ping".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        awaitOutput(out, "ping");
        instance.kill();
        RunStatus status = instance.status().get(30, TimeUnit.SECONDS);
        assertEquals(new RunStatus.Trapped(TrapId.KILLED, TrapId.KILLED.text), status);
        assertEquals(ExitCodes.TRAP, ExitCodes.of(status));
        stdin.close();
    }

    @Test
    void aStopRequestedBeforeTheProgramRunsIsNotLost() throws Exception {
        var stdin = new PipedOutputStream();
        RunningInstance instance = startBlocked("echo", stdin, new ByteArrayOutputStream(), "echo");
        instance.kill(); // most likely while loading or instantiating
        assertInstanceOf(RunStatus.Trapped.class, instance.status().get(30, TimeUnit.SECONDS));
        stdin.close();
    }
}
