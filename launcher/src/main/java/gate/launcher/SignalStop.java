package gate.launcher;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a clean framework stop. Handling the signals (rather than a shutdown
 * hook) lets {@link Main} return normally, so the process exits with status 0 instead of 143/130.
 * A second signal while the stop is under way ends the process at once with status 1, for a bundle
 * that will not stop.
 */
final class SignalStop {

    private SignalStop() {}

    static void install(Runnable stop) {
        var signals = new AtomicInteger();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (signals.incrementAndGet() == 1) {
                        stop.run();
                    } else {
                        System.err.println("gate: stop forced");
                        Runtime.getRuntime().halt(1);
                    }
                });
            } catch (IllegalArgumentException e) {
                // The signal is not available here (or reserved by the JVM); the default action stays.
            }
        }
    }
}
