package gate.launcher;

import java.io.PrintStream;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** One embedded OSGi framework with Gate's bundles, from creation to stop. */
final class Platform {

    /** How long a stop may take before the process gives up waiting for the framework. */
    private static final long STOP_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(10);

    private final Framework framework;
    private final LaunchOptions options;
    private final PrintStream out;

    private Platform(Framework framework, LaunchOptions options, PrintStream out) {
        this.framework = framework;
        this.options = options;
        this.out = out;
    }

    /** Creates and initialises the framework from {@code etc/config.properties}. */
    static Platform create(LaunchOptions options, PrintStream out) throws LaunchException {
        return new Platform(initFramework(FrameworkProperties.load(options)), options, out);
    }

    /**
     * Creates the framework found on the class path and initialises it (bundles can be installed
     * afterwards, before it starts). Shared by {@code gate serve} and {@code gate run}.
     */
    static Framework initFramework(Map<String, String> properties) throws LaunchException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class)
                .findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(properties);
        try {
            framework.init();
        } catch (BundleException e) {
            throw new LaunchException("cannot initialise the OSGi framework", e);
        }
        return framework;
    }

    /**
     * Installs {@code bundle/} and starts the framework. Bundles are installed, given their start
     * levels and marked started before the framework starts, so that start levels order them
     * (pitfall P3).
     */
    void start() throws LaunchException {
        var context = framework.getBundleContext();
        StartLevelRules rules;
        try {
            rules = StartLevelRules.parse(context.getProperty(FrameworkProperties.START_LEVELS));
        } catch (IllegalArgumentException e) {
            throw new LaunchException("etc/config.properties: " + e.getMessage());
        }
        new BundleFolder(options.home().resolve("bundle"), rules).installAndMark(context);
        HttpAnnouncer.watch(context, out);
        try {
            framework.start();
        } catch (BundleException e) {
            throw new LaunchException("cannot start the OSGi framework", e);
        }
    }

    /** Asks the framework to stop; returns at once. Safe to call more than once. */
    void stop() {
        try {
            framework.stop();
        } catch (BundleException | IllegalStateException e) {
            System.err.println("gate: stopping: " + e.getMessage());
        }
    }

    /** Waits until the framework has stopped, whoever stopped it. */
    void awaitStop() throws LaunchException {
        try {
            FrameworkEvent event = framework.waitForStop(0);
            if (event.getType() == FrameworkEvent.ERROR) {
                throw new LaunchException("framework stopped on an error", event.getThrowable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            waitQuietly();
        }
    }

    private void waitQuietly() {
        try {
            framework.waitForStop(STOP_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
