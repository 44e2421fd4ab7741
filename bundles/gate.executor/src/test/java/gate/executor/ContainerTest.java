package gate.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.TrapId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContainerTest {
    private static Executor executor;

    @BeforeAll
    static void start() {
        executor = new Executor(TestPrograms.config());
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    private static ExitStatus run(String prog, byte[] memory) throws Exception {
        try (TextImage text = TestPrograms.load(prog);
                StateFile state = StateFile.create(TestPrograms.LAYOUT)) {
            if (memory != null) {
                state.writeMemory(0, memory);
            }
            try (InstanceProcess p = executor.launch(text, TestPrograms.record(text), state)) {
                return p.status().get(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void containerStartsAndStops() throws Exception {
        try (Executor own = new Executor(TestPrograms.config())) {
            Container c = own.container();
            assertTrue(c.isAlive());
            own.close();
            assertEquals(0, c.exitCode().get(30, TimeUnit.SECONDS));
            assertFalse(c.isAlive());
        }
    }

    @Test
    void outputIsReadBack() throws Exception {
        try (TextImage text = TestPrograms.load("hello");
                StateFile state = StateFile.create(TestPrograms.LAYOUT);
                InstanceProcess p = executor.launch(text, TestPrograms.record(text), state)) {
            byte[] out = p.output().inputStream().readAllBytes();
            assertEquals("hello\n", new String(out, StandardCharsets.US_ASCII));
            ExitStatus s = p.status().get(60, TimeUnit.SECONDS);
            assertEquals(ExitStatus.Kind.EXIT, s.kind());
            assertEquals(0, s.code());
            Vars vars = state.readVars();
            assertTrue(vars.valid());
            assertEquals(Vars.STOPPED, vars.state());
            assertEquals(1, vars.memoryPages());
            assertEquals("hello\n", new String(state.readMemory(0, 6), StandardCharsets.US_ASCII));
        }
    }

    /**
     * Starts go straight to idle processes the container handed out (DESIGN.md §3 hand-out mode),
     * and through the container once none is left: more starts at once than the pool holds all
     * run, ids and statuses matched, and so do starts after the pool was emptied.
     */
    @Test
    void handedOutAndContainerStartsBothRun() throws Exception {
        try (Executor own = new Executor(TestPrograms.config().withPoolSize(2));
                TextImage text = TestPrograms.load("hello")) {
            for (int wait = 0; own.container().handedOut() < 2 && wait < 1000; wait++) {
                Thread.sleep(10); // the container hands its pool out after 1 ms of quiet
            }
            assertEquals(2, own.container().handedOut());
            List<StateFile> states = new ArrayList<>();
            List<InstanceProcess> processes = new ArrayList<>();
            try {
                for (int k = 0; k < 6; k++) {
                    StateFile state = StateFile.create(TestPrograms.LAYOUT);
                    states.add(state);
                    processes.add(own.launch(text, TestPrograms.record(text), state));
                }
                for (InstanceProcess p : processes) {
                    assertEquals("hello\n", new String(p.output().inputStream().readAllBytes(), StandardCharsets.US_ASCII));
                    ExitStatus s = p.status().get(60, TimeUnit.SECONDS);
                    assertEquals(ExitStatus.Kind.EXIT, s.kind(), String.valueOf(s));
                }
                own.container().pool(0);
                try (StateFile state = StateFile.create(TestPrograms.LAYOUT);
                        InstanceProcess p = own.launch(text, TestPrograms.record(text), state)) {
                    assertEquals(ExitStatus.Kind.EXIT, p.status().get(60, TimeUnit.SECONDS).kind());
                }
            } finally {
                processes.forEach(InstanceProcess::close);
                states.forEach(StateFile::close);
            }
        }
    }

    @Test
    void outOfBoundsAccessTraps() throws Exception {
        ExitStatus s = run("oob", null);
        assertEquals(ExitStatus.Kind.TRAP, s.kind());
        assertEquals(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS, s.trap());
    }

    @Test
    void forbiddenSystemCallIsTyped() throws Exception {
        // syscall.bin makes the call described at memory offset 0: nr 57 (fork).
        byte[] call = new byte[72];
        call[0] = 57;
        ExitStatus s = run("syscall", call);
        assertEquals(ExitStatus.Kind.SECCOMP, s.kind());
        assertEquals(TrapId.INTERNAL_ERROR, s.trap());
    }

    @Test
    void endlessLoopSuspends() throws Exception {
        try (TextImage text = TestPrograms.load("loop");
                StateFile state = StateFile.create(TestPrograms.LAYOUT);
                InstanceProcess p = executor.launch(text, TestPrograms.record(text), state)) {
            p.suspend();
            ExitStatus s = p.status().get(60, TimeUnit.SECONDS);
            assertEquals(TrapId.SUSPENDED, s.trap());
            assertTrue(s.suspendRequested());
        }
    }

    /**
     * A process whose end the JVM took from the process itself and that goes on (what a broken
     * sandbox could do: here a loop whose end nobody took, watched all the same) is killed by the
     * reader thread once its grace is over (Container#watchEnd).
     */
    @Test
    void aWatchedProcessThatDoesNotEndIsKilled() throws Exception {
        try (TextImage text = TestPrograms.load("loop");
                StateFile state = StateFile.create(TestPrograms.LAYOUT);
                InstanceProcess p = executor.launch(text, TestPrograms.record(text), state)) {
            p.watchEnd();
            ExitStatus s = p.status().get(60, TimeUnit.SECONDS);
            assertEquals(ExitStatus.Kind.KILLED, s.kind());
            assertTrue(s.killRequested());
        }
    }

    @Test
    void endlessLoopIsKilled() throws Exception {
        try (TextImage text = TestPrograms.load("loop");
                StateFile state = StateFile.create(TestPrograms.LAYOUT);
                InstanceProcess p = executor.launch(text, TestPrograms.record(text), state)) {
            p.kill();
            ExitStatus s = p.status().get(60, TimeUnit.SECONDS);
            assertEquals(ExitStatus.Kind.KILLED, s.kind());
            assertEquals(TrapId.KILLED, s.trap());
        }
    }

    @Test
    void badRecordIsRefusedOrReportedAsLoaderError() throws Exception {
        try (TextImage text = TestPrograms.load("hello");
                StateFile state = StateFile.create(TestPrograms.LAYOUT)) {
            // Text size larger than the memfd: the loader refuses the text fd.
            StartRecord bad = StartRecord.fresh(text.size() * 4, 0, TestPrograms.LAYOUT, 1);
            try (InstanceProcess p = executor.launch(text, bad, state)) {
                ExitStatus s = p.status().get(60, TimeUnit.SECONDS);
                assertEquals(ExitStatus.Kind.LOADER, s.kind());
            }
        }
    }

    @Test
    void closedExecutorRefusesWork() {
        Executor own = new Executor(TestPrograms.config());
        own.close();
        assertThrows(IllegalStateException.class, own::container);
    }

}
