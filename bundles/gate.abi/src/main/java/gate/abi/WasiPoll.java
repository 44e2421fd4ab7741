package gate.abi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code poll_oneoff(in, out, nsubscriptions, nevents_ptr)} (layouts of {@link WasiLayout}):
 * fd subscriptions on 0 (read: stdin has bytes or ended; asking grants stdin capacity), 1 (write:
 * stdout credit, or hang-up when closed), 2 (write: always) and 4 (read: packet input; write:
 * output room); other fds report EBADF. Clock subscriptions on the realtime and monotonic clocks,
 * relative or absolute, really wait: the call blocks in {@link InstancePipe#await} until the
 * earliest one expires, so {@code sleep()} works. It stays interruptible like every blocking call;
 * a relative timeout restarts when the call is retried after a suspension.
 */
final class WasiPoll {
    private static final int EVENT_SIZE = 32;
    private static final int TAG_CLOCK = 0;
    private static final int TAG_FD_READ = 1;
    private static final int TAG_FD_WRITE = 2;
    private static final int SUBCLOCK_ABSTIME = 1;
    private static final int EVENT_FD_HANGUP = 1;
    /** Longest wait, about 146 years, so deadlines never overflow. */
    private static final long MAX_TIMEOUT = Long.MAX_VALUE / 2;
    /** Most subscriptions of one call (wasi-libc's poll passes one or two per fd). */
    static final int MAX_SUBSCRIPTIONS = 1 << 16;

    private final AbiState s;
    private final WasiClocks clocks;
    private final WasiLayout layout;

    WasiPoll(AbiState s, WasiClocks clocks, WasiLayout layout) {
        this.s = s;
        this.clocks = clocks;
        this.layout = layout;
    }

    void register(ImportTable t) {
        t.add("poll_oneoff", "iiii", "i", (c, a) -> ImportTable.i32(poll(s.memory(c), (int) a[0], (int) a[1], (int) a[2], (int) a[3])));
    }

    /** One subscription; {@code deadline} is in {@link System#nanoTime()} terms for clocks. */
    private record Subscription(long userdata, int tag, int fd, int clockError, long deadline) {}

    private int poll(GuestMemory m, int in, int out, int count, int neventsPtr) {
        long n = Integer.toUnsignedLong(count);
        if (n > MAX_SUBSCRIPTIONS) {
            throw Violation.of(s.pipe, "poll_oneoff with " + n + " subscriptions, more than " + MAX_SUBSCRIPTIONS);
        }
        m.check(in, n * layout.subscriptionSize(), "poll_oneoff subscriptions");
        m.check(out, n * EVENT_SIZE, "poll_oneoff events");
        m.check(neventsPtr, 4, "poll_oneoff event count pointer");
        if (n == 0) {
            return Errno.EINVAL;
        }
        ByteBuffer subs = ByteBuffer.wrap(m.read(in, (int) (n * layout.subscriptionSize()), "poll_oneoff subscriptions"))
                .order(ByteOrder.LITTLE_ENDIAN);
        List<Subscription> subscriptions = new ArrayList<>();
        long earliest = Blocking.FOREVER;
        long now = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Subscription sub = parse(subs, i * layout.subscriptionSize(), now);
            subscriptions.add(sub);
            if (sub.tag == TAG_CLOCK && sub.clockError == 0 && (earliest == Blocking.FOREVER || sub.deadline - earliest < 0)) {
                earliest = sub.deadline;
            }
            if (sub.tag == TAG_FD_READ && sub.fd == WasiFds.STDIN) {
                s.stdio.requestStdin();
            }
        }
        s.blocking.waitUntil(() -> anyReady(subscriptions), earliest);
        ByteBuffer events = ByteBuffer.allocate((int) n * EVENT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        int ready = 0;
        for (Subscription sub : subscriptions) {
            if (writeEvent(events, ready * EVENT_SIZE, sub)) {
                ready++;
            }
        }
        byte[] bytes = new byte[ready * EVENT_SIZE];
        events.get(0, bytes);
        m.write(out, bytes, "poll_oneoff events");
        m.putU32(neventsPtr, ready, "poll_oneoff event count pointer");
        return Errno.SUCCESS;
    }

    /** subscription: u64 userdata, u8 tag at 8, then at 16 the clock or fd_readwrite body. */
    private Subscription parse(ByteBuffer b, int at, long now) {
        long userdata = b.getLong(at);
        int tag = b.get(at + 8) & 0xff;
        if (tag != TAG_CLOCK) {
            return new Subscription(userdata, tag, b.getInt(at + 16), 0, 0);
        }
        // preview1 subscription_clock: u32 id at 16, u64 timeout at 24, u64 precision at 32, u16
        // flags at 40; preview 0 has a u64 identifier at 16 and everything 8 bytes later
        int id = b.getInt(at + layout.clockIdAt());
        long timeout = b.getLong(at + layout.timeoutAt());
        boolean absolute = (b.getShort(at + layout.clockFlagsAt()) & SUBCLOCK_ABSTIME) != 0;
        if (id != WasiClocks.REALTIME && id != WasiClocks.MONOTONIC) {
            return new Subscription(userdata, tag, -1, Errno.EINVAL, now);
        }
        long wait;
        if (!absolute) {
            wait = timeout;
        } else {
            long current = id == WasiClocks.REALTIME ? clocks.realtime() : clocks.monotonic();
            wait = Long.compareUnsigned(timeout, current) <= 0 ? 0 : timeout - current;
        }
        if (wait < 0 || wait > MAX_TIMEOUT) {
            wait = MAX_TIMEOUT; // an unsigned timeout beyond i64: wait as long as we can
        }
        return new Subscription(userdata, tag, -1, 0, now + wait);
    }

    private boolean anyReady(List<Subscription> subscriptions) {
        for (Subscription sub : subscriptions) {
            if (isReady(sub)) {
                return true;
            }
        }
        return false;
    }

    private boolean isReady(Subscription sub) {
        return switch (sub.tag) {
            case TAG_CLOCK -> sub.clockError != 0 || System.nanoTime() - sub.deadline >= 0;
            case TAG_FD_READ -> switch (sub.fd) {
                case WasiFds.STDIN -> s.stdio.stdinReady();
                case GateImports.PACKET_FD -> !s.input.program().isEmpty();
                default -> true; // EBADF event
            };
            case TAG_FD_WRITE -> switch (sub.fd) {
                case WasiFds.STDOUT -> s.stdio.canWriteStdout() || s.stdio.stdoutClosed();
                case GateImports.PACKET_FD -> s.output.hasRoom();
                default -> true; // fd 2 is always writable; others are an EBADF event
            };
            default -> true; // unknown tag: an EINVAL event
        };
    }

    /**
     * event: u64 userdata, u16 error at 8, u8 type at 10, then for fd events u64 nbytes at 16 and
     * u16 flags at 24. Returns whether the subscription produced an event.
     */
    private boolean writeEvent(ByteBuffer e, int at, Subscription sub) {
        if (!isReady(sub)) {
            return false;
        }
        e.putLong(at, sub.userdata).put(at + 10, (byte) sub.tag);
        switch (sub.tag) {
            case TAG_CLOCK -> e.putShort(at + 8, (short) sub.clockError);
            case TAG_FD_READ, TAG_FD_WRITE -> fdEvent(e, at, sub);
            default -> e.putShort(at + 8, (short) Errno.EINVAL);
        }
        return true;
    }

    private void fdEvent(ByteBuffer e, int at, Subscription sub) {
        boolean read = sub.tag == TAG_FD_READ;
        long nbytes;
        boolean hangup = false;
        if (read && sub.fd == WasiFds.STDIN) {
            nbytes = s.stdio.stdinBuffered();
            hangup = nbytes == 0;
        } else if (read && sub.fd == GateImports.PACKET_FD) {
            nbytes = s.input.program().size();
        } else if (!read && sub.fd == WasiFds.STDOUT) {
            nbytes = s.stdio.stdoutCredit();
            hangup = s.stdio.stdoutClosed();
        } else if (!read && sub.fd == WasiFds.STDERR) {
            nbytes = WasiFds.MAX_DEBUG_WRITE;
        } else if (!read && sub.fd == GateImports.PACKET_FD) {
            nbytes = s.output.limit();
        } else {
            e.putShort(at + 8, (short) Errno.EBADF);
            return;
        }
        e.putLong(at + 16, nbytes).putShort(at + 24, (short) (hangup ? EVENT_FD_HANGUP : 0));
    }
}
