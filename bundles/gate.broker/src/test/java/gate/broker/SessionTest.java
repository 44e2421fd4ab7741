package gate.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.api.Domain;
import gate.api.Packet;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final FakeDirectory directory = new FakeDirectory();
    private final LinkedBlockingQueue<String> violations = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Session start(SessionOptions options) {
        return Session.start(directory, executor, options.withOnViolation(violations::add));
    }

    static Packet discovery(String... names) {
        var out = new ByteArrayOutputStream();
        out.write(names.length & 0xff);
        out.write(names.length >>> 8);
        for (String name : names) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        return Packet.call(-1, out.toByteArray());
    }

    static byte[] states(int... states) {
        ByteBuffer b = ByteBuffer.allocate(2 + states.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) states.length);
        for (int s : states) {
            b.put((byte) s);
        }
        return b.array();
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void discoveryRepliesAreCumulativeAndUnknownNamesGetCodes() throws Exception {
        directory.add(new FakeService("a"));
        directory.add(new FakeService("b"));
        try (Session session = start(SessionOptions.defaults())) {
            var program = new ProgramEnd(session.pipe());
            program.send(discovery("b", "nope"));
            Packet reply = program.receive();
            assertEquals(-1, reply.code());
            assertEquals(Domain.CALL, reply.domain());
            assertArrayEquals(states(1, 0), reply.content());
            program.send(discovery("a"));
            assertArrayEquals(states(1, 0, 1), program.receive().content());
            program.send(discovery());
            assertArrayEquals(states(1, 0, 1), program.receive().content());
        }
        assertTrue(violations.isEmpty(), violations::toString);
    }

    @Test
    void packetsGoToTheServiceOfTheirCodeAndRepliesComeBackUnderIt() throws Exception {
        var a = new FakeService("a");
        var b = new FakeService("b");
        directory.add(a);
        directory.add(b);
        try (Session session = start(SessionOptions.defaults())) {
            var program = new ProgramEnd(session.pipe());
            program.send(discovery("a", "b"));
            program.receive();
            program.send(Packet.call(1, text("x")));
            Packet reply = program.receive();
            assertEquals(1, reply.code());
            assertArrayEquals(text("b:x"), reply.content());
            program.send(Packet.call(0, text("y")));
            assertArrayEquals(text("a:y"), program.receive().content());
            assertEquals(1, b.configs.get(0).code());
            assertEquals(List.of("create", "start"), a.events);
        }
        assertEquals(List.of("create", "start", "shutdown"), a.events);
        assertEquals(List.of("create", "start", "shutdown"), b.events);
    }

    @Test
    void instancesAreCreatedOnlyForServicesThatGetPackets() throws Exception {
        var a = new FakeService("a");
        directory.add(a);
        try (Session session = start(SessionOptions.defaults())) {
            var program = new ProgramEnd(session.pipe());
            program.send(discovery("a"));
            program.receive();
        }
        assertEquals(List.of(), a.events);
    }

    @Test
    void undiscoveredCodeIsAViolation() throws Exception {
        directory.add(new FakeService("a"));
        try (Session session = start(SessionOptions.defaults())) {
            var program = new ProgramEnd(session.pipe());
            program.send(discovery("a"));
            program.receive();
            program.send(Packet.call(1, text("x")));
            String reason = violations.take();
            assertTrue(reason.contains("code 1 was not discovered"), reason);
            assertEquals(reason, session.violation().orElseThrow());
        }
    }

    @Test
    void malformedDiscoveryAndReservedCodesAreViolations() throws Exception {
        for (Packet bad : List.of(
                Packet.call(-1, new byte[] {1, 0, 0}),
                Packet.info(-1, new byte[] {0, 0}),
                Packet.call(-3, new byte[0]),
                Packet.call(-2, new byte[0]),
                Packet.of(0, Domain.DATA, 0, new byte[4]))) {
            directory.add(new FakeService("a"));
            try (Session session = start(SessionOptions.defaults())) {
                var program = new ProgramEnd(session.pipe());
                program.send(discovery("a"));
                program.receive();
                program.send(bad);
                violations.take();
            }
        }
    }

    @Test
    void repeatedNameIsAViolation() throws Exception {
        try (Session session = start(SessionOptions.defaults())) {
            var program = new ProgramEnd(session.pipe());
            program.send(discovery("a", "a"));
            assertTrue(violations.take().contains("already discovered"));
        }
    }

    @Test
    void availabilityChangesAreAnnouncedAndPacketsToGoneServicesDropped() throws Exception {
        var a = new FakeService("a");
        var other = new FakeService("other");
        directory.add(a);
        try (Session session = start(SessionOptions.defaults())) {
            var program = new ProgramEnd(session.pipe());
            program.send(discovery("a"));
            program.receive();
            program.send(Packet.call(0, text("1")));
            assertArrayEquals(text("a:1"), program.receive().content());

            directory.add(other); // not discovered: no notice
            directory.remove(a);
            Packet gone = program.receive();
            assertEquals(Domain.INFO, gone.domain());
            assertEquals(-1, gone.code());
            assertArrayEquals(states(0), gone.content());

            program.send(Packet.call(0, text("2"))); // dropped (§6.2)
            program.send(discovery()); // its reply shows that the session has handled "2"
            assertArrayEquals(states(0), program.receive().content());

            var a2 = new FakeService("a");
            directory.add(a2);
            Packet back = program.receive();
            assertEquals(Domain.INFO, back.domain());
            assertArrayEquals(states(1), back.content());

            program.send(Packet.call(0, text("3")));
            assertArrayEquals(text("a:3"), program.receive().content());
            assertEquals(List.of("create", "start"), a2.events);
        }
        assertEquals(List.of("create", "start", "shutdown"), a.events); // shut down when it went away
        assertTrue(violations.isEmpty());
        assertEquals(0, directory.subscribers());
    }

    @Test
    void unknownNameThatAppearsLaterIsAnnounced() throws Exception {
        try (Session session = start(SessionOptions.defaults())) {
            var program = new ProgramEnd(session.pipe());
            program.send(discovery("late"));
            assertArrayEquals(states(0), program.receive().content());
            directory.add(new FakeService("late"));
            assertArrayEquals(states(1), program.receive().content());
        }
    }

    @Test
    void slowServiceDoesNotDelayOthers() throws Exception {
        var slowGate = new CountDownLatch(1);
        directory.add(new FakeService("slow", slowGate));
        directory.add(new FakeService("fast"));
        try (Session session = start(SessionOptions.defaults())) {
            var program = new ProgramEnd(session.pipe());
            program.send(discovery("slow", "fast"));
            program.receive();
            program.send(Packet.call(0, text("s")));
            program.send(Packet.call(1, text("f")));
            Packet first = program.receive();
            assertArrayEquals(text("fast:f"), first.content());
            slowGate.countDown();
            assertArrayEquals(text("slow:s"), program.receive().content());
        }
    }

    @Test
    void slowServiceOfOneSessionDoesNotDelayAnotherSession() throws Exception {
        var slowGate = new CountDownLatch(1);
        directory.add(new FakeService("svc", slowGate));
        try (Session blocked = start(SessionOptions.defaults())) {
            var first = new ProgramEnd(blocked.pipe());
            first.send(discovery("svc"));
            first.receive();
            first.send(Packet.call(0, text("1")));
            directory.add(new FakeService("other"));
            try (Session free = start(SessionOptions.defaults())) {
                var second = new ProgramEnd(free.pipe());
                second.send(discovery("other"));
                second.receive();
                second.send(Packet.call(0, text("2")));
                assertArrayEquals(text("other:2"), second.receive().content());
            }
            slowGate.countDown();
            assertArrayEquals(text("svc:1"), first.receive().content());
        }
    }

    @Test
    void suspendCollectsServiceStates() throws Exception {
        var a = new FakeService("a");
        directory.add(a);
        directory.add(new FakeService("b"));
        Session session = start(SessionOptions.defaults());
        var program = new ProgramEnd(session.pipe());
        program.send(discovery("a", "b"));
        program.receive();
        program.send(Packet.call(0, text("x")));
        program.receive();
        Map<String, byte[]> states = session.suspend();
        assertArrayEquals(text("a"), states.get("a"));
        assertArrayEquals(new byte[0], states.get("b"));
        assertEquals(List.of("create", "start", "suspend"), a.events);
        assertTrue(program.atEnd());
        session.close(); // idempotent after suspend
    }

    @Test
    void stdioChannelRunsOnCodeMinusTwoWithItsOwnCodeSpace() throws Exception {
        var stdio = new FakeService("stdio");
        directory.add(new FakeService("a"));
        try (Session session = start(SessionOptions.defaults().withStdio(stdio))) {
            var program = new ProgramEnd(session.pipe());
            program.send(Packet.call(-2, text("in")));
            Packet reply = program.receive();
            assertEquals(-2, reply.code());
            assertArrayEquals(text("stdio:in"), reply.content());
            program.send(discovery("a"));
            assertArrayEquals(states(1), program.receive().content());
        }
        assertEquals(List.of("create", "start", "shutdown"), stdio.events);
    }

    @Test
    void ownServicesHideDirectoryServices() throws Exception {
        directory.add(new FakeService("origin"));
        var own = new FakeService("origin");
        try (Session session = start(SessionOptions.defaults().withOwnServices(Map.of("origin", own)))) {
            var program = new ProgramEnd(session.pipe());
            program.send(discovery("origin"));
            program.receive();
            program.send(Packet.call(0, text("o")));
            program.receive();
        }
        assertEquals(List.of("create", "start", "shutdown"), own.events);
    }

    @Test
    void programOutputWrittenBeforeTheEndIsStillDelivered() throws Exception {
        var a = new FakeService("a");
        directory.add(a);
        Session session = start(SessionOptions.defaults());
        var program = new ProgramEnd(session.pipe());
        program.send(discovery("a"));
        program.receive();
        for (int i = 0; i < 100; i++) {
            program.send(Packet.call(0, new byte[1000]));
        }
        session.close();
        assertEquals(3, a.events.size()); // create, start, shutdown after all 100 packets
        assertEquals("shutdown", a.events.get(2));
        assertFalse(session.violation().isPresent());
    }

    @Test
    void failingServiceIsShutDownForThisInstanceWhileOthersWork() throws Exception {
        var failing = new gate.api.Service() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String revision() {
                return "1";
            }

            @Override
            public gate.api.ServiceInstance createInstance(gate.api.InstanceConfig config, byte[] state) {
                throw new IllegalStateException("cannot create (expected by the test)");
            }
        };
        directory.add(failing);
        directory.add(new FakeService("fine"));
        try (Session session = start(SessionOptions.defaults())) {
            var program = new ProgramEnd(session.pipe());
            program.send(discovery("broken", "fine"));
            program.receive();
            program.send(Packet.call(0, text("a")));
            program.send(Packet.call(1, text("b")));
            assertArrayEquals(text("fine:b"), program.receive().content());
        }
        assertTrue(violations.isEmpty());
    }

    @Test
    void programThatFloodsOneSlowServiceIsThrottledNotFailed() throws Exception {
        var slowGate = new CountDownLatch(1);
        var slow = new FakeService("slow", slowGate);
        directory.add(slow);
        var options = new SessionOptions(Map.of(), null, SessionOptions.DEFAULT_INPUT_CAPACITY, 65536,
                bytes -> {}, violations::add);
        try (Session session = Session.start(directory, executor, options)) {
            var program = new ProgramEnd(session.pipe());
            program.send(discovery("slow"));
            program.receive();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 64; i++) {
                        program.send(Packet.call(0, new byte[16000])); // 1 MiB in all, 16 times the queue limit
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            // The service holds its first packet: its queue fills, the session stops reading and the
            // pipe fills up, so the program's writer ends up waiting for room.
            while (writer.getState() != Thread.State.TIMED_WAITING && writer.isAlive()) {
                Thread.sleep(5);
            }
            assertTrue(writer.isAlive(), "the writer was throttled before the service read anything");
            slowGate.countDown();
            for (int i = 0; i < 64; i++) {
                assertEquals(16005, program.receive().contentLength());
            }
            writer.join();
        }
        assertTrue(violations.isEmpty());
    }

    @Test
    void onlyProgramsThatDiscoveredAServiceHearOfIt() throws Exception {
        var a = new FakeService("a");
        directory.add(a);
        directory.add(new FakeService("b"));
        try (Session watching = start(SessionOptions.defaults()); Session other = start(SessionOptions.defaults())) {
            var first = new ProgramEnd(watching.pipe());
            var second = new ProgramEnd(other.pipe());
            first.send(discovery("a"));
            first.receive();
            second.send(discovery("b"));
            second.receive();
            directory.remove(a);
            assertEquals(Domain.INFO, first.receive().domain());
            second.send(discovery()); // the reply is the next packet: no notice came before it
            Packet next = second.receive();
            assertEquals(Domain.CALL, next.domain());
            assertArrayEquals(states(1), next.content());
        }
    }
}
