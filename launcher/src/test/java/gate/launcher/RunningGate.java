package gate.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code bin/gate serve --nointeractive} process of a distribution, with its output collected
 * line by line so tests can wait for what they expect.
 */
final class RunningGate implements AutoCloseable {

    /** Generous bound for waits on a loaded machine; no assertion depends on how long things take. */
    static final long WAIT_SECONDS = 180;

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();

    private RunningGate(Process process) {
        this.process = process;
        collect(process.inputReader(StandardCharsets.UTF_8), out);
        collect(process.errorReader(StandardCharsets.UTF_8), err);
    }

    static RunningGate start(Path dist) throws IOException {
        var builder = new ProcessBuilder(dist.resolve("bin/gate").toString(), "serve", "--nointeractive");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("GATE_JAVA_OPTS");
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        return new RunningGate(builder.start());
    }

    /** Waits until a line of standard output matches, and returns it. */
    String awaitOut(Predicate<String> wanted) throws InterruptedException {
        return await(out, wanted, "standard output");
    }

    /** Waits until a line of standard error matches, and returns it. */
    String awaitErr(Predicate<String> wanted) throws InterruptedException {
        return await(err, wanted, "standard error");
    }

    /** The standard output lines so far. */
    List<String> outLines() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    /** The command lines of the platform's child processes (bin/gate execs the JVM in place). */
    List<String> childProcesses() {
        return process.children()
                .map(child -> child.info().commandLine().orElse("pid " + child.pid()))
                .toList();
    }

    /** Sends SIGTERM and returns the exit status. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("gate serve did not stop after SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private String await(List<String> lines, Predicate<String> wanted, String stream) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        boolean ended = false;
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    throw new AssertionError("expected line not on " + stream + "; stdout " + outLines() + ", stderr " + err);
                }
                // After the process has ended, one more round lets the reader thread catch up.
                ended = !process.isAlive();
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
        }
    }

    private static void collect(BufferedReader reader, List<String> lines) {
        Thread thread = new Thread(() -> {
            try (reader) {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "gate output");
        thread.setDaemon(true);
        thread.start();
    }
}
