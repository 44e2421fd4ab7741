package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link AbiStreams} over real pipes, with this test playing the instance process (its fds 0 and
 * 1) on another thread: packets pass in order, debug packets go aside, session input reaches fd 0
 * and its end closes it, a slow session holds the bytes back, and bytes that do not frame fail.
 */
class AbiStreamsTest {
    private static byte[] packet(int size, int code, int domain) {
        ByteBuffer b = ByteBuffer.allocate((size + 7) & -8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(size).putShort((short) code).put((byte) domain).put((byte) 0);
        for (int k = 8; k < size; k++) {
            b.put((byte) (k * 7 + code));
        }
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void packetsPassInOrderAndDebugGoesAside() throws Exception {
        ListeningPipe pipe = new ListeningPipe();
        try (AbiStreams streams = new AbiStreams(pipe, 65536)) {
            byte[] debug = packet(16 + 5, -3, 3);
            System.arraycopy("hello".getBytes(), 0, debug, 16, 5);
            byte[] a = packet(65536, 0, 0);
            byte[] b = packet(13, -2, 3);
            byte[] c = packet(8, -1, 0);
            CompletableFuture<Integer> ended = new CompletableFuture<>();
            Thread process = Thread.ofPlatform().start(() -> {
                try {
                    streams.processOutput().writeFully(concat(a, debug, b), a.length + debug.length + b.length);
                    streams.processOutput().writeFully(c, c.length);
                    ended.complete(0);
                } catch (Exception e) {
                    ended.completeExceptionally(e);
                }
            });
            assertNull(streams.pump(ended, () -> false));
            process.join();
            assertArrayEquals(concat(a, b, c), pipe.written());
            assertEquals("hello", new String(pipe.debugBytes()));
        }
    }

    @Test
    void inputReachesFdZeroAndItsEndClosesIt() throws Exception {
        ListeningPipe pipe = new ListeningPipe();
        byte[] input = new byte[300_000];
        Arrays.fill(input, (byte) 5);
        input[299_999] = 9;
        try (AbiStreams streams = new AbiStreams(pipe, 65536)) {
            CompletableFuture<Integer> ended = new CompletableFuture<>();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            Thread process = Thread.ofPlatform().start(() -> {
                byte[] buf = new byte[4096];
                try {
                    for (int n; (n = streams.processInput().read(buf, buf.length)) > 0; ) {
                        got.write(buf, 0, n);
                    }
                    ended.complete(0);
                } catch (Exception e) {
                    ended.completeExceptionally(e);
                }
            });
            pipe.input(Arrays.copyOf(input, 1000), false);
            Thread.ofPlatform().start(() -> pipe.input(Arrays.copyOfRange(input, 1000, input.length), true));
            assertNull(streams.pump(ended, () -> false));
            process.join();
            assertArrayEquals(input, got.toByteArray());
        }
    }

    @Test
    void aSlowSessionHoldsTheBytesBack() throws Exception {
        ListeningPipe pipe = new ListeningPipe();
        pipe.accept(0);
        byte[] all = new byte[0];
        for (int k = 0; k < 40; k++) {
            all = concat(all, packet(60_000 + k, k % 3, 2));
        }
        byte[] sent = all;
        try (AbiStreams streams = new AbiStreams(pipe, 65536)) {
            CompletableFuture<Integer> ended = new CompletableFuture<>();
            Thread process = Thread.ofPlatform().start(() -> {
                try {
                    streams.processOutput().writeFully(sent, sent.length);
                    ended.complete(0);
                } catch (Exception e) {
                    ended.completeExceptionally(e);
                }
            });
            CompletableFuture<String> pumped = CompletableFuture.supplyAsync(() -> {
                try {
                    return streams.pump(ended, () -> false);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            // The process cannot finish: the JVM holds at most its buffer, the pipe the rest.
            assertTrue(pipe.written().length == 0 && !ended.isDone());
            pipe.accept(Long.MAX_VALUE);
            assertNull(pumped.get(5, TimeUnit.MINUTES));
            process.join();
            assertArrayEquals(sent, pipe.written());
        }
    }

    @Test
    void bytesThatDoNotFrameFail() throws Exception {
        for (byte[] bad : new byte[][] {packet(4, 0, 0), packet(65544, 0, 2), packet(16, -4, 0), packet(12, -3, 3),
            packet(40, -3, 1)}) {
            ListeningPipe pipe = new ListeningPipe();
            try (AbiStreams streams = new AbiStreams(pipe, 65536)) {
                byte[] good = packet(16, 1, 0);
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        streams.processOutput().writeFully(concat(good, bad), good.length + bad.length);
                    } catch (java.io.IOException e) {
                        // closed when the test ends: what was written is enough
                    }
                });
                String failure = streams.pump(new CompletableFuture<>(), () -> false);
                assertTrue(failure != null && failure.startsWith("the instance wrote"), failure);
                assertArrayEquals(good, pipe.written());
            }
        }
    }
}
