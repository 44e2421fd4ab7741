package gate.executor;

import static gate.executor.LibC.C;

import java.io.IOException;

/**
 * A program's machine code in a memfd sealed against every change, shared read-only by all its
 * instances: each maps it MAP_PRIVATE read+exec, so the page cache holds one copy (DESIGN.md §3).
 */
public final class TextImage implements AutoCloseable {
    private static final int MAX_SIZE = 1 << 30;

    private final Fd fd;
    private final int size;

    private TextImage(Fd fd, int size) {
        this.fd = fd;
        this.size = size;
    }

    /** Copies {@code code} into a new sealed memfd padded with zeros to a page multiple. */
    public static TextImage of(byte[] code) throws IOException {
        if (code.length == 0 || code.length > MAX_SIZE) {
            throw new IllegalArgumentException("text must be 1 byte .. 1 GiB");
        }
        int size = (code.length + StateLayout.PAGE - 1) & -StateLayout.PAGE;
        Fd fd = Fd.memfd("gate-text", size);
        try {
            fd.pwriteFully(code, 0);
            NativeError.check("fcntl(F_ADD_SEALS)", C.fcntl(fd.raw(), LibC.F_ADD_SEALS,
                    LibC.F_SEAL_WRITE | LibC.F_SEAL_SHRINK | LibC.F_SEAL_GROW | LibC.F_SEAL_SEAL));
        } catch (IOException | RuntimeException e) {
            fd.close();
            throw e;
        }
        return new TextImage(fd, size);
    }

    /** The sealed memfd. */
    public Fd fd() {
        return fd;
    }

    /** Size in bytes (a page multiple): the start record's text_size. */
    public int size() {
        return size;
    }

    @Override
    public void close() {
        fd.close();
    }
}
