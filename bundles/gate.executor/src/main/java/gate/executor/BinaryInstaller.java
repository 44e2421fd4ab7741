package gate.executor;

import gate.runtime.container.ContainerBinary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Puts the {@code gate-container} binary from the gate.runtime.native bundle into a private
 * directory (mode 0700) as an executable file named after its SHA-256, so that it can be run: a
 * jar's entries cannot be executed in place. The directory must be on a filesystem mounted without
 * {@code noexec}; the default is {@code $XDG_CACHE_HOME/gate/bin} (or {@code ~/.cache/gate/bin}).
 * An existing file is reused only if its content hash matches.
 */
public final class BinaryInstaller {
    private BinaryInstaller() {}

    /** The default directory: {@code $XDG_CACHE_HOME/gate/bin} or {@code ~/.cache/gate/bin}. */
    public static Path defaultDirectory() {
        return CacheDirs.base().resolve("bin");
    }

    /** Installs (or finds) the container binary in {@code dir} and returns its path. */
    public static synchronized Path install(Path dir) throws IOException {
        byte[] bytes;
        try (InputStream in = ContainerBinary.open()) {
            bytes = in.readAllBytes();
        }
        String hash = sha256(bytes);
        CacheDirs.createPrivate(dir);
        Path target = dir.resolve("gate-container-" + hash.substring(0, 16));
        if (Files.isRegularFile(target) && Files.isExecutable(target)
                && sha256(Files.readAllBytes(target)).equals(hash)) {
            return target;
        }
        Path tmp = Files.createTempFile(dir, ".gate-container", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
