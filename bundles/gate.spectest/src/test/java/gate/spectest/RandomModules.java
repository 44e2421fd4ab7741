package gate.spectest;

import gate.engine.Engine;
import gate.engine.Engines;
import gate.wasm.GateException;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;

/** Seeded {@code wasm-opt -ttf} modules (2.0 features without SIMD) and the engines that run them. */
final class RandomModules {
    private RandomModules() {}

    /** The module binaryen makes from {@code size} random bytes of {@code seed}; kept as {@code dir/m.wasm}. */
    static byte[] generate(Path dir, long seed, int size) throws IOException {
        byte[] noise = new byte[size];
        new Random(seed).nextBytes(noise);
        Path bytes = dir.resolve("random.bin");
        Files.write(bytes, noise);
        Path wasm = dir.resolve("m.wasm");
        Binaryen.generate(bytes, Binaryen.FEATURES, wasm);
        return Files.readAllBytes(wasm);
    }

    /** {@link #generate}'s last module, de-NaN-ed ({@link Binaryen#denan}); kept as {@code dir/d.wasm}. */
    static byte[] denanOfLast(Path dir) throws IOException {
        Path out = dir.resolve("d.wasm");
        Binaryen.denan(dir.resolve("m.wasm"), Binaryen.FEATURES, out);
        return Files.readAllBytes(out);
    }

    /** The decoded and validated module, or null (with the reason printed) when Gate rejects it. */
    static Module load(byte[] binary, String label) {
        try {
            return Wasm.load(binary, WasmLimits.DEFAULT);
        } catch (GateException e) {
            System.out.println(label + ": rejected by Gate: " + e.getMessage());
            return null;
        }
    }

    /** The native engine when it is on the class path and can run here, else null (with the reason printed). */
    static Engine nativeEngine() {
        try {
            Engine e = Engines.find("native");
            if (!e.isAvailable()) {
                System.out.println("native engine not available: " + whyNot(e));
                return null;
            }
            return e;
        } catch (IllegalArgumentException | LinkageError e) {
            System.out.println("native engine not available: " + e);
            return null;
        }
    }

    /** isAvailable() keeps its reason; starting the executor (package-private) again tells it. */
    private static String whyNot(Engine e) {
        try {
            java.lang.reflect.Method executor = e.getClass().getDeclaredMethod("executor");
            executor.setAccessible(true);
            Object x = executor.invoke(e);
            x.getClass().getMethod("container").invoke(x);
            return "the executor starts now";
        } catch (java.lang.reflect.InvocationTargetException t) {
            return String.valueOf(t.getCause());
        } catch (ReflectiveOperationException | RuntimeException t) {
            return "unknown (" + t + ")";
        }
    }

    /** Copies a failing module to {@code target/fuzz-failures/NAME.wasm}; returns where. */
    static Path keep(Path dir, String name) throws IOException {
        Path kept = Path.of("target", "fuzz-failures");
        Files.createDirectories(kept);
        Path to = kept.resolve(name + ".wasm");
        Files.copy(dir.resolve("m.wasm"), to, StandardCopyOption.REPLACE_EXISTING);
        return to.toAbsolutePath();
    }
}
