package gate.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.InstanceLimits;
import gate.engine.TrapId;
import gate.engine.UnlinkableException;
import gate.wasm.Module;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WASI calls one by one: errnos, layouts, limits, and what is not resolved. */
class WasiTest {

    private static long errno(long[] results) {
        return results[0];
    }

    @Test
    void fdWriteAndReadErrnos() {
        Probe p = new Probe(new ProbeModule().wasi("fd_write", "iiii", "i").wasi("fd_read", "iiii", "i"));
        p.put(1024, "text".getBytes(StandardCharsets.UTF_8));
        p.iovecs(16, 1024, 4);
        assertEquals(Errno.EINVAL, errno(p.call("fd_write", 0, 16, 1, 0)));
        assertEquals(Errno.EBADF, errno(p.call("fd_write", 3, 16, 1, 0)));
        assertEquals(Errno.EBADF, errno(p.call("fd_write", 5, 16, 1, 0)));
        assertEquals(Errno.SUCCESS, errno(p.call("fd_write", 2, 16, 1, 0)));
        assertEquals(4, p.u32(0));
        assertEquals("text", p.session().debugText());
        assertEquals(Errno.SUCCESS, errno(p.call("fd_write", 1, 16, 1, 0)));
        assertEquals("text", p.session().stdoutText());
        assertEquals(Errno.EINVAL, errno(p.call("fd_read", 1, 16, 1, 0)));
        assertEquals(Errno.EBADF, errno(p.call("fd_read", 3, 16, 1, 0)));
        assertEquals(Errno.EAGAIN, errno(p.call("fd_read", 4, 16, 1, 0)));
        assertEquals(TrapId.ABI_VIOLATION, p.trap("fd_write", 1, 16, 1, 65536));
        assertEquals(TrapId.ABI_VIOLATION, p.trap("fd_read", 0, 65530, 1, 0));
    }

    @Test
    void packetFdWritesWholePackets() {
        Probe p = new Probe(new ProbeModule().wasi("fd_write", "iiii", "i"));
        byte[] discovery = Probe.packet(8 + 7, -1, 0, 0, new byte[] {1, 0, 4, 't', 'e', 's', 't'});
        p.put(1024, discovery);
        p.iovecs(16, 1024, discovery.length);
        assertEquals(Errno.SUCCESS, errno(p.call("fd_write", 4, 16, 1, 0)));
        assertEquals(16, p.u32(0));
        p.put(1024, Probe.packet(-2, 3, new byte[8]));
        assertEquals(TrapId.ABI_VIOLATION, p.trap("fd_write", 4, 16, 1, 0));
    }

    @Test
    void stdoutClosedBySessionIsEpipe() {
        Probe p = new Probe(new ProbeModule().wasi("fd_write", "iiii", "i"));
        p.session().toProgram(gate.api.FlowEntry.encode(-2, List.of(new gate.api.FlowEntry(0, 0))));
        p.iovecs(16, 1024, 4);
        assertEquals(Errno.EPIPE, errno(p.call("fd_write", 1, 16, 1, 0)));
    }

    @Test
    void stdinEndsWhenTheSessionEnds() {
        Probe p = new Probe(new ProbeModule().wasi("fd_read", "iiii", "i"), new FakeSession().stdinOpen());
        p.session().end();
        p.iovecs(16, 1024, 4);
        assertEquals(Errno.SUCCESS, errno(p.call("fd_read", 0, 16, 1, 0)));
        assertEquals(0, p.u32(0));
    }

