package gate.executor;

import gate.compiler.Compiler;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What identifies the compiler in cache keys: {@link Compiler#COMPILER_VERSION}, plus, where the
 * compiler's classes can be read as a jar or a class directory (plain class path, tests), a hash
 * of them, so that a rebuilt compiler that forgot to raise its version does not reuse old
 * entries. Inside OSGi the classes are not files and the version alone counts.
 */
final class CompilerFingerprint {
    private static final String VALUE = compute();

    private CompilerFingerprint() {}

    static String get() {
        return VALUE;
    }

    private static String compute() {
        String version = "c" + Compiler.COMPILER_VERSION;
        try {
            var source = Compiler.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
                return version;
            }
            Path location = Path.of(source.getLocation().toURI());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (Files.isRegularFile(location)) {
                sha.update(Files.readAllBytes(location));
            } else if (Files.isDirectory(location)) {
                List<Path> classes;
                try (Stream<Path> walk = Files.walk(location.resolve("gate/compiler"))) {
                    classes = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                }
                for (Path p : classes) {
                    sha.update(location.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(p));
                }
            } else {
                return version;
            }
            return version + "-" + HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | SecurityException
                | IllegalArgumentException e) {
            return version;
        }
    }
}
