package gate.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between the compiler's layers point one way (style guide items 6-7): the
 * instruction encoder knows nothing of the macro layer above it, of the engine SPI or of OSGi.
 * Checked on the compiled classes, whose constant pools name every class they use.
 */
class LayeringTest {
    private static final Pattern CLASS_NAME =
            Pattern.compile("L?(gate/[a-z0-9/]+/[A-Z][A-Za-z0-9$]*)");

    private static Path classesOf(String packageName) throws URISyntaxException {
        Path anyClass = Path.of(gate.compiler.x86.enc.CodeBuffer.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        return anyClass.resolve(packageName.replace('.', '/'));
    }

    private static List<String> referencedGateClasses(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .flatMap(f -> {
                        try {
                            // Class names are plain ASCII in the constant pool.
                            String pool = new String(Files.readAllBytes(f),
                                    StandardCharsets.ISO_8859_1);
                            Matcher m = CLASS_NAME.matcher(pool);
                            return m.results().map(r -> r.group(1));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .distinct()
                    .toList();
        }
    }

    @Test
    void encoderUsesOnlyItselfAndTheFrontEndErrors() throws Exception {
        List<String> used = referencedGateClasses(classesOf("gate.compiler.x86.enc"));
        assertTrue(used.contains("gate/compiler/x86/enc/CodeBuffer"),
                "scan found nothing: " + used);
        List<String> foreign = used.stream()
                .filter(name -> !name.startsWith("gate/compiler/x86/enc/"))
                .filter(name -> !name.equals("gate/wasm/ResourceLimitException"))
                .toList();
        assertEquals(List.of(), foreign, "gate.compiler.x86.enc must stay the bottom layer");
    }

    /**
     * gate.compiler -> gate.compiler.codegen -> gate.compiler.gen -> gate.compiler.x86 ->
     * gate.compiler.x86.enc: each package uses only the ones below it (and the front end and
     * engine SPI), as wag's packages do.
     */
    @Test
    void compilerLayersPointDownwards() throws Exception {
        List<String> order = List.of("gate/compiler/", "gate/compiler/codegen/",
                "gate/compiler/gen/", "gate/compiler/x86/", "gate/compiler/x86/enc/");
        for (int level = 0; level < order.size(); level++) {
            String pkg = order.get(level);
            List<String> used = referencedGateClasses(classesOf(
                    pkg.substring(0, pkg.length() - 1).replace('/', '.')));
            for (String name : used) {
                if (!name.startsWith("gate/compiler/")) {
                    continue;
                }
                String owner = name.substring(0, name.lastIndexOf('/') + 1);
                int ownerLevel = order.indexOf(owner);
                assertTrue(ownerLevel >= level, pkg + " uses " + name + " from a layer above");
            }
        }
    }

    @Test
    void nothingImportsOsgi() throws Exception {
        for (String pkg : List.of("gate.compiler.x86.enc", "gate.compiler.x86", "gate.compiler.gen",
                "gate.compiler.codegen", "gate.compiler")) {
            Path dir = classesOf(pkg);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertTrue(!pool.contains("org/osgi/"), f + " uses OSGi");
                }
            }
        }
    }
}
