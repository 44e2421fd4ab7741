package gate.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Engine;
import gate.engine.Engines;
import gate.engine.Instance;
import gate.engine.TrapException;
import gate.engine.TrapId;
import java.nio.file.Path;

/** What the hostile-program tests share: the native engine found through the SPI, and trap checks. */
final class Hostile {
    private Hostile() {}

    /** The native engine as {@code Engines.find("native")} makes it, with its files under the test cache. */
    static Engine engine() {
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        // Engines.find makes the engine with its no-argument constructor, which reads these.
        System.setProperty("gate.native.bin", cache.resolve("bin").toString());
        System.setProperty("gate.native.cache", cache.resolve("hostile-programs").toString());
        Engine engine = Engines.find("native");
        assertTrue(engine.isAvailable(), "the native engine needs its container here");
        return engine;
    }

    static String trapOf(org.junit.jupiter.api.function.Executable run) {
        try {
            run.execute();
            return "no trap";
        } catch (TrapException e) {
            return e.trap().name();
        } catch (Throwable e) {
            return e.toString();
        }
    }

    static void assertTrap(TrapId expected, org.junit.jupiter.api.function.Executable run, String what) {
        TrapException e = assertThrows(TrapException.class, run, what);
        assertEquals(expected, e.trap(), what);
    }

    /** Interrupts from another thread once the execution has had a moment to start (either way works). */
    static void interruptSoon(Instance i, TrapId reason) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            i.interrupt(reason);
        });
        t.setDaemon(true);
        t.start();
    }
}
