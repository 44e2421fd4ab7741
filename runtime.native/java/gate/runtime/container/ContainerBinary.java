package gate.runtime.container;

import java.io.IOException;
import java.io.InputStream;

/**
 * The {@code gate-container} executable (x86-64 Linux, static) built from runtime.native and
 * shipped inside this bundle. A class rather than a bare resource so that other bundles reach it
 * through an ordinary package import.
 */
public final class ContainerBinary {
    /** Resource name of the binary inside this bundle. */
    public static final String RESOURCE = "gate-container";

    private ContainerBinary() {}

    /**
     * Opens the binary's bytes.
     *
     * @throws IOException if the bundle was built without it
     */
    public static InputStream open() throws IOException {
        InputStream in = ContainerBinary.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("gate-container is missing from the gate.runtime.native bundle");
        }
        return in;
    }
}
