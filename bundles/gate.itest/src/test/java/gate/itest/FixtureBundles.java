package gate.itest;

import gate.itest.fixture.FixtureActivator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds small service bundles at run time from the classes in {@code gate.itest.fixture}: each
 * registers one service whose name and revision are manifest headers.
 */
final class FixtureBundles {
    private static final List<String> CLASSES = List.of(
            "gate/itest/fixture/FixtureActivator.class",
            "gate/itest/fixture/FixtureService.class",
            "gate/itest/fixture/EchoInstance.class");

    private FixtureBundles() {}

    /** Writes {@code dir/<symbolicName>.jar} and returns its path. */
    static Path write(Path dir, String symbolicName, String serviceName, String revision) throws IOException {
        Path jar = dir.resolve(symbolicName + ".jar");
        Path partial = dir.resolve(symbolicName + ".jar.part");
        try (OutputStream out = Files.newOutputStream(partial);
                JarOutputStream jarOut = new JarOutputStream(out, manifest(symbolicName, serviceName, revision))) {
            for (String resource : CLASSES) {
                jarOut.putNextEntry(new JarEntry(resource));
                try (InputStream in = FixtureBundles.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("fixture class " + resource + " is not on the test class path");
                    }
                    in.transferTo(jarOut);
                }
                jarOut.closeEntry();
            }
        }
        // Appear complete or not at all, so that FileInstall never sees half a jar.
        return Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Manifest manifest(String symbolicName, String serviceName, String revision) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", FixtureActivator.class.getName());
        main.putValue("Import-Package", "gate.api;version=\"[1.0,2)\",org.osgi.framework");
        main.putValue(FixtureActivator.NAME_HEADER, serviceName);
        main.putValue(FixtureActivator.REVISION_HEADER, revision);
        return manifest;
    }
}
