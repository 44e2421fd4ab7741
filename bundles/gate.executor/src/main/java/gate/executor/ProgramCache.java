package gate.executor;

import gate.compiler.CompiledProgram;
import gate.compiler.Compiler;
import gate.compiler.ProgramCodec;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Compiled programs on disk, keyed by the SHA-256 of the module bytes and {@link
 * Compiler#COMPILER_VERSION} (with a hash of the compiler's classes where they are files, see
 * {@link CompilerFingerprint}) and the code variant (e.g. with LZCNT), so that a second start does
 * not compile. A file is {@link ProgramCodec} bytes followed by their SHA-256: an entry that is
 * truncated, altered or unreadable is detected, compiled again and replaced. Writes go to a
 * temporary file that is renamed into place, so readers never see half a file.
 */
public final class ProgramCache {
    private static final int HASH = 32;

    private final Path dir;

    /** @param dir cache directory, created private (0700) on first write */
    public ProgramCache(Path dir) {
        this.dir = dir;
    }

    /** The default: {@code $XDG_CACHE_HOME/gate/programs} or {@code ~/.cache/gate/programs}. */
    public static Path defaultDirectory() {
        return CacheDirs.base().resolve("programs");
    }

    /** The cache file of a module (whether it exists or not). */
    public Path file(byte[] moduleBytes, String variant) {
        return file(BinaryInstaller.sha256(moduleBytes), variant);
    }

    /** The cache file of the module whose bytes have the SHA-256 {@code moduleSha256} (hex). */
    public Path file(String moduleSha256, String variant) {
        String key = moduleSha256 + "-" + CompilerFingerprint.get() + "-" + variant;
        return dir.resolve(key + ".gatep");
    }

    /**
     * The cached program of {@code moduleBytes}, or {@code compile}'s result, which is then
     * stored. A cache that cannot be written is no error: the program is still returned.
     *
     * @param hit set to whether the entry came from disk (may be null)
     */
    public CompiledProgram get(byte[] moduleBytes, String variant, Supplier<CompiledProgram> compile,
            boolean[] hit) {
        return get(BinaryInstaller.sha256(moduleBytes), variant, compile, hit);
    }

    /**
     * As {@link #get(byte[], String, Supplier, boolean[])}, for a caller that has hashed the module
     * already (the native engine keys its programs in memory by the same hash).
     *
     * @param moduleSha256 the SHA-256 of the module bytes, in hex
     */
    public CompiledProgram get(String moduleSha256, String variant, Supplier<CompiledProgram> compile,
            boolean[] hit) {
        Path file = file(moduleSha256, variant);
        CompiledProgram cached = read(file);
        if (hit != null) {
            hit[0] = cached != null;
        }
        if (cached != null) {
            return cached;
        }
        CompiledProgram program = compile.get();
        try {
            write(file, program);
        } catch (IOException e) {
            // A read-only or full cache directory only costs the next start a compilation.
        }
        return program;
    }

    private static CompiledProgram read(Path file) {
        try {
            byte[] all = Files.readAllBytes(file);
            if (all.length < HASH) {
                return null;
            }
            byte[] body = Arrays.copyOf(all, all.length - HASH);
            byte[] hash = Arrays.copyOfRange(all, all.length - HASH, all.length);
            if (!MessageDigest.isEqual(hash, digest(body))) {
                return null;
            }
            CompiledProgram p = ProgramCodec.read(body);
            return p.compilerVersion() == Compiler.COMPILER_VERSION ? p : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable or undecodable: compile again
        }
    }

    private void write(Path file, CompiledProgram program) throws IOException {
        CacheDirs.createPrivate(dir);
        byte[] body = ProgramCodec.write(program);
        Path tmp = Files.createTempFile(dir, ".program", ".tmp");
        try {
            Files.write(tmp, body);
            Files.write(tmp, digest(body), java.nio.file.StandardOpenOption.APPEND);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] digest(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
