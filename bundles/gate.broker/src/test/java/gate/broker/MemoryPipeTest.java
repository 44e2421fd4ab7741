package gate.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.abi.InstancePipe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryPipeTest {
    private final List<byte[]> debug = new ArrayList<>();
    private final MemoryPipe pipe = new MemoryPipe(16, debug::add);

    @Test
    void outputIsBoundedAndTakenInOrder() throws Exception {
        byte[] big = new byte[MemoryPipe.OUTPUT_CAPACITY + 10];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        assertEquals(MemoryPipe.OUTPUT_CAPACITY, pipe.write(big, 0, big.length));
        assertEquals(0, pipe.write(big, 0, 1));
        assertEquals(0, pipe.await(InstancePipe.WRITABLE, 0));
        byte[] taken = new byte[100];
        assertEquals(100, pipe.takeOutput(taken));
        assertArrayEquals(java.util.Arrays.copyOf(big, 100), taken);
        assertEquals(InstancePipe.WRITABLE, pipe.await(InstancePipe.WRITABLE | InstancePipe.READABLE, 0));
    }

    @Test
    void inputIsBoundedByCapacityAndReadAcrossPackets() {
        assertTrue(pipe.deliver(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertTrue(pipe.deliver(new byte[] {9, 10, 11, 12, 13, 14, 15, 16}));
        assertFalse(pipe.deliver(new byte[] {17}), "over capacity");
        byte[] dst = new byte[5];
        assertEquals(5, pipe.read(dst, 0, 5));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, dst);
        byte[] rest = new byte[20];
        assertEquals(11, pipe.read(rest, 0, 20));
        assertEquals(16, rest[10]);
        assertEquals(0, pipe.read(rest, 0, 20));
    }

    @Test
    void endOfInputComesAfterWhatIsQueued() {
        pipe.deliver(new byte[] {1});
        pipe.endInput();
        byte[] dst = new byte[4];
        assertEquals(1, pipe.read(dst, 0, 4));
        assertEquals(-1, pipe.read(dst, 0, 4));
    }

    @Test
    void wakeUpEndsAWaitWithoutEvents() throws Exception {
        var waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return pipe.await(InstancePipe.READABLE, -1);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        pipe.wakeUp();
        assertEquals(0, waiting.get(30, TimeUnit.SECONDS));
    }

    @Test
    void deliveryWakesAWaitingReader() throws Exception {
        var waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return pipe.await(InstancePipe.READABLE, -1);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        pipe.deliver(new byte[8]);
        assertEquals(InstancePipe.READABLE, waiting.get(30, TimeUnit.SECONDS));
    }

    @Test
    void endOfOutputLetsTheSessionFinishAndDiscardsLaterWrites() throws Exception {
        pipe.write(new byte[] {1, 2}, 0, 2);
        pipe.endOutput();
        byte[] dst = new byte[8];
        assertEquals(2, pipe.takeOutput(dst));
        assertEquals(-1, pipe.takeOutput(dst));
        assertEquals(3, pipe.write(new byte[3], 0, 3));
    }

    @Test
    void debugOutputIsCopied() {
        byte[] text = "oops".getBytes();
        pipe.debug(text, 1, 2);
        text[1] = 'x';
        assertArrayEquals("op".getBytes(), debug.get(0));
    }
}
