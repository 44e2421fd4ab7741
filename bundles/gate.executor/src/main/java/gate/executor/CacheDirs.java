package gate.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Gate's per-user cache directory and private (0700) sub-directories. */
final class CacheDirs {
    private CacheDirs() {}

    /** {@code $XDG_CACHE_HOME/gate}, else {@code ~/.cache/gate}. */
    static Path base() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && xdg.startsWith("/") ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return root.resolve("gate");
    }

    /** Creates {@code dir} (and parents) and makes it readable by its owner only. */
    static void createPrivate(Path dir) throws IOException {
        Files.createDirectories(dir);
        Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rwx------");
        if (!Files.getPosixFilePermissions(dir).equals(perms)) {
            Files.setPosixFilePermissions(dir, perms);
        }
    }
}
