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
    /** utime + stime of {@code pid} in clock ticks (/proc/PID/stat fields 14 and 15), or -1. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // the name may hold spaces
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The state letter of {@code pid} (/proc/PID/stat field 3: R running, S sleeping, ...), or '?'. */
    static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException | RuntimeException e) {
            return '?';
        }
    }

    /** One field of /proc/PID/status in KiB (e.g. {@code VmPTE}), or -1. */
    static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** One mapping of /proc/PID/smaps: its range, permissions, name and resident KiB. */
    record Mapping(long start, long end, String perms, String name, long rssKib) {}

    /** The mappings of {@code pid}, empty when it is gone. */
    static List<Mapping> mappings(long pid) {
        List<Mapping> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps"));
        } catch (IOException e) {
            return out;
        }
        long start = 0;
        long end = 0;
        String perms = "";
        String name = "";
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 5 && f[0].matches("[0-9a-f]+-[0-9a-f]+")) {
                String[] range = f[0].split("-");
                start = Long.parseUnsignedLong(range[0], 16);
                end = Long.parseUnsignedLong(range[1], 16);
                perms = f[1];
                name = f.length >= 6 ? String.join(" ", java.util.Arrays.copyOfRange(f, 5, f.length)) : "[anon]";
            } else if (f[0].equals("Rss:")) {
                out.add(new Mapping(start, end, perms, name, Long.parseLong(f[1])));
            }
        }
        return out;
    }

    /**
     * KiB of the last {@code memoryBytes} of the instance's read-write state mapping (globals
     * followed by linear memory, runtime.native DESIGN.md §4) that are present in its page
     * table (/proc/PID/pagemap bit 63): the linear memory it has touched; -1 if unknown.
     */
    static long linearMemoryTouchedKib(long pid, long memoryBytes) {
        Mapping state = null;
        for (Mapping m : mappings(pid)) {
            if (m.name().contains("gate-state") && m.perms().startsWith("rw")
                    && (state == null || m.start() > state.start())) {
                state = m;
            }
        }
        if (state == null || state.end() - state.start() < memoryBytes) {
            return -1;
        }
        long pages = 0;
        try (java.io.RandomAccessFile map = new java.io.RandomAccessFile("/proc/" + pid + "/pagemap", "r")) {
            for (long at = state.end() - memoryBytes; at < state.end(); at += 4096) {
                map.seek(at / 4096 * 8);
                long entry = Long.reverseBytes(map.readLong()); // little-endian u64 per page
                if (entry < 0) { // bit 63: present
                    pages++;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return pages * 4;
    }
}
