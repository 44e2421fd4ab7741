package gate.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every testdata program (testdata/programs.md) through {@code bin/gate run} as a real process on
 * the assembled distribution, on each engine: standard output and exit status.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"native", "interp"})
class GateRunIT {
    private static final int TRAP = 125;

    @Parameter
    String engine;

    private GateRunProcess.Result gateRun(String input, String... args) throws IOException, InterruptedException {
        var all = new ArrayList<>(List.of("--engine", engine));
        all.addAll(List.of(args));
        return GateRunProcess.run(input, all);
    }

    private static String wasm(String name) {
        return GateRunProcess.wasm(name);
    }

    @Test
    void helloPrintsThroughWasiStdoutAndThroughAnOriginStream() throws Exception {
        var r = gateRun("", wasm("hello"));
        assertEquals("hello, world\n", r.out());
        assertEquals(0, r.status(), r.err());
        var packets = gateRun("", "--function", "hello_packets", wasm("hello"));
        assertEquals("hello, world\n", packets.out(), packets.err());
        assertEquals(0, packets.status(), packets.err());
    }

    @Test
    void echoCopiesStdin() throws Exception {
        String text = "line one\nline two\n".repeat(3000);
        var r = gateRun(text, wasm("echo"));
        assertEquals(text, r.out());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void scanfReadsStdin() throws Exception {
        var r = gateRun("1 2 3\n-4 100\n", wasm("scanf"));
        assertEquals("5 numbers, sum 102\n", r.out());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void catalogProgramTalksToThePlatformsCatalogService() throws Exception {
        var r = gateRun("", wasm("catalog"));
        assertTrue(r.out().contains("\"name\": \"catalog\""), r.out() + r.err());
        assertTrue(r.out().endsWith("}\n"), r.out());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void watcherReportsAMissingServiceAndEndsWithStdin() throws Exception {
        var r = gateRun("", wasm("watcher"), "no-such-service");
        assertEquals("watching no-such-service: unavailable\n", r.out(), r.err());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void clockAndRandom() throws Exception {
        var clock = gateRun("", wasm("clock"));
        assertEquals("realtime ok\nmonotonic ok\n", clock.out(), clock.err());
        assertEquals(0, clock.status(), clock.err());
        var first = gateRun("", wasm("random"));
        var second = gateRun("", wasm("random"));
        assertTrue(first.out().matches("[0-9a-f]{32}\n"), first.out() + first.err());
        assertTrue(second.out().matches("[0-9a-f]{32}\n"), second.out() + second.err());
        assertNotEquals(first.out(), second.out());
        assertEquals(0, first.status(), first.err());
    }

    @Test
    void exitCodesAreTheProcessStatus() throws Exception {
        assertEquals(0, gateRun("", wasm("exit")).status());
        assertEquals(3, gateRun("", wasm("exit"), "3").status());
        var r = gateRun("", wasm("exit"), "--", "200");
        assertEquals(200, r.status(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void programsThatBreakTheAbiEndWithTheTrapStatus() throws Exception {
        for (String name : List.of("bad_pointer", "oversize_packet", "undiscovered_code")) {
            var r = gateRun("", wasm(name));
            assertEquals(TRAP, r.status(), name + ": " + r.err());
            assertTrue(r.err().contains("trap: ABI violation"), name + ": " + r.err());
            assertEquals("", r.out(), name);
        }
    }

    /** 64 MiB of a byte pattern through the process's pipes, origin and its flow control. */
    @Test
    void echoOf64MiBThroughTheProcessArrivesByteForByte() throws Exception {
        long size = 64L << 20;
        var check = new PatternCheck();
        var r = GateRunProcess.stream(pattern(size), check, List.of("--engine", engine, wasm("echo")));
        assertEquals(0, r.status(), r.err());
        assertEquals(size, check.count);
        assertEquals(-1, check.firstMismatch, "first differing byte");
    }

    private static byte at(long i) {
        return (byte) ((i * 0x9E3779B97F4A7C15L) >>> 56);
    }

    private static InputStream pattern(long length) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < length ? at(position++) & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= length) {
                    return -1;
                }
                int n = (int) Math.min(len, length - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = at(position++);
                }
                return n;
            }
        };
    }

    /** Counts what arrives and remembers the first byte that differs from the pattern. */
    private static final class PatternCheck extends OutputStream {
        long count;
        long firstMismatch = -1;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                if (firstMismatch < 0 && b[off + i] != at(count)) {
                    firstMismatch = count;
                }
                count++;
            }
        }
    }
}
