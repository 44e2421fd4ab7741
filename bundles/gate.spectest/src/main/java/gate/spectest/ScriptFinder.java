package gate.spectest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds command scripts ({@code *.json}) under a folder, or takes a single file. */
public final class ScriptFinder {
    private ScriptFinder() {}

    /** A script and the name reports use for it: its path relative to the searched folder. */
    public record Found(Path file, String displayName) {}

    /**
     * All scripts under {@code root} (recursively) sorted by display name, so runs are stable; or
     * {@code root} itself if it is a file.
     */
    public static List<Found> find(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(new Found(root, root.getFileName().toString()));
        }
        if (!Files.isDirectory(root)) {
            throw new IOException("no such file or folder: " + root);
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .map(p -> new Found(p, root.relativize(p).toString().replace('\\', '/')))
                    .sorted((a, b) -> a.displayName().compareTo(b.displayName()))
                    .toList();
        }
    }
}
