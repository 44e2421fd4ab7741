package gate.launcher;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code gate serve}: boots an embedded Felix framework with the bundles of the distribution's
 * {@code bundle/} folder. Embedding (rather than bnd's executable jar) gives control over start
 * levels, the console mode and shutdown, and extracts nothing to {@code /tmp} (osgi-stack.md §6).
 *
 * <p>Exit status: 0 after a clean stop (SIGTERM, Ctrl-C, {@code stop 0} or {@code exit} in Gogo),
 * 1 if the platform cannot start, 2 for a usage error.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, System.getProperty("gate.home"), System.console() != null);
        } catch (IllegalArgumentException e) {
            err.println("gate serve: " + e.getMessage());
            err.println(LaunchOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(LaunchOptions.USAGE);
            return 0;
        }
        try {
            Platform platform = Platform.create(options, out);
            SignalStop.install(platform::stop);
            platform.start();
            platform.awaitStop();
            return 0;
        } catch (LaunchException e) {
            err.println("gate serve: " + e.getMessage());
            return 1;
        }
    }

    /** The distribution folder: {@code -Dgate.home}, else the working directory. */
    static Path home(String property) {
        return Path.of(property == null ? "." : property).toAbsolutePath().normalize();
    }
}
