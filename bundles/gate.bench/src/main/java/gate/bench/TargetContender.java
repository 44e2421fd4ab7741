package gate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link BenchTarget} of this JVM (a Gate engine; Chicory in the tests) as a {@link Contender};
 * a Gate engine's compile time includes decoding and validation.
 */
final class TargetContender implements Contender {
    private final BenchTarget target;

    TargetContender(BenchTarget target) {
        this.target = target;
    }

    @Override
    public String name() {
        return target.name();
    }

    @Override
    public Prepared prepare(Path file, String function) throws IOException {
        byte[] wasm = Files.readAllBytes(file);
        long start = System.nanoTime();
        BenchTarget.Compiled compiled = target.compile(wasm);
        double compileMs = (System.nanoTime() - start) / 1e6;
        return new Prepared() {
            @Override
            public double compileMs() {
                return compileMs;
            }

            @Override
            public Sample call() {
                BenchTarget.Call call = compiled.instantiate(function);
                long t = System.nanoTime();
                long result = call.call();
                return new Sample((System.nanoTime() - t) / 1e6, result);
            }
        };
    }

    @Override
    public void close() {}
}
