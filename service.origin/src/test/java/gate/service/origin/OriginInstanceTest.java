package gate.service.origin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.api.Domain;
import gate.api.FlowEntry;
import gate.api.InstanceConfig;
import gate.api.Packet;
import gate.api.PacketException;
import gate.api.StreamData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OriginInstanceTest {
    private static final int CODE = 3;
    private final LinkedBlockingQueue<Packet> sent = new LinkedBlockingQueue<>();

    private Packet next() throws InterruptedException {
        Packet p = sent.poll(30, TimeUnit.SECONDS);
        if (p == null) {
            throw new AssertionError("the service sent nothing");
        }
        return p;
    }

    private static Packet flow(int stream, int increment) {
        return FlowEntry.encode(CODE, List.of(new FlowEntry(stream, increment)));
    }

    private static Packet data(int stream, String text) {
        return new StreamData(stream, 0, text.getBytes(StandardCharsets.UTF_8)).encode(CODE);
    }

    private OriginInstance stdio(InputStream in, ByteArrayOutputStream out, int buffer) {
        var instance = new StdioService(new OriginConnection(in, out, true), buffer)
                .createInstance(new InstanceConfig(CODE, Packet.MAX_SIZE), new byte[0]);
        instance.start(p -> sent.add(p));
        return (OriginInstance) instance;
    }

    @Test
    void preAcceptedStreamGrantsCreditAndWritesDataInOrder() throws Exception {
        var out = new ByteArrayOutputStream();
        var instance = stdio(InputStream.nullInputStream(), out, 16);
        assertEquals(List.of(new FlowEntry(0, 16)), FlowEntry.decode(next()));
        instance.handle(data(0, "hello "));
        instance.handle(data(0, "world"));
        int granted = FlowEntry.decode(next()).get(0).increment() + FlowEntry.decode(next()).get(0).increment();
        assertEquals(11, granted); // the credit comes back as bytes are written
        instance.shutdown();
        assertEquals("hello world", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dataBeyondTheCreditBreaksTheProtocol() {
        var instance = stdio(InputStream.nullInputStream(), new ByteArrayOutputStream(), 4);
        assertThrows(PacketException.class, () -> instance.handle(data(0, "12345")));
        instance.shutdown();
    }

    @Test
    void inputFlowsOnlyWithinGrantedCapacityThenEndsWithEmptyData() throws Exception {
        var instance = stdio(new ByteArrayInputStream("abcdefgh".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), 16);
        next(); // initial credit
        instance.handle(flow(0, 3));
        StreamData first = StreamData.decode(next());
        assertEquals("abc", new String(first.data(), StandardCharsets.UTF_8));
        assertTrue(sent.poll(200, TimeUnit.MILLISECONDS) == null, "nothing beyond the capacity");
        instance.handle(flow(0, 100));
        var rest = new StringBuilder();
        while (true) {
            StreamData d = StreamData.decode(next());
            if (d.isEndOfStream()) {
                assertEquals(0, d.note());
                break;
            }
            rest.append(new String(d.data(), StandardCharsets.UTF_8));
        }
        assertEquals("defgh", rest.toString());
        instance.shutdown();
    }

    @Test
    void readErrorEndsTheStreamWithANote() throws Exception {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("gone");
            }
        };
        var instance = stdio(failing, new ByteArrayOutputStream(), 16);
        next();
        instance.handle(flow(0, 10));
        StreamData end = StreamData.decode(next());
        assertTrue(end.isEndOfStream());
        assertEquals(OriginStream.READ_ERROR_NOTE, end.note());
        instance.shutdown();
    }

    @Test
    void emptyDataFromTheProgramClosesTheOriginatorsOutput() throws Exception {
        var closed = new java.util.concurrent.CountDownLatch(1);
        var out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed.countDown();
            }
        };
        var instance = stdio(InputStream.nullInputStream(), out, 16);
        next();
        instance.handle(data(0, "bye"));
        instance.handle(data(0, ""));
        assertTrue(closed.await(30, TimeUnit.SECONDS));
        assertEquals("bye", out.toString(StandardCharsets.UTF_8));
        assertThrows(PacketException.class, () -> instance.handle(data(0, "more")));
        instance.shutdown();
    }

    @Test
    void outputErrorClosesTheProgramsStreamWithZeroIncrement() throws Exception {
        var failing = new java.io.FilterOutputStream(OutputStream.nullOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("broken pipe");
            }
        };
        var instance = new StdioService(new OriginConnection(InputStream.nullInputStream(), failing, false), 16)
                .createInstance(new InstanceConfig(CODE, Packet.MAX_SIZE), new byte[0]);
        instance.start(sent::add);
        next();
        instance.handle(data(0, "x"));
        assertEquals(List.of(new FlowEntry(0, 0)), FlowEntry.decode(next()));
        instance.shutdown();
    }

    @Test
    void acceptRepliesWithTheLowestFreeStreamIdWhenAConnectionArrives() throws Exception {
        var connector = new OriginConnector();
        var instance = new OriginService(connector, 8).createInstance(new InstanceConfig(CODE, Packet.MAX_SIZE), new byte[0]);
        instance.start(sent::add);
        instance.handle(Packet.call(CODE, new byte[0]));
        instance.handle(Packet.call(CODE, new byte[0]));
        assertTrue(sent.poll(200, TimeUnit.MILLISECONDS) == null, "no reply before a connection arrives");
        var out0 = new ByteArrayOutputStream();
        connector.offer(new OriginConnection(InputStream.nullInputStream(), out0, true));
        Packet reply = next();
        assertEquals(Domain.CALL, reply.domain());
        assertArrayEquals(idReply(0), reply.content());
        assertEquals(List.of(new FlowEntry(0, 8)), FlowEntry.decode(next()));
        connector.offer(new OriginConnection(InputStream.nullInputStream(), new ByteArrayOutputStream(), true));
        assertArrayEquals(idReply(1), next().content());
        next();
        instance.handle(data(0, "to zero"));
        instance.shutdown();
        assertEquals("to zero", out0.toString(StandardCharsets.UTF_8));
    }

    private static byte[] idReply(int id) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(id).putInt(0).array();
    }
}
