package gate.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.TrapId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The test programs of testdata/ on the interpreter, against the fake session. */
class ProgramsTest {

    @Test
    void helloPrintsThroughStdout() {
        ProgramRun run = new ProgramRun("hello", new FakeSession());
        assertEquals(ProgramRun.Outcome.RETURNED, run.start());
        assertEquals("hello, world\n", run.session.stdoutText());
        assertEquals(java.util.List.of(), run.session.protocolErrors());
    }

    @Test
    void helloPacketsSpeaksOriginDirectly() {
        ProgramRun run = new ProgramRun("hello", new FakeSession());
        assertEquals(ProgramRun.Outcome.RETURNED, run.invoke("hello_packets"));
        assertEquals("hello, world\n", run.session.originText());
        assertTrue(run.session.originClosed());
        assertEquals("", run.session.stdoutText());
        if (ProgramRun.ABI_IN_JAVA) {
            assertEquals(1, run.abi.discoveredServices());
        }
    }

    @Test
    void scanfSumsNumbers() {
        FakeSession session = new FakeSession().stdin("1 2 3\n-4 100\n".getBytes(StandardCharsets.UTF_8));
        ProgramRun run = new ProgramRun("scanf", session);
        assertEquals(ProgramRun.Outcome.RETURNED, run.start());
        assertEquals("5 numbers, sum 102\n", session.stdoutText());
    }

    @Test
    void catalogPrintsTheReply() {
        ProgramRun run = new ProgramRun("catalog", new FakeSession());
        assertEquals(ProgramRun.Outcome.RETURNED, run.start());
        assertTrue(run.session.stdoutText().startsWith("{\n\t\"services\""), run.session.stdoutText());
    }

    @Test
    void exitReturnsTheStatus() {
        assertTrue(new ProgramRun("exit", new FakeSession(), "7").start().exited(7));
        assertEquals(ProgramRun.Outcome.RETURNED, new ProgramRun("exit", new FakeSession(), "0").start());
    }

    @Test
    void clockChecksPass() {
        ProgramRun run = new ProgramRun("clock", new FakeSession());
        assertEquals(ProgramRun.Outcome.RETURNED, run.start(), run.session.stdoutText());
        assertEquals("realtime ok\nmonotonic ok\n", run.session.stdoutText());
    }

    @Test
    void randomDiffersBetweenRuns() {
        ProgramRun first = new ProgramRun("random", new FakeSession());
        ProgramRun second = new ProgramRun("random", new FakeSession());
        assertEquals(ProgramRun.Outcome.RETURNED, first.start());
        assertEquals(ProgramRun.Outcome.RETURNED, second.start());
        assertTrue(first.session.stdoutText().matches("[0-9a-f]{32}\n"), first.session.stdoutText());
        assertNotEquals(first.session.stdoutText(), second.session.stdoutText());
    }

    @Test
    void watcherReportsChangesUntilStdinEnds() {
        FakeSession session = new FakeSession().onStdout(s -> {
            String out = s.stdoutText();
            if (out.equals("watching test: available\n")) {
                s.setAvailable("test", false);
            } else if (out.endsWith("gone\n")) {
                s.setAvailable("test", true);
            } else if (out.endsWith("back\n")) {
                s.supplyStdin(new byte[0], true);
            }
        }).stdinOpen();
        ProgramRun run = new ProgramRun("watcher", session);
        assertEquals(ProgramRun.Outcome.RETURNED, run.start(), session.debugText());
        assertEquals("watching test: available\ngone\nback\n", session.stdoutText());
    }

    @Test
    void abiBreakersEndWithAbiViolation() {
        for (String program : new String[] {"bad_pointer", "oversize_packet", "undiscovered_code"}) {
            ProgramRun run = new ProgramRun(program, new FakeSession());
            assertEquals(TrapId.ABI_VIOLATION, run.start().trap(), program);
            assertTrue(run.session.debugText().startsWith("gate: ABI violation: "), run.session.debugText());
            assertTrue(run.session.servicePackets().isEmpty(), program);
        }
    }
}
