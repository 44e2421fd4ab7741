package gate.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code gate run FILE.wasm ...}: boots the platform without the HTTP endpoint, the consoles and
 * their dependencies, in a private framework cache, and hands the arguments to the run command
 * that gate.runtime registers (a {@link ToIntFunction} with {@code gate.command=run}, a JDK type so
 * that no class is shared across the framework boundary). The program's origin is this process's
 * standard input and output; its exit status is the process's.
 *
 * <p>Exit status 123 means the platform itself could not start; gate.runtime's usage text lists the
 * others.
 */
public final class RunMain {
    /** The platform could not start or has no run command. */
    static final int PLATFORM_FAILURE = 123;

    /** Jar file name prefixes that {@code gate run} does not install (HTTP, consoles, logging). */
    static final List<String> LEFT_OUT = List.of(
            "gate.http-", "gate.console-", "gate.shell-",
            "org.apache.felix.http.", "org.apache.felix.gogo.", "jline-", "sshd-", "bcprov-",
            "org.apache.aries.spifly.", "asm-", "slf4j-", "commons-fileupload-", "commons-io-");

    private static final String RUN_COMMAND =
            "(&(objectClass=" + ToIntFunction.class.getName() + ")(gate.command=run))";
    private static final long SERVICE_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(30);
    private static final long STOP_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(5);

    /** Held so that the level sticks: the platform's INFO lines would mix with the program's stderr. */
    private static final java.util.logging.Logger GATE_LOG = java.util.logging.Logger.getLogger("gate");

    private RunMain() {}

    public static void main(String[] args) {
        int status = run(args);
        System.out.flush();
        System.exit(status);
    }

    static int run(String[] args) {
        GATE_LOG.setLevel(java.util.logging.Level.WARNING);
        Path cache = null;
        Framework framework = null;
        try {
            cache = Files.createTempDirectory("gate-run-");
            framework = boot(cache);
            return command(framework.getBundleContext()).applyAsInt(args);
        } catch (LaunchException | IOException e) {
            System.err.println("gate run: " + e.getMessage());
            return PLATFORM_FAILURE;
        } finally {
            stop(framework);
            deleteQuietly(cache);
        }
    }

    private static Framework boot(Path cache) throws LaunchException {
        var options = new LaunchOptions(Main.home(System.getProperty("gate.home")), false, false);
        Map<String, String> properties = FrameworkProperties.load(options);
        // A private cache: gate serve and other gate run processes may be running from the same home.
        properties.put("org.osgi.framework.storage", cache.toString());
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        properties.put("felix.fileinstall.tmpdir", cache.resolve("fileinstall").toString());
        Framework framework = Platform.initFramework(properties);
        try {
            BundleContext context = framework.getBundleContext();
            var rules = StartLevelRules.parse(context.getProperty(FrameworkProperties.START_LEVELS));
            new BundleFolder(options.home().resolve("bundle"), rules,
                    name -> LEFT_OUT.stream().noneMatch(name::startsWith)).installAndMark(context);
            framework.start();
            awaitStartLevel(framework);
        } catch (BundleException e) {
            throw new LaunchException("cannot start the OSGi framework", e);
        }
        return framework;
    }

    /** Waits until every start level is reached, so that all components are registered. */
    private static void awaitStartLevel(Framework framework) throws LaunchException {
        var reached = new java.util.concurrent.CountDownLatch(1);
        BundleContext context = framework.getBundleContext();
        context.addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.STARTED || event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                reached.countDown();
            }
        });
        FrameworkStartLevel level = framework.adapt(FrameworkStartLevel.class);
        int target = Integer.parseInt(context.getProperty("org.osgi.framework.startlevel.beginning"));
        try {
            while (level.getStartLevel() < target) {
                reached.await(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while starting");
        }
    }

    @SuppressWarnings("unchecked")
    private static ToIntFunction<String[]> command(BundleContext context) throws LaunchException {
        try {
            var tracker = new ServiceTracker<Object, Object>(context, context.createFilter(RUN_COMMAND), null);
            tracker.open();
            Object service = tracker.waitForService(SERVICE_TIMEOUT_MS);
            if (service == null) {
                throw new LaunchException("the platform has no run command (is gate.runtime in bundle/?)");
            }
            return (ToIntFunction<String[]>) service;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while waiting for the run command");
        }
    }

    private static void stop(Framework framework) {
        if (framework == null) {
            return;
        }
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MS);
        } catch (BundleException | InterruptedException | RuntimeException e) {
            System.err.println("gate run: stopping the platform: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is not worth failing the program's status for
        }
    }
}
