package gate.launcher;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a clean framework stop. Handling the signals (rather than a shutdown
 * hook) lets {@link Main} return normally, so the process exits with status 0 instead of 143/130.
 */
final class SignalStop {

    private SignalStop() {}

    static void install(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException e) {
                // The signal is not available here (or reserved by the JVM); the default action stays.
            }
        }
    }
}
