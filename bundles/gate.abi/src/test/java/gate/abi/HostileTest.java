package gate.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.api.Packet;
import gate.engine.TrapId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Programs that break the ABI end with ABI_VIOLATION (and nothing reaches the session), never
 * with a host exception; programs at the edge of the rules keep running.
 */
class HostileTest {
    private static final int CALL = 0;
    private static final int INFO = 1;
    private static final int FLOW = 2;
    private static final int DATA = 3;

    private static Probe io() {
        return new Probe(new ProbeModule().io());
    }

    private static void assertViolation(Probe probe, TrapId trap) {
        assertEquals(TrapId.ABI_VIOLATION, trap, probe.session().debugText());
        assertTrue(probe.session().debugText().startsWith("gate: ABI violation: "), probe.session().debugText());
        assertTrue(probe.session().servicePackets().isEmpty());
    }

    @Test
    void ioPointersOutsideMemory() {
        Probe p = io();
        assertViolation(p, p.trap("io_65536", 65536 - 4, 1, 0, 0, 0, 4, 0)); // iovec array crosses the end
        p = io();
        p.iovecs(16, 100, -1); // a 4 GiB buffer
        assertViolation(p, p.trap("io_65536", 16, 1, 0, 0, 0, 4, 0));
        p = io();
        assertViolation(p, p.trap("io_65536", 16, 0x7fffffff, 0, 0, 0, 4, 0)); // huge count
        p = io();
        assertViolation(p, p.trap("io_65536", 0, 0, 65535, 0, 0, 4, 0)); // result pointer crosses the end
        p = io();
        assertViolation(p, p.trap("io_65536", 0, 0, -4, 0, 0, 4, 0));
    }

    @Test
    void overlappingReceiveBuffersAreFine() {
        Probe p = new Probe(new ProbeModule().io());
        byte[] discovery = Probe.packet(8 + 7, -1, CALL, 0, new byte[] {1, 0, 4, 't', 'e', 's', 't'});
        assertNull(p.sendThroughIo(discovery));
        p.iovecs(32, 2048, 8, 2048, 8, 2048, 100); // all three overlap
        p.call("io_65536", 32, 3, 0, 0, 0, 4, 0);
        assertEquals(16, p.u32(0)); // the discovery reply: 8 + 2 + 1 bytes, padded
        assertEquals(0x00010001, p.u32(2048)); // the second buffer overwrote the header: total 1, state 1
    }

    @Test
    void packetHeaderRules() {
        byte[][] bad = {
            Probe.packet(4, -1, CALL, 0, new byte[0]), // smaller than a header
            Probe.packet(65537, -1, CALL, 0, new byte[0]), // larger than 65536
            Probe.packet(0xffffffffL, -1, CALL, 0, new byte[0]),
            Probe.packet(-2, DATA, new byte[8]), // the stdio channel's code
            Probe.packet(-3, CALL, new byte[0]), // another negative code
            Probe.packet(-1, INFO, new byte[2]), // discovery is a call
            Probe.packet(0, CALL, new byte[0]), // nothing discovered
            Probe.packet(8, -1, 4, 0, new byte[0]), // domain 4
            Probe.packet(8, -1, 0x10, 0, new byte[0]), // high domain bits
            Probe.packet(10, -1, CALL, 1, new byte[2]), // index
        };
        for (byte[] packet : bad) {
            Probe p = io();
            assertViolation(p, p.sendThroughIo(packet));
        }
    }

    @Test
    void discoveryRequestRules() {
        byte[][] bad = {
            Probe.packet(-1, CALL, new byte[] {1}), // no count
            Probe.packet(-1, CALL, new byte[] {1, 0}), // one name announced, none there
            Probe.packet(-1, CALL, new byte[] {1, 0, 0}), // empty name
            Probe.packet(-1, CALL, new byte[] {1, 0, 5, 'a', 'b'}), // name runs past the end
            Probe.packet(-1, CALL, new byte[] {1, 0, 1, 'a', 'x'}), // bytes after the last name
            Probe.packet(-1, CALL, new byte[] {1, 1}), // 257 names
        };
        for (byte[] packet : bad) {
            Probe p = io();
            assertViolation(p, p.sendThroughIo(packet));
        }
        byte[] longName = new byte[2 + 1 + 128];
        longName[0] = 1;
        longName[2] = (byte) 128;
        Probe p = io();
        assertViolation(p, p.sendThroughIo(Probe.packet(-1, CALL, longName)));
    }

    /** A probe that has discovered "test" (code 0) and read the reply. */
    private static Probe discovered() {
        Probe p = io();
        assertNull(p.sendThroughIo(Probe.packet(8 + 7, -1, CALL, 0, new byte[] {1, 0, 4, 't', 'e', 's', 't'})));
        p.iovecs(32, 2048, 4096);
        p.call("io_65536", 32, 1, 0, 0, 0, 4, 0);
        assertEquals(16, p.u32(0)); // the reply: {code -1, call, u16 1, state}
        if (ProgramRun.ABI_IN_JAVA) {
            assertEquals(1, p.run.abi.discoveredServices());
        }
        return p;
    }