    @Test
    void clocks() {
        Probe p = new Probe(new ProbeModule().wasi("clock_time_get", "iIi", "i").wasi("clock_res_get", "ii", "i"));
        assertEquals(Errno.SUCCESS, errno(p.call("clock_time_get", 0, 0, 8)));
        long realtime = ByteBuffer.wrap(p.get(8, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertTrue(realtime > 1_577_836_800_000_000_000L);
        assertEquals(Errno.EINVAL, errno(p.call("clock_time_get", 4, 0, 8)));
        assertEquals(TrapId.ABI_VIOLATION, p.trap("clock_time_get", 1, 0, 65532));
        assertEquals(Errno.SUCCESS, errno(p.call("clock_res_get", 1, 8)));
        assertEquals(1, p.u32(8)); // the probe's configured resolution
        assertEquals(Errno.EINVAL, errno(p.call("clock_res_get", 9, 8)));
        assertEquals(TrapId.ABI_DEFICIENCY, p.trap("clock_time_get", 2, 0, 8)); // resumable: last
    }

    @Test
    void coarseClocks() {
        Module m = new ProbeModule().wasi("clock_time_get", "iIi", "i").build();
        AbiConfig config = new AbiConfig(List.of("p"), List.of(), 1_000_000, new SecureRandom(), 16, 65536);
        ProgramRun run = new ProgramRun(m, new FakeSession(), config);
        run.instance.invoke("clock_time_get", 0, 0, 8);
        MemoryView view = new MemoryView(run);
        assertEquals(0, view.u64(8) % 1_000_000);
    }

    @Test
    void randomHasALimit() {
        Module m = new ProbeModule().wasi("random_get", "ii", "i").build();
        AbiConfig config = new AbiConfig(List.of("p"), List.of(), 1, new SecureRandom(), 32, 65536);
        ProgramRun run = new ProgramRun(m, new FakeSession(), config);
        assertEquals(Errno.SUCCESS, errno(run.instance.invoke("random_get", 0, 16)));
        assertEquals(Errno.SUCCESS, errno(run.instance.invoke("random_get", 16, 16)));
        Probe p = new Probe(new ProbeModule().wasi("random_get", "ii", "i"));
        assertEquals(TrapId.ABI_VIOLATION, p.trap("random_get", 65530, 16));
        try {
            run.instance.invoke("random_get", 0, 1);
        } catch (gate.engine.TrapException e) {
            assertEquals(TrapId.ABI_DEFICIENCY, e.trap());
            return;
        }
        throw new AssertionError("random_get beyond the limit returned");
    }

    /**
     * More random bytes than one refill of the native engine's pool (4096): all handed out, none
     * twice, and the limit counts every byte across calls.
     */
    @Test
    void randomBeyondOnePool() {
        Module m = new ProbeModule().wasi("random_get", "ii", "i").build();
        AbiConfig config = new AbiConfig(List.of("p"), List.of(), 1, new SecureRandom(), 40_000 + 5000, 65536);
        ProgramRun run = new ProgramRun(m, new FakeSession(), config);
        assertEquals(Errno.SUCCESS, errno(run.instance.invoke("random_get", 0, 40_000)));
        assertEquals(Errno.SUCCESS, errno(run.instance.invoke("random_get", 40_000, 5000)));
        byte[] bytes = new MemoryView(run).bytes(0, 45_000);
        java.util.Set<java.nio.ByteBuffer> chunks = new java.util.HashSet<>();
        for (int at = 0; at + 16 <= bytes.length; at += 16) {
            assertTrue(chunks.add(ByteBuffer.wrap(java.util.Arrays.copyOfRange(bytes, at, at + 16))),
                    "16 random bytes at " + at + " were handed out before");
        }
        try {
            run.instance.invoke("random_get", 0, 1);
        } catch (gate.engine.TrapException e) {
            assertEquals(TrapId.ABI_DEFICIENCY, e.trap());
            return;
        }
        throw new AssertionError("random_get beyond the limit returned");
    }

    @Test
    void argsAndEnvironment() {
        Module m = new ProbeModule().wasi("environ_sizes_get", "ii", "i").wasi("environ_get", "ii", "i")
                .wasi("args_sizes_get", "ii", "i").wasi("args_get", "ii", "i").build();
        AbiConfig config = AbiConfig.of(List.of("prog", "ä1")).withEnv(List.of("X=1"));
        ProgramRun run = new ProgramRun(m, new FakeSession(), config);
        MemoryView view = new MemoryView(run);
        run.instance.invoke("environ_sizes_get", 0, 4);
        assertEquals(4, view.u32(0));
        assertEquals(19 + 10 + 25 + 4, view.u32(4));
        run.instance.invoke("environ_get", 16, 1024);
        assertEquals("GATE_ABI_VERSION=0\0GATE_FD=4\0GATE_MAX_SEND_SIZE=65536\0X=1\0", view.string(1024, 58));
        assertEquals(1024 + 19, view.u32(20));
        run.instance.invoke("args_sizes_get", 0, 4);
        assertEquals(2, view.u32(0));
        assertEquals(5 + 4, view.u32(4));
        run.instance.invoke("args_get", 16, 2048);
        assertEquals("prog\0ä1\0", view.string(2048, 9));
        try {
            run.instance.invoke("args_get", 65534, 2048);
            throw new AssertionError("args_get wrote outside memory");
        } catch (gate.engine.TrapException e) {
            assertEquals(TrapId.ABI_VIOLATION, e.trap());
        }
    }

    @Test
    void fdstatAndPrestat() {
        Probe p = new Probe(new ProbeModule().wasi("fd_fdstat_get", "ii", "i").wasi("fd_prestat_get", "ii", "i")
                .wasi("fd_close", "i", "i").wasi("fd_seek", "iIii", "i").wasi("path_open", "iiiiiIIii", "i")
                .wasi("sock_accept", "iii", "i").wasi("sched_yield", "", "i").wasi("proc_raise", "i", "i"));
        assertEquals(Errno.SUCCESS, errno(p.call("fd_fdstat_get", 4, 64)));
        assertEquals(4, p.get(66, 1)[0]); // NONBLOCK
        assertEquals(Errno.EBADF, errno(p.call("fd_fdstat_get", 3, 64)));
        assertEquals(Errno.EBADF, errno(p.call("fd_prestat_get", 3, 64)));
        assertEquals(Errno.ENOTSUP, errno(p.call("fd_close", 1)));
        assertEquals(Errno.EBADF, errno(p.call("fd_close", 7)));
        assertEquals(Errno.ESPIPE, errno(p.call("fd_seek", 1, 0, 0, 64)));
        assertEquals(Errno.ENOENT, errno(p.call("path_open", 3, 0, 0, 0, 0, 0, 0, 0, 64)));
        assertEquals(Errno.ENOTSOCK, errno(p.call("sock_accept", 4, 0, 64)));
        assertEquals(Errno.SUCCESS, errno(p.call("sched_yield")));
        assertEquals(Errno.ENOSYS, errno(p.call("proc_raise", 9)));
    }

    @Test
    void pollWaitsForARelativeClock() {
        Probe p = new Probe(new ProbeModule().wasi("poll_oneoff", "iiii", "i"));
        ByteBuffer sub = ByteBuffer.allocate(96).order(ByteOrder.LITTLE_ENDIAN);
        sub.putLong(0, 7).put(8, (byte) 0).putInt(16, 1).putLong(24, 5_000_000); // monotonic, 5 ms
        sub.putLong(48, 8).put(56, (byte) 2).putInt(64, 9); // fd_write on fd 9: EBADF
        p.put(1024, sub.array());
        assertEquals(Errno.SUCCESS, errno(p.call("poll_oneoff", 1024, 2048, 1, 0)));
        assertEquals(1, p.u32(0));
        assertEquals(7, p.u32(2048));
        assertEquals(Errno.SUCCESS, errno(p.call("poll_oneoff", 1024, 2048, 2, 0)));
        assertEquals(1, p.u32(0)); // the EBADF event is ready at once; the clock is not
        assertEquals(8, p.u32(2048));
        assertEquals(Errno.EBADF, p.u32(2048 + 8) & 0xffff);
        assertEquals(Errno.EINVAL, errno(p.call("poll_oneoff", 1024, 2048, 0, 0)));
        assertEquals(TrapId.ABI_VIOLATION, p.trap("poll_oneoff", 1024, 2048, 0x10000000, 0));
    }

    @Test
    void pollReportsStdinEndAndPastDeadlines() {
        Probe p = new Probe(new ProbeModule().wasi("poll_oneoff", "iiii", "i"), new FakeSession().stdin(new byte[0]));
        ByteBuffer sub = ByteBuffer.allocate(96).order(ByteOrder.LITTLE_ENDIAN);
        sub.putLong(0, 1).put(8, (byte) 1).putInt(16, 0); // fd_read on stdin
        sub.putLong(48, 2).put(56, (byte) 0).putInt(64, 0).putLong(72, 1_000_000_000L).putShort(88, (short) 1); // realtime, absolute, 1971
        p.put(1024, sub.array());
        // First the stdin subscription alone, which waits for the session's answer to the grant
        // (on the native engine that answer arrives asynchronously, so a poll with a past deadline
        // could return before it), then both: the end of stdin and the deadline are both ready.
        assertEquals(Errno.SUCCESS, errno(p.call("poll_oneoff", 1024, 2048, 1, 0)));
        assertEquals(1, p.u32(0));
        assertEquals(1, p.get(2048 + 24, 1)[0]); // hang-up
        assertEquals(Errno.SUCCESS, errno(p.call("poll_oneoff", 1024, 2048, 2, 0)));
        assertEquals(2, p.u32(0));
        assertEquals(1, p.u32(2048));
        assertEquals(0, ByteBuffer.wrap(p.get(2048 + 16, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong()); // no bytes
        assertEquals(1, p.get(2048 + 24, 1)[0]); // hang-up: end of stdin
        assertEquals(2, p.u32(2048 + 32));
    }

    @Test
    void unstablePollHasItsOwnLayout() {
        Probe p = new Probe(new ProbeModule().fn("wasi_unstable", "poll_oneoff", "iiii", "i")
                .fn("wasi_unstable", "fd_filestat_get", "ii", "i"));
        ByteBuffer sub = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        sub.putLong(0, 7).put(8, (byte) 0).putLong(16, 99).putInt(24, 1).putLong(32, 1_000_000);
        p.put(1024, sub.array());
        assertEquals(Errno.SUCCESS, errno(p.call("poll_oneoff", 1024, 2048, 1, 0)));
        assertEquals(1, p.u32(0));
        assertEquals(7, p.u32(2048));
        assertEquals(0, p.u32(2048 + 8) & 0xffff);
        byte[] ones = new byte[64];
        java.util.Arrays.fill(ones, (byte) 1);
        p.put(4096, ones);
        assertEquals(Errno.SUCCESS, errno(p.call("fd_filestat_get", 1, 4096)));
        assertEquals(0, p.get(4096 + 55, 1)[0]);
        assertEquals(1, p.get(4096 + 56, 1)[0]); // 56 bytes, not preview1's 64
    }

    @Test
    void withoutMemoryEveryPointerIsAViolation() {
        Probe p = new Probe(new ProbeModule().withoutMemory().wasi("fd_write", "iiii", "i").wasi("sched_yield", "", "i"));
        assertEquals(TrapId.ABI_VIOLATION, p.trap("fd_write", 1, 0, 0, 0));
        assertEquals(Errno.SUCCESS, errno(p.call("sched_yield")));
    }

    @Test
    void onlySupportedImportsResolve() {
        FakeSession session = new FakeSession();
        String[][] unknown = {
            {"gate", "io_65535"}, {"gate", "io_065536"}, {"gate", "io_"}, {"gate", "io_99999999999"},
            {"gate", "other"}, {"wasi_unstable", "nonsense"}, {"env", "fd_write"}, {"wasi_snapshot_preview1", "sock_open"},
        };
        for (String[] imp : unknown) {
            Module m = new ProbeModule().fn(imp[0], imp[1], "", "").build();
            ProgramAbi abi = ProgramAbi.create(m, session, ProgramRun.config("p"));
            assertNull(abi.resolve(m.imports().get(0)), imp[0] + "." + imp[1]);
        }
        Module fd = new ProbeModule().fn("gate", "fd_131072", "", "i").build();
        ProgramAbi abi = ProgramAbi.create(fd, session, ProgramRun.config("p"));
        assertNotNull(abi.resolve(fd.imports().get(0)));
        Module wrongSignature = new ProbeModule().wasi("fd_write", "iii", "i").build();
        assertThrows(UnlinkableException.class, () -> ProgramRun.ENGINE.compile(wrongSignature)
                .instantiate(ProgramAbi.create(wrongSignature, session, ProgramRun.config("p")), InstanceLimits.DEFAULT));
        Module fdCall = new ProbeModule().fn("gate", "fd_65536", "", "i").build();
        ProgramRun run = new ProgramRun(fdCall, session, ProgramRun.config("p"));
        assertArrayEquals(new long[] {4}, run.instance.invoke("fd_65536"));
    }

    /** Reads an instance's exported memory. */
    private record MemoryView(ProgramRun run) {
        byte[] bytes(int at, int n) {
            byte[] b = new byte[n];
            ((gate.engine.MemoryExtern) run.instance.export("memory")).read(at, b, 0, n);
            return b;
        }

        int u32(int at) {
            return ByteBuffer.wrap(bytes(at, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }

        long u64(int at) {
            return ByteBuffer.wrap(bytes(at, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }

        String string(int at, int n) {
            return new String(bytes(at, n), StandardCharsets.UTF_8);
        }
    }
}
