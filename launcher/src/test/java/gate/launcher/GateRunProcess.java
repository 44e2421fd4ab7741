package gate.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/gate run} of the assembled distribution as a real process. The native engine's
 * container binary and compiled programs go to {@code NATIVE_DIR} under target/, not the user's
 * cache ({@code gate.native.bin}, {@code gate.native.cache} through {@code GATE_JAVA_OPTS}).
 */
final class GateRunProcess {
    static final Path DIST = Path.of(System.getProperty("gate.dist", "target/gate"));
    static final Path TESTDATA = Path.of("../testdata").toAbsolutePath().normalize();
    static final Path NATIVE_DIR = Path.of("target/gate-run-native").toAbsolutePath();

    /**
     * One thread per stream: the copies block until the process ends, so they must not share the
     * common pool, whose single worker on a two-core machine would leave standard input unwritten.
     */
    private static final ExecutorService STREAMS =
            Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("gate run stream", 0).factory());

    private GateRunProcess() {}

    /** One finished process. */
    record Result(int status, String out, String err) {}

    static String wasm(String name) {
        return TESTDATA.resolve(name + ".wasm").toString();
    }

    /** Runs {@code gate run ARGS} with {@code input} on standard input. */
    static Result run(String input, List<String> args) throws IOException, InterruptedException {
        return run(NATIVE_DIR.resolve("programs"), input, args);
    }

    /** The same with the native engine's compiled programs in {@code programCache}. */
    static Result run(Path programCache, String input, List<String> args) throws IOException, InterruptedException {
        Process process = start(programCache, args);
        var out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), STREAMS);
        var err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), STREAMS);
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        return new Result(await(process), out.join(), err.join());
    }

    /**
     * Runs {@code gate run ARGS} with {@code input} copied to its standard input and its standard
     * output copied to {@code output}, both concurrently; returns the status and standard error.
     */
    static Result stream(InputStream input, OutputStream output, List<String> args)
            throws IOException, InterruptedException {
        Process process = start(NATIVE_DIR.resolve("programs"), args);
        var err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), STREAMS);
        var feed = CompletableFuture.runAsync(() -> {
            try (var stdin = process.getOutputStream()) {
                input.transferTo(stdin);
            } catch (IOException e) {
                // the program ended early; its status says why
            }
        }, STREAMS);
        var copy = CompletableFuture.runAsync(() -> {
            try (var stdout = process.getInputStream()) {
                stdout.transferTo(output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, STREAMS);
        int status = await(process);
        copy.join();
        feed.join();
        return new Result(status, "", err.join());
    }

    private static Process start(Path programCache, List<String> args) throws IOException {
        var command = new ArrayList<>(List.of(DIST.resolve("bin/gate").toString(), "run"));
        command.addAll(args);
        var builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("GATE_JAVA_OPTS", "-Dgate.native.bin=" + NATIVE_DIR.resolve("bin")
                + " -Dgate.native.cache=" + programCache);
        return builder.start();
    }

    private static int await(Process process) throws InterruptedException {
        if (!process.waitFor(RunningGate.WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gate run did not end");
        }
        return process.exitValue();
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
