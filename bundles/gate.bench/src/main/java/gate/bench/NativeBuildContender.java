package gate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The native build of a kernel's C source, {@code native/NAME} beside {@code NAME.wasm}
 * (testdata/bench's Makefile builds it with gcc -O2): one process per call, started with
 * {@code --time}, so it prints the result on stdout and {@code call_ms=X}, the time of its call of
 * {@code run()} alone, on stderr. Process start and exit are not counted, as they are not for the
 * other engines.
 */
final class NativeBuildContender implements Contender {
    static final String NAME = "gcc-O2";
    private static final Pattern CALL_MS = Pattern.compile("(?m)^call_ms=([0-9.]+)$");
    private static final Pattern RESULT = Pattern.compile("[0-9]{1,20}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Prepared prepare(Path file, String function) throws IOException {
        if (!function.equals("run")) {
            throw new IOException("a native build runs only run(), not " + function);
        }
        String stem = file.getFileName().toString().replaceFirst("\\.wasm$", "");
        Path binary = file.toAbsolutePath().resolveSibling("native").resolve(stem);
        if (!Files.isExecutable(binary)) {
            throw new IOException("no native build " + binary + " (make -C testdata/bench native)");
        }
        return new Prepared() {
            @Override
            public double compileMs() {
                return Double.NaN;
            }

            @Override
            public Sample call() throws IOException {
                return runOnce(binary);
            }
        };
    }

    private static Sample runOnce(Path binary) throws IOException {
        Process process = new ProcessBuilder(binary.toString(), "--time").start();
        process.getOutputStream().close(); // it reads nothing
        String out;
        String err;
        try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
            // The binary writes a line to each: reading one after the other cannot fill a pipe.
            out = new String(stdout.readNBytes(1 << 16), StandardCharsets.UTF_8).strip();
            err = new String(stderr.readNBytes(1 << 16), StandardCharsets.UTF_8);
        }
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + binary + " ran", e);
        }
        if (status != 0) {
            throw new IOException(binary + " exited with status " + status + ": " + err.strip());
        }
        Matcher time = CALL_MS.matcher(err);
        if (!time.find() || !RESULT.matcher(out).matches()) {
            throw new IOException(binary + " printed no result and call_ms= (stdout '" + out + "')");
        }
        try {
            return new Sample(Double.parseDouble(time.group(1)), Long.parseUnsignedLong(out));
        } catch (NumberFormatException e) {
            throw new IOException(binary + ": result out of range: " + out, e);
        }
    }

    @Override
    public void close() {}
}
