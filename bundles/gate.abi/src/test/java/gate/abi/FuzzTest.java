package gate.abi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.TrapException;
import gate.engine.TrapId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random arguments and random packet bytes (seeded, so every run is the same): every call either
 * returns or ends with one of the ABI's traps, never with another exception.
 */
class FuzzTest {
    private static final Set<TrapId> ALLOWED = Set.of(TrapId.ABI_VIOLATION, TrapId.ABI_DEFICIENCY, TrapId.EXIT);

    /** Name and parameter letters of the non-blocking calls under test. */
    private static final List<String[]> CALLS = List.of(
            new String[] {"io_65536", "iiiiiii"}, new String[] {"fd_write", "iiii"}, new String[] {"fd_read", "iiii"},
            new String[] {"random_get", "ii"}, new String[] {"args_get", "ii"}, new String[] {"args_sizes_get", "ii"},
            new String[] {"environ_get", "ii"}, new String[] {"clock_time_get", "iIi"}, new String[] {"clock_res_get", "ii"},
            new String[] {"fd_fdstat_get", "ii"}, new String[] {"fd_filestat_get", "ii"}, new String[] {"fd_prestat_get", "ii"});

    private static Probe probe() {
        ProbeModule module = new ProbeModule();
        for (String[] c : CALLS) {
            if (c[0].equals("io_65536")) {
                module.io();
            } else {
                module.wasi(c[0], c[1], "i");
            }
        }
        return new Probe(module);
    }

    private static long value(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt(64);
            case 1 -> random.nextInt(65536);
            case 2 -> 65536 - random.nextInt(16);
            case 3 -> random.nextInt() & 0xffffffffL;
            case 4 -> 0xffffffffL - random.nextInt(16);
            default -> random.nextInt(8);
        };
    }

    @Test
    void randomArgumentsEndCleanly() {
        Random random = new Random(20261122);
        Probe p = probe();
        for (int i = 0; i < 1000; i++) {
            String[] call = CALLS.get(random.nextInt(CALLS.size()));
            long[] args = new long[call[1].length()];
            for (int a = 0; a < args.length; a++) {
                args[a] = value(random);
            }
            if (call[0].equals("io_65536")) {
                args[6] = 0; // never wait: nothing would wake it
            }
            if (call[0].startsWith("fd_read") && args[0] == 0) {
                args[0] = 4; // stdin would block
            }
            // random memory for iovecs and packets
            byte[] junk = new byte[64];
            random.nextBytes(junk);
            p.put(random.nextInt(65536 - 64), junk);
            try {
                p.call(call[0], args);
            } catch (TrapException e) {
                assertTrue(ALLOWED.contains(e.trap()), call[0] + " ended with " + e.trap());
                p = probe();
            }
        }
    }

    @Test
    void randomPacketsEndCleanly() {
        Random random = new Random(42);
        Probe p = probe();
        int violations = 0;
        for (int i = 0; i < 800; i++) {
            int size = random.nextInt(4) == 0 ? random.nextInt() : 8 + random.nextInt(64);
            int code = random.nextInt(4) == 0 ? random.nextInt(65536) - 32768 : random.nextInt(4) - 2;
            int domain = random.nextInt(5) == 0 ? random.nextInt(256) : random.nextInt(4);
            byte[] content = new byte[Math.max(0, Math.min(64, size - 8))];
            random.nextBytes(content);
            byte[] packet = Probe.packet(size & 0xffffffffL, code, domain, random.nextInt(8) == 0 ? 1 : 0, content);
            TrapId trap = p.sendThroughIo(packet);
            if (trap != null) {
                assertTrue(trap == TrapId.ABI_VIOLATION, "a packet ended with " + trap);
                violations++;
                p = probe();
            }
        }
        assertTrue(violations > 0);
    }
}
