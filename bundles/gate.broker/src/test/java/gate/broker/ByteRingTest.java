package gate.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteRingTest {
    @Test
    void keepsOrderThroughWrapsAndGrowth() {
        var random = new Random(20261122);
        var ring = new ByteRing(100_000);
        var expected = new ArrayDeque<Byte>();
        byte next = 0;
        for (int step = 0; step < 20_000; step++) {
            if (random.nextBoolean()) {
                byte[] src = new byte[random.nextInt(9000)];
                for (int i = 0; i < src.length; i++) {
                    src[i] = next++;
                }
                int accepted = ring.put(src, 0, src.length);
                assertEquals(Math.min(src.length, 100_000 - expected.size()), accepted);
                for (int i = 0; i < accepted; i++) {
                    expected.add(src[i]);
                }
                next -= (byte) (src.length - accepted); // unaccepted bytes are offered again
            } else {
                byte[] dst = new byte[random.nextInt(9000)];
                int n = ring.take(dst, 0, dst.length);
                assertEquals(Math.min(dst.length, expected.size()), n);
                byte[] want = new byte[n];
                for (int i = 0; i < n; i++) {
                    want[i] = expected.poll();
                }
                assertArrayEquals(want, java.util.Arrays.copyOf(dst, n));
            }
            assertEquals(expected.size(), ring.size());
            assertEquals(100_000 - expected.size(), ring.free());
        }
    }

    @Test
    void acceptsNoMoreThanItsCapacity() {
        var ring = new ByteRing(10_000);
        assertEquals(10_000, ring.put(new byte[12_000], 0, 12_000));
        assertEquals(0, ring.free());
        assertEquals(0, ring.put(new byte[1], 0, 1));
    }
}
