package gate.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import gate.abi.AbiConfig;
import gate.broker.ServiceDirectory;
import gate.engine.Engine;
import gate.engine.InstanceLimits;
import gate.runtime.InstanceRunner;
import gate.runtime.Launch;
import gate.runtime.RunStatus;
import gate.runtime.RunningInstance;
import gate.service.origin.OriginConnection;
import gate.service.origin.OriginConnector;
import gate.service.origin.OriginService;
import gate.service.origin.StdioService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized.Parameters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExamParameterized;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Programs in a real Felix, on each engine (the native engine's and the interpreter's DS
 * components): the broker's session follows service bundles that stop and start while a program
 * runs, kill ends a blocked program, and the run command is registered.
 */
@RunWith(PaxExamParameterized.class)
@ExamReactorStrategy(PerClass.class)
public class ProgramTest extends GateTestSupport {
    private final String engineName;

    /** @param engineName the {@code gate.engine.name} of the engine the programs run on */
    public ProgramTest(String engineName) {
        this.engineName = engineName;
    }

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return List.of(new Object[] {"native"}, new Object[] {"interp"});
    }

    @Configuration
    public static Option[] configuration() {
        return options(GateOptions.core("programs"), GateOptions.runtime(),
                systemProperty("gate.testdata").value(System.getProperty("gate.testdata")));
    }

    /** Standard output split into lines as they arrive. */
    private static final class Lines extends OutputStream {
        final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }

        String next() throws InterruptedException {
            String line = lines.poll(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("no output line within " + Await.TIMEOUT);
            }
            return line;
        }
    }

    @Test
    public void watcherSeesItsServiceGoAndComeBackAndKeepsRunning() throws Exception {
        Path jar = FixtureBundles.write(Files.createTempDirectory("gate-itest"), "gate.itest.watched", "itest/watched", "1");
        Bundle service = context.installBundle(jar.toUri().toString());
        service.start();
        Await.catalog(catalog, Await.listing("itest/watched", "1"), "itest/watched is listed");

        var stdin = new PipedOutputStream();
        var in = new PipedInputStream(stdin);
        var out = new Lines();
        ExecutorService executor = InstanceRunner.newServiceExecutor();
        try {
            var connection = new OriginConnection(in, out, false);
            var connector = new OriginConnector();
            var launch = new Launch(Files.readAllBytes(testdata("watcher.wasm")), engine(engineName), Launch.START,
                    AbiConfig.of(List.of("watcher", "itest/watched")), InstanceLimits.DEFAULT,
                    Map.of(OriginService.NAME, new OriginService(connector, OriginService.DEFAULT_BUFFER_SIZE)),
                    new StdioService(connection, OriginService.DEFAULT_BUFFER_SIZE), bytes -> {});
            RunningInstance instance = new InstanceRunner(directory(), executor).start(launch);

            assertEquals("watching itest/watched: available", out.next());
            service.stop();
            assertEquals("gone", out.next());
            service.start();
            assertEquals("back", out.next());
            service.stop();
            assertEquals("gone", out.next());
            service.start();
            assertEquals("back", out.next());
            assertFalse("the watcher keeps running", instance.status().isDone());

            stdin.close(); // end of stdin ends the watcher
            RunStatus status = instance.status().get(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(status.toString(), 0, gate.runtime.ExitCodes.of(status)); // main returned 0
        } finally {
            executor.shutdownNow();
            service.uninstall();
        }
    }

    @Test
    public void runCommandIsRegisteredForTheLauncher() throws Exception {
        Await.until(() -> registered(java.util.function.ToIntFunction.class, "(gate.command=run)"),
                "the run command is registered");
    }

    @Test
    public void killEndsABlockedProgram() throws Exception {
        var stdin = new PipedOutputStream();
        var in = new PipedInputStream(stdin);
        ExecutorService executor = InstanceRunner.newServiceExecutor();
        try {
            var connection = new OriginConnection(in, OutputStream.nullOutputStream(), false);
            var launch = new Launch(Files.readAllBytes(testdata("echo.wasm")), engine(engineName), Launch.START,
                    AbiConfig.of(List.of("echo")), InstanceLimits.DEFAULT, Map.of(),
                    new StdioService(connection, OriginService.DEFAULT_BUFFER_SIZE), bytes -> {});
            RunningInstance instance = new InstanceRunner(directory(), executor).start(launch);
            stdin.write("x".getBytes(StandardCharsets.UTF_8)); // it runs and then waits for more
            stdin.flush();
            instance.kill();
            RunStatus status = instance.status().get(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(status.toString(), status instanceof RunStatus.Trapped t && t.trap() == gate.engine.TrapId.KILLED);
        } finally {
            executor.shutdownNow();
            try {
                stdin.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private boolean registered(Class<?> type, String filter) {
        try {
            return !context.getServiceReferences(type, filter).isEmpty();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ServiceDirectory directory() {
        return context.getService(context.getServiceReference(ServiceDirectory.class));
    }

    private Engine engine(String name) throws Exception {
        Await.until(() -> registered(Engine.class, "(gate.engine.name=" + name + ")"), "engine " + name + " is registered");
        ServiceReference<Engine> reference =
                context.getServiceReferences(Engine.class, "(gate.engine.name=" + name + ")").iterator().next();
        return context.getService(reference);
    }

    private static Path testdata(String file) {
        return Path.of(System.getProperty("gate.testdata")).resolve(file);
    }
}
