package gate.launcher;

import java.nio.file.Path;

/**
 * The command line of {@code gate serve}.
 *
 * @param home the distribution folder (holds {@code bundle/}, {@code etc/}, {@code deploy/})
 * @param interactive whether Gogo reads commands from standard input
 * @param help whether only the usage was asked for
 */
public record LaunchOptions(Path home, boolean interactive, boolean help) {

    static final String USAGE = """
            usage: gate serve [--nointeractive]
              Starts the Gate platform: HTTP API, Gogo shell, hot deployment from deploy/.
              --nointeractive  no shell on standard input (the default when it is not a terminal)""";

    /**
     * Parses the arguments.
     *
     * @param homeProperty value of {@code -Dgate.home}, or null for the working directory
     * @param terminal whether standard input is a terminal
     * @throws IllegalArgumentException for an unknown argument
     */
    static LaunchOptions parse(String[] args, String homeProperty, boolean terminal) {
        boolean interactive = terminal;
        boolean help = false;
        for (String arg : args) {
            switch (arg) {
                case "--nointeractive" -> interactive = false;
                case "--interactive" -> interactive = true;
                case "-h", "--help", "help" -> help = true;
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        return new LaunchOptions(Main.home(homeProperty), interactive, help);
    }
}
