package gate.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The container's processes as the host sees them in /proc: the host-side process (the one the
 * JVM started), pid 1 of the namespaces below it, and its children, the instance processes
 * (running ones map their program's text memfd, idle pre-spawned ones do not yet).
 */
final class ProcTree {
    private ProcTree() {}

    /** Children of {@code pid} (all its threads), empty when it is gone. */
    static List<Long> children(long pid) {
        List<Long> out = new ArrayList<>();
        Path task = Path.of("/proc", Long.toString(pid), "task");
        try (var tids = Files.list(task)) {
            for (Path t : tids.toList()) {
                for (String s : Files.readString(t.resolve("children")).trim().split("\\s+")) {
                    if (!s.isEmpty()) {
                        out.add(Long.parseLong(s));
                    }
                }
            }
        } catch (IOException e) {
            return out; // gone meanwhile
        }
        return out;
    }

    /**
     * The processes that run instances of the container whose host-side process is {@code
     * hostPid}: with namespaces, the children of its only child; without, its own children.
     */
    static List<Long> instanceProcesses(long hostPid) {
        List<Long> level = children(hostPid);
        List<Long> out = new ArrayList<>();
        for (long p : level) {
            if (mapsText(p)) {
                out.add(p);
            }
            for (long q : children(p)) {
                if (mapsText(q)) {
                    out.add(q);
                }
            }
        }
        return out;
    }

    /** Whether {@code pid} maps a program text (the loader names the memfd gate-text). */
    static boolean mapsText(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "maps")).contains("gate-text");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * One field of /proc/PID/smaps_rollup in KiB (e.g. {@code Rss}, {@code Pss}, {@code
     * Shared_Clean}), or -1 when the process is gone or has no such field.
     */
    static long rollupKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
