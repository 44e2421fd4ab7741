package gate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The 1-minute load average, printed beside figures measured on a shared machine. */
final class LoadAverage {
    private LoadAverage() {}

    /** The first field of /proc/loadavg, or "unknown" where there is none. */
    static String read() {
        try {
            String text = Files.readString(Path.of("/proc/loadavg")).strip();
            return text.isEmpty() ? "unknown" : text.split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