    @Test
    void streamPacketRules() {
        Probe p = discovered();
        assertViolation(p, p.sendThroughIo(Probe.packet(0, DATA, new byte[4]))); // data without note
        p = discovered();
        assertViolation(p, p.sendThroughIo(Probe.packet(0, FLOW, new byte[12]))); // half an entry
        p = discovered();
        assertViolation(p, p.sendThroughIo(Probe.packet(1, CALL, new byte[0]))); // code 1 unknown
    }

    @Test
    void validPacketsReachTheSession() {
        Probe p = discovered();
        assertNull(p.sendThroughIo(Probe.packet(0, CALL, "ping".getBytes(StandardCharsets.UTF_8))));
        assertNull(p.sendThroughIo(Probe.packet(0, DATA, new byte[8]))); // empty data = end of stream
        assertNull(p.sendThroughIo(Probe.packet(0, FLOW, new byte[16])));
        assertEquals(3, p.session().servicePackets().size());
        assertArrayEquals("ping".getBytes(StandardCharsets.UTF_8), p.session().servicePackets().get(0).content());
        assertEquals(24, p.u32(4)); // the sent count of the last call
    }

    @Test
    void aPacketMaySpanCalls() {
        Probe p = io();
        byte[] discovery = Probe.packet(8 + 7, -1, CALL, 0, new byte[] {1, 0, 4, 't', 'e', 's', 't'});
        for (int i = 0; i < discovery.length; i += 3) {
            byte[] piece = java.util.Arrays.copyOfRange(discovery, i, Math.min(discovery.length, i + 3));
            assertNull(p.sendThroughIo(piece));
            assertEquals(piece.length, p.u32(4));
        }
        p.iovecs(32, 2048, 4096);
        p.call("io_65536", 32, 1, 0, 0, 0, 4, 0);
        assertEquals(16, p.u32(0)); // the reply: the packet was whole
        if (ProgramRun.ABI_IN_JAVA) {
            assertEquals(1, p.run.abi.discoveredServices());
            assertEquals(0, p.run.abi.unsentOutput().length);
        }
    }

    @Test
    void brokenSessionFramingIsAnInternalError() {
        Probe p = io();
        p.session().rawToProgram(new byte[] {3, 0, 0, 0, 0, 0, 0, 0});
        assertEquals(TrapId.INTERNAL_ERROR, p.trap("io_65536", 0, 0, 0, 0, 0, 4, 0));
    }

    @Test
    void sessionPacketsKeepTheirOrderAroundStdio() {
        Probe p = io();
        FakeSession s = p.session();
        s.toProgram(Packet.info(-1, new byte[] {0, 0}));
        s.toProgram(Packet.call(-2, new byte[0])); // ignored by the stdio channel
        s.toProgram(Packet.info(-1, new byte[] {1, 0, 1}));
        p.iovecs(32, 2048, 4096);
        p.call("io_65536", 32, 1, 0, 0, 0, 4, 0);
        assertEquals(32, p.u32(0));
        assertEquals(10, p.u32(2048));
        assertEquals(11, p.u32(2048 + 16));
        if (ProgramRun.ABI_IN_JAVA) {
            assertEquals(1, p.run.abi.discoveredServices());
        }
    }

    @Test
    void sendsAreShortWhenThePipeTakesNothing() {
        // What the Java ABI holds back; in the sandbox the runtime's own tests check its bound
        // (runtime.native test_abi), and the engine waits for the pipe at the end of a call.
        org.junit.jupiter.api.Assumptions.assumeTrue(ProgramRun.ABI_IN_JAVA, "the ABI's Java state");
        Probe p = discovered();
        p.session().writeBudget(0);
        byte[] call = Probe.packet(0, CALL, new byte[65536 - 8]);
        byte[] three = new byte[call.length * 3];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(call, 0, three, i * call.length, call.length);
        }
        p.memory.grow(4);
        p.put(1 << 16, three);
        p.iovecs(16, 1 << 16, three.length);
        p.call("io_65536", 0, 0, 0, 16, 1, 4, 0);
        assertEquals(2 * 65536, p.u32(4)); // the ABI holds at most two packets the pipe did not take
        assertEquals(2 * 65536, p.run.abi.unsentOutput().length);
        assertTrue(p.session().servicePackets().isEmpty());
        p.session().writeBudget(-1);
        assertTrue(p.run.abi.flush());
        assertEquals(2, p.session().servicePackets().size());
    }

    @Test
    void unreadPacketsTakeBoundedMemory() {
        // How much the Java ABI takes from the pipe in one look; in the sandbox what it takes
        // depends on how far the engine moved the stream meanwhile (bounded by the runtime's buffer).
        org.junit.jupiter.api.Assumptions.assumeTrue(ProgramRun.ABI_IN_JAVA, "the ABI's Java state");
        Probe p = io();
        byte[] info = Packet.info(-1, new byte[65536 - 8]).encode();
        for (int i = 0; i < 40; i++) {
            p.session().rawToProgram(info);
        }
        p.call("io_65536", 0, 0, 0, 0, 0, 4, 0); // reads what it takes, receives nothing
        long taken = 40L * info.length - p.session().pendingToProgram();
        assertTrue(taken >= PacketInput.PROGRAM_QUEUE_LIMIT && taken <= PacketInput.PROGRAM_QUEUE_LIMIT + 2 * 65536,
                "took " + taken);
    }
}
