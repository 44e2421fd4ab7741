package gate.bench;

import gate.compiler.Compiler;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compile speed of the native engine's compiler (gate.compiler) with a warm JIT, which the
 * {@code compile_ms} of {@code gate bench} (one cold compile per file, decoding, validation and the
 * program cache included) does not show. Compiles every file {@code --warmup} times, then each file
 * {@code --rounds} times, and prints per file the code section size, the median time of one
 * {@code Compiler.compile} and the rate in MB/s of code section; a last line sums them. Usage:
 * {@code CompileSpeed [--warmup N] [--rounds N] FILE.wasm...}; see {@code testdata/bench/engines.sh}.
 *
 * <p>The default warm-up is 3000 rounds: with 1000, C2 had not yet compiled the compiler's hot
 * paths on this 2-core machine, and scanf.wasm measured 18-20 MB/s against 32-33 MB/s warm (same
 * build, 2026-11-22).
 */
public final class CompileSpeed {
    private static final int CODE_SECTION = 10;

    private CompileSpeed() {}

    public static void main(String[] args) throws IOException {
        int warmup = 3000;
        int rounds = 50;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        boolean lzcnt = hasLzcnt();
        Compiler compiler = new Compiler(lzcnt);
        List<Module> modules = new ArrayList<>();
        for (Path file : files) {
            modules.add(Wasm.load(Files.readAllBytes(file), WasmLimits.DEFAULT));
        }
        for (int i = 0; i < warmup; i++) {
            for (Module m : modules) {
                compiler.compile(m, -1);
            }
        }
        long totalBytes = 0;
        double totalMs = 0;
        for (int f = 0; f < files.size(); f++) {
            Module module = modules.get(f);
            double[] times = new double[rounds];
            int text = 0;
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                text = compiler.compile(module, -1).text().length;
                times[r] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(times);
            double median = times[rounds / 2];
            long code = codeSectionSize(module.bytes());
            totalBytes += code;
            totalMs += median;
            System.out.printf(Locale.ROOT, "compile %s code_bytes=%d text_bytes=%d median_ms=%.3f mb_per_s=%.1f%n",
                    files.get(f).getFileName(), code, text, median, code / 1e3 / median);
        }
        System.out.printf(Locale.ROOT, "compile all code_bytes=%d median_ms=%.3f mb_per_s=%.1f lzcnt=%b%n",
                totalBytes, totalMs, totalBytes / 1e3 / totalMs, lzcnt);
    }

    /** Size of the code section's contents (binary format §5.5.2, section id 10), 0 if absent. */
    static long codeSectionSize(byte[] wasm) {
        int pos = 8; // magic and version
        while (pos < wasm.length) {
            int id = wasm[pos++] & 0xff;
            long size = 0;
            int shift = 0;
            int b;
            do {
                b = wasm[pos++] & 0xff;
                size |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if (id == CODE_SECTION) {
                return size;
            }
            pos += (int) size;
        }
        return 0;
    }

    /** The compiler variant NativeEngine picks: LZCNT/TZCNT when /proc/cpuinfo has abm and bmi1. */
    private static boolean hasLzcnt() {
        try {
            String info = Files.readString(Path.of("/proc/cpuinfo"));
            return info.contains(" abm") && info.contains(" bmi1");
        } catch (IOException e) {
            return false;
        }
    }
}
