package gate.abi;

import java.time.Instant;

/**
 * WASI clocks: 0 realtime (ns since 1970) and 1 monotonic (ns since the ABI was created, so the
 * host's uptime stays private), both rounded down to {@link AbiConfig#timeResolutionNanos()}. The
 * CPU-time clocks 2 and 3 are an ABI deficiency (reference §3.7); other ids are EINVAL.
 */
final class WasiClocks {
    static final int REALTIME = 0;
    static final int MONOTONIC = 1;
    static final int PROCESS_CPUTIME = 2;
    static final int THREAD_CPUTIME = 3;

    private final AbiState s;

    WasiClocks(AbiState s) {
        this.s = s;
    }

    void register(ImportTable t) {
        t.add("clock_res_get", "ii", "i", (c, a) -> {
            GuestMemory m = s.memory(c);
            m.check((int) a[1], 8, "clock_res_get result pointer");
            int id = (int) a[0];
            if (id < REALTIME || id > THREAD_CPUTIME) {
                return ImportTable.i32(Errno.EINVAL);
            }
            m.putU64((int) a[1], s.config.timeResolutionNanos(), "clock_res_get result pointer");
            return ImportTable.i32(Errno.SUCCESS);
        });
        t.add("clock_time_get", "iIi", "i", (c, a) -> {
            GuestMemory m = s.memory(c);
            m.check((int) a[2], 8, "clock_time_get result pointer");
            int id = (int) a[0];
            if (id == PROCESS_CPUTIME || id == THREAD_CPUTIME) {
                throw Deficiency.of(s.pipe, "CPU-time clock " + id + " is not available");
            }
            if (id != REALTIME && id != MONOTONIC) {
                return ImportTable.i32(Errno.EINVAL);
            }
            m.putU64((int) a[2], id == REALTIME ? realtime() : monotonic(), "clock_time_get result pointer");
            return ImportTable.i32(Errno.SUCCESS);
        });
    }

    /** Realtime clock value as the program sees it. */
    long realtime() {
        Instant now = Instant.now();
        return coarse(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    }

    /** Monotonic clock value as the program sees it. */
    long monotonic() {
        return coarse(System.nanoTime() - s.monotonicZero);
    }

    private long coarse(long nanos) {
        return nanos - Math.floorMod(nanos, s.config.timeResolutionNanos());
    }
}
