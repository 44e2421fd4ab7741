package gate.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.TrapId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    @Test
    void fiftyInstancesWhereSomeCrash() throws Exception {
        try (Executor executor = new Executor(TestPrograms.config());
                TextImage hello = TestPrograms.load("hello");
                TextImage oob = TestPrograms.load("oob");
                TextImage syscall = TestPrograms.load("syscall")) {
            List<InstanceProcess> started = new ArrayList<>();
            List<StateFile> states = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                StateFile state = StateFile.create(TestPrograms.LAYOUT);
                states.add(state);
                TextImage text = i % 5 == 1 ? oob : i % 5 == 3 ? syscall : hello;
                if (text == syscall) {
                    state.writeMemory(0, new byte[] {57}); // fork: forbidden
                }
                started.add(executor.launch(text, TestPrograms.record(text), state));
            }
            for (int i = 0; i < 50; i++) {
                InstanceProcess p = started.get(i);
                byte[] out = p.output().inputStream().readAllBytes();
                ExitStatus s = p.status().get(120, TimeUnit.SECONDS);
                switch (i % 5) {
                    case 1 -> assertEquals(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS, s.trap(), "instance " + i);
                    case 3 -> assertEquals(ExitStatus.Kind.SECCOMP, s.kind(), "instance " + i);
                    default -> {
                        assertEquals(ExitStatus.Kind.EXIT, s.kind(), "instance " + i);
                        assertEquals("hello\n", new String(out, StandardCharsets.US_ASCII));
                    }
                }
                p.close();
                states.get(i).close();
            }
            assertTrue(executor.container().isAlive());
        }
    }

    @Test
    void containerDeathIsReportedAndTheNextUseRestartsIt() throws Exception {
        try (Executor executor = new Executor(TestPrograms.config())) {
            // pid 1 of the container's namespaces (the host side's only child), then the host side.
            diesAndRestarts(executor, c -> onlyChild(c.pid()));
            diesAndRestarts(executor, Container::pid);
        }
    }

    private static void diesAndRestarts(Executor executor, java.util.function.ToIntFunction<Container> victim)
            throws Exception {
        try (TextImage loop = TestPrograms.load("loop");
                TextImage hello = TestPrograms.load("hello");
                StateFile state = StateFile.create(TestPrograms.LAYOUT);
                StateFile state2 = StateFile.create(TestPrograms.LAYOUT)) {
            Container first = executor.container();
            InstanceProcess p = executor.launch(loop, TestPrograms.record(loop), state);
            LibC.C.kill(victim.applyAsInt(first), LibC.SIGKILL);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> p.status().get(60, TimeUnit.SECONDS));
            assertInstanceOf(ContainerDiedException.class, e.getCause());
            p.close();
            first.exitCode().get(60, TimeUnit.SECONDS);
            try (InstanceProcess q = executor.launch(hello, TestPrograms.record(hello), state2)) {
                assertEquals(ExitStatus.Kind.EXIT, q.status().get(60, TimeUnit.SECONDS).kind());
            }
            assertNotEquals(first.pid(), executor.container().pid());
        }
    }

    private static int onlyChild(int pid) {
        try {
            String s = java.nio.file.Files.readString(
                    java.nio.file.Path.of("/proc", Integer.toString(pid), "task", Integer.toString(pid), "children"));
            return Integer.parseInt(s.trim().split("\\s+")[0]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
