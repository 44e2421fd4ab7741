package gate.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * System-wide memory counters of /proc/meminfo that idle instances raise beyond their processes'
 * RSS: kernel stacks and page tables of the processes, shared memory (the memfds' pages, mapped or
 * not). Deltas on a shared machine are noisy: figures only.
 */
final class Meminfo {
    static final List<String> FIELDS = List.of("MemAvailable", "Shmem", "KernelStack", "PageTables", "Slab");

    private Meminfo() {}

    /** The {@link #FIELDS} in KiB (-1 where missing). */
    static long[] read() {
        long[] out = new long[FIELDS.size()];
        java.util.Arrays.fill(out, -1);
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                int colon = line.indexOf(':');
                int k = colon < 0 ? -1 : FIELDS.indexOf(line.substring(0, colon));
                if (k >= 0) {
                    out[k] = Long.parseLong(line.substring(colon + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return out;
        }
        return out;
    }

    static void printDelta(long[] before, long[] after, int count) {
        StringBuilder b = new StringBuilder("gate.executor figures: /proc/meminfo change per idle instance (system-wide,"
                + " includes the JVM's threads and pipes):");
        for (int k = 0; k < FIELDS.size(); k++) {
            if (before[k] >= 0 && after[k] >= 0) {
                long delta = k == 0 ? before[k] - after[k] : after[k] - before[k]; // MemAvailable falls
                b.append(String.format(" %s %.1f KiB", k == 0 ? "MemAvailable used" : FIELDS.get(k), (double) delta / count));
            }
        }
        System.out.println(b);
    }
}
