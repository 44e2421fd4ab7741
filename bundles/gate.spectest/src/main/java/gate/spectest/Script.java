package gate.spectest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A command script: the {@code .json} file that {@code wast2json} made from one {@code .wast}.
 *
 * @param file the script file; module file names are relative to its folder
 * @param displayName how reports name it, e.g. {@code core/i32/i32.json}
 */
record Script(Path file, String displayName, List<Command> commands) {
    Script {
        commands = List.copyOf(commands);
    }

    /**
     * Reads and parses a script.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not a command script
     */
    static Script load(Path file, String displayName) throws IOException {
        Object json = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (!(json instanceof Map<?, ?> map) || !(map.get("commands") instanceof List<?> commands)) {
            throw new IllegalArgumentException(displayName + ": not a wast2json script (no \"commands\" list)");
        }
        return new Script(file, displayName, commands.stream().map(Command::from).toList());
    }

    /** Reads a module file named by a command. */
    byte[] readModule(String filename) throws IOException {
        return Files.readAllBytes(file.resolveSibling(filename));
    }
}
