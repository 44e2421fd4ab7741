package gate.wasm;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds command-line tools (binaryen, wabt) that some tests use when installed. */
final class ExternalTools {
    private ExternalTools() {}

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
