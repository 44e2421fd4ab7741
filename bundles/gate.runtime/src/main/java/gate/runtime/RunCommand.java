package gate.runtime;

import gate.abi.AbiConfig;
import gate.api.Service;
import gate.engine.Engine;
import gate.engine.InstanceLimits;
import gate.service.origin.OriginConnection;
import gate.service.origin.OriginConnector;
import gate.service.origin.OriginService;
import gate.service.origin.StdioService;
import gate.wasm.WasmLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * {@code gate run}: runs one program with its origin connection on the given streams (the
 * terminal, for the command line) and returns the exit status ({@link ExitCodes}).
 *
 * <p>Thread contract: thread-safe; each call runs its own instance.
 */
public final class RunCommand {
    /** The engine preferred when none is asked for and it is available. */
    public static final String PREFERRED_ENGINE = "native";
    /** The engine used when the preferred one is not available. */
    public static final String FALLBACK_ENGINE = "interp";

    private final Supplier<Map<String, Engine>> engines;
    private final InstanceRunner runner;

    /**
     * @param engines the engines available now, by name
     * @param runner starts the instance
     */
    public RunCommand(Supplier<Map<String, Engine>> engines, InstanceRunner runner) {
        this.engines = engines;
        this.runner = runner;
    }

    /**
     * Runs {@code gate run ARGS}.
     *
     * @param in the originator's input (standard input)
     * @param out where the program's output goes (standard output); flushed, not closed
     * @param err messages and the program's debug output
     */
    public int run(List<String> argv, InputStream in, OutputStream out, PrintStream err) throws InterruptedException {
        RunOptions options;
        try {
            options = RunOptions.parse(argv);
        } catch (IllegalArgumentException e) {
            err.println("gate run: " + e.getMessage());
            err.println(RunOptions.USAGE);
            return ExitCodes.USAGE;
        }
        if (options.help()) {
            try {
                out.write((RunOptions.USAGE + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                return ExitCodes.USAGE;
            }
            return 0;
        }
        Engine engine = chooseEngine(options.engine(), err);
        if (engine == null) {
            return ExitCodes.USAGE;
        }
        byte[] wasm;
        try {
            Path file = Path.of(options.file());
            long size = Files.size(file);
            if (size > WasmLimits.DEFAULT.moduleSize()) {
                err.println("gate run: " + options.file() + ": module rejected: " + size + " bytes exceed the limit of "
                        + WasmLimits.DEFAULT.moduleSize());
                return ExitCodes.REJECTED;
            }
            wasm = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("gate run: " + options.file() + ": no such file");
            return ExitCodes.NOT_FOUND;
        } catch (IOException | RuntimeException e) {
            err.println("gate run: " + options.file() + ": cannot read: " + e.getMessage());
            return ExitCodes.NOT_FOUND;
        }
        var connection = new OriginConnection(in, out, false);
        var connector = new OriginConnector();
        connector.offer(connection);
        Map<String, Service> own = Map.of(OriginService.NAME, new OriginService(connector, OriginService.DEFAULT_BUFFER_SIZE));
        var launch = new Launch(wasm, engine, options.function(), AbiConfig.of(options.args()), InstanceLimits.DEFAULT,
                own, new StdioService(connection, OriginService.DEFAULT_BUFFER_SIZE), bytes -> {
                    err.write(bytes, 0, bytes.length);
                    err.flush();
                });
        RunStatus status;
        try {
            status = runner.start(launch).status().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("instance runner failed", e.getCause());
        }
        String message = message(options.file(), status);
        if (message != null) {
            err.println(message);
        }
        return ExitCodes.of(status);
    }

    private Engine chooseEngine(String asked, PrintStream err) {
        Map<String, Engine> available = engines.get();
        if (asked == null) {
            Engine preferred = available.get(PREFERRED_ENGINE);
            Engine engine = preferred != null && preferred.isAvailable() ? preferred : available.get(FALLBACK_ENGINE);
            if (engine == null) {
                err.println("gate run: no engine is available (neither " + PREFERRED_ENGINE + " nor " + FALLBACK_ENGINE + ")");
            }
            return engine;
        }
        Engine engine = available.get(asked);
        if (engine == null) {
            err.println("gate run: engine " + asked + " is not available (not installed); available: "
                    + String.join(", ", available.keySet().stream().sorted().toList()));
            return null;
        }
        if (!engine.isAvailable()) {
            err.println("gate run: engine " + asked + " is installed but cannot run on this host; use --engine "
                    + FALLBACK_ENGINE);
            return null;
        }
        return engine;
    }

    /** The one-line message for an abnormal end, or null. */
    static String message(String file, RunStatus status) {
        return switch (status) {
            case RunStatus.Returned r -> null;
            case RunStatus.Exited e -> null;
            case RunStatus.Trapped t -> "gate run: " + file + ": trap: " + t.message();
            case RunStatus.Suspended s -> "gate run: " + file + ": suspended";
            case RunStatus.Rejected r -> "gate run: " + file + ": module rejected: " + r.message();
        };
    }
}
