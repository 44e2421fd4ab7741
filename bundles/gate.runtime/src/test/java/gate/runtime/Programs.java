package gate.runtime;

import gate.engine.Engines;
import gate.service.catalog.CatalogService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** Runs testdata programs in-process through {@link RunCommand} on the interpreter. */
final class Programs implements AutoCloseable {
    static final Path TESTDATA = Path.of(System.getProperty("gate.testdata", "../../testdata"));

    final MapDirectory directory = new MapDirectory();
    private final ExecutorService executor = InstanceRunner.newServiceExecutor();
    final RunCommand command;

    Programs() {
        this(true);
    }

    /** @param withCatalog whether the {@code catalog} service is there */
    Programs(boolean withCatalog) {
        if (withCatalog) {
            directory.add(new CatalogService(directory));
        }
        command = new RunCommand(Engines::all, new InstanceRunner(directory, executor));
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

    int run(InputStream in, OutputStream out, ByteArrayOutputStream err, String... argv) throws InterruptedException {
        try (var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return command.run(List.of(argv), in, out, errStream);
        }
    }

    static String wasm(String name) {
        return TESTDATA.resolve(name + ".wasm").toString();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
