package gate.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The hand-written x86-64 programs of runtime.native/test/progs (built by `make progs`). */
final class TestPrograms {
    static final StateLayout LAYOUT = new StateLayout(65536, 4096, 16);

    private TestPrograms() {}

    static TextImage load(String name) throws IOException {
        Path dir = Path.of(System.getProperty("gate.progs", "../../runtime.native/build/progs"));
        return TextImage.of(Files.readAllBytes(dir.resolve(name + ".bin")));
    }

    static StartRecord record(TextImage text) {
        return StartRecord.fresh(text.size(), 0, LAYOUT, 1);
    }

    static Path binaryDir() {
        return Path.of(System.getProperty("gate.test.cache", "target/test-cache")).resolve("bin");
    }

    static ExecutorConfig config() {
        return new ExecutorConfig(binaryDir(), 4, true);
    }
}
