package gate.wasm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The binary modules of the spec test suite's 2.0 folders, read from the JSON command lists. */
final class SpecSuite {
    /** Folders of WebAssembly 2.0 without SIMD. */
    static final List<String> FOLDERS = List.of("core", "proposals/bulk-memory", "proposals/reference-types");

    /** What a command expects of its module. */
    enum Expectation { VALID, MALFORMED, INVALID }

    /** One binary module command. */
    record Case(Path json, int line, String type, Path wasm, String text, Expectation expectation) {
        byte[] bytes() {
            try {
                return Files.readAllBytes(wasm);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String where() {
            return json.getParent().getFileName() + "/" + json.getFileName() + ":" + line + " (" + wasm.getFileName() + ")";
        }
    }

    private SpecSuite() {}

    /** The suite folder from {@code gate.testsuite}; skips the calling test when it is missing. */
    static Path root() {
        String property = System.getProperty("gate.testsuite", "../../../shared/wasm-testsuite");
        Path root = Path.of(property);
        Assumptions.assumeTrue(Files.isDirectory(root.resolve("core")),
                "spec test suite not found at " + root.toAbsolutePath() + " (set -Dgate.testsuite); skipped");
        return root;
    }

    /** Every binary module command of {@code folders} under {@code root}, in file order. */
    static List<Case> cases(Path root, List<String> folders) {
        List<Case> cases = new ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.walk(root.resolve(folder))) {
                for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    read(json, cases);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cases;
    }

    private static void read(Path json, List<Case> cases) throws IOException {
        JsonObject script = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        for (JsonElement element : script.getAsJsonArray("commands")) {
            JsonObject command = element.getAsJsonObject();
            if (!command.has("filename") || !command.get("filename").getAsString().endsWith(".wasm")) {
                continue; // text modules (.wat) test a text parser
            }
            String type = command.get("type").getAsString();
            Expectation expectation = switch (type) {
                case "module", "assert_unlinkable", "assert_uninstantiable" -> Expectation.VALID;
                case "assert_malformed" -> Expectation.MALFORMED;
                case "assert_invalid" -> Expectation.INVALID;
                default -> null;
            };
            if (expectation == null) {
                continue;
            }
            String text = command.has("text") ? command.get("text").getAsString() : "";
            cases.add(new Case(json, command.get("line").getAsInt(), type,
                    json.getParent().resolve(command.get("filename").getAsString()), text, expectation));
        }
    }
}
