package gate.runtime;

import gate.service.catalog.CatalogService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** Runs testdata programs in-process through {@link RunCommand} with {@code --engine NAME}. */
final class Programs implements AutoCloseable {
    static final Path TESTDATA = Path.of(System.getProperty("gate.testdata", "../../testdata"));

    final MapDirectory directory = new MapDirectory();
    private final ExecutorService executor = InstanceRunner.newServiceExecutor();
    private final TestEngines engines = new TestEngines();
    private final String engine;
    final RunCommand command;

    /** @param engine the engine every run asks for */
    Programs(String engine) {
        this(engine, true);
    }

    /**
     * @param engine the engine every run asks for
     * @param withCatalog whether the {@code catalog} service is there
     */
    Programs(String engine, boolean withCatalog) {
        this.engine = engine;
        engines.get(engine); // fails here, clearly, if it cannot run
        if (withCatalog) {
            directory.add(new CatalogService(directory));
        }
        command = new RunCommand(engines::all, new InstanceRunner(directory, executor));
    }

    /** The result of one run. */
    record Result(int status, String out, String err) {}

    Result run(String input, String... argv) throws InterruptedException {
        return run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), argv);
    }

    Result run(InputStream in, String... argv) throws InterruptedException {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = run(in, out, err, argv);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code gate run --engine ENGINE ARGV...}. */
    int run(InputStream in, OutputStream out, ByteArrayOutputStream err, String... argv) throws InterruptedException {
        var args = new ArrayList<>(List.of("--engine", engine));
        args.addAll(List.of(argv));
        try (var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return command.run(args, in, out, errStream);
        }
    }

    static String wasm(String name) {
        return TESTDATA.resolve(name + ".wasm").toString();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        engines.close();
    }
}
