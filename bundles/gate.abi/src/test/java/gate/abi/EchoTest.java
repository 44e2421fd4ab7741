package gate.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** echo.wasm moves 64 MiB from stdin to stdout within the flow credit of the stdio channel. */
class EchoTest {
    private static final long SIZE = 64L << 20;

    @Test
    void echoes64MiB() throws IOException {
        CRC32 expected = new CRC32();
        try (PatternStream in = new PatternStream(SIZE, 42)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf, 0, buf.length)) > 0; ) {
                expected.update(buf, 0, n);
            }
        }
        CRC32 actual = new CRC32();
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                actual.update(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                actual.update(b, off, len);
            }
        };
        FakeSession session = new FakeSession().stdin(new PatternStream(SIZE, 42)).stdout(sink);
        ProgramRun run = new ProgramRun("echo", session);
        assertEquals(ProgramRun.Outcome.RETURNED, run.start(), session.debugText());
        assertEquals(SIZE, session.stdoutBytes());
        assertEquals(expected.getValue(), actual.getValue());
        assertEquals(java.util.List.of(), session.protocolErrors());
    }

    @Test
    void stdoutStaysWithinASmallCredit() {
        byte[] text = "a longer line than the credit allows in one packet\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        FakeSession session = FakeSession.withStdoutWindow(5).stdin(text);
        assertEquals(ProgramRun.Outcome.RETURNED, new ProgramRun("echo", session).start());
        assertEquals(new String(text, java.nio.charset.StandardCharsets.UTF_8), session.stdoutText());
        assertEquals(5, session.largestStdoutPacket());
        assertEquals(java.util.List.of(), session.protocolErrors());
    }

    @Test
    void echoesNothingForEmptyInput() {
        FakeSession session = new FakeSession().stdin(new byte[0]);
        assertEquals(ProgramRun.Outcome.RETURNED, new ProgramRun("echo", session).start());
        assertEquals(0, session.stdoutBytes());
    }
}
