package gate.spectest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tools of binaryen and wabt that the robustness tests use: {@code wasm-opt -ttf} makes a
 * valid module from random bytes, {@code wasm-opt --fuzz-exec-before} runs it as the oracle, and
 * wabt's {@code wasm-validate} says whether it is valid WebAssembly 2.0 (binaryen 108's reference
 * types are a pre-standard variant, so some of its modules are not).
 */
final class Binaryen {
    /** The 2.0 features the generated modules may use (no SIMD). */
    static final List<String> FEATURES = List.of("--enable-sign-ext", "--enable-nontrapping-float-to-int",
            "--enable-bulk-memory", "--enable-multivalue", "--enable-mutable-globals");
    static final String REFERENCE_TYPES = "--enable-reference-types";

    private Binaryen() {}

    /** True when {@code tool --version} runs. */
    static boolean available(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Builds a module from random bytes with the given feature flags; writes it to {@code out}. */
    static void generate(Path randomBytes, List<String> features, Path out) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("wasm-opt", randomBytes.toString(), "-ttf"));
        cmd.addAll(features);
        cmd.addAll(List.of("-o", out.toString()));
        Output o = run(cmd);
        if (o.status != 0) {
            throw new IOException("wasm-opt -ttf failed: " + o.text);
        }
    }

    /**
     * The module with every NaN a float operation makes replaced by 0 ({@code wasm-opt --denan}):
     * removes the NaN sign and payload choices the spec leaves open (§4.3.3), nothing else.
     */
    static void denan(Path module, List<String> features, Path out) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("wasm-opt", module.toString(), "--denan"));
        cmd.addAll(features);
        cmd.addAll(List.of("-o", out.toString()));
        Output o = run(cmd);
        if (o.status != 0) {
            throw new IOException("wasm-opt --denan failed: " + o.text);
        }
    }

    /** The lines of the reference run ({@code [fuzz-exec] ...}, {@code [LoggingExternalInterface ...]}, {@code [trap ...]}). */
    static List<String> fuzzExec(Path module, List<String> features) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("wasm-opt", module.toString()));
        cmd.addAll(features);
        cmd.addAll(List.of("--fuzz-exec-before", "-q"));
        Output o = run(cmd);
        if (o.status != 0) {
            throw new IOException("wasm-opt --fuzz-exec-before failed: " + o.text);
        }
        return o.text.lines().filter(l -> l.startsWith("[fuzz-exec]") || l.startsWith("[LoggingExternalInterface")
                || l.startsWith("[trap")).toList();
    }

    /** Whether wabt accepts the module as WebAssembly 2.0. */
    static boolean wabtValid(Path module) throws IOException {
        return run(List.of("wasm-validate", module.toString())).status == 0;
    }

    private record Output(int status, String text) {}

    private static Output run(List<String> cmd) throws IOException {
        Path log = Files.createTempFile("gate-binaryen", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + cmd);
            }
            return new Output(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
