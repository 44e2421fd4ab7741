package gate.executor;

import java.io.IOException;

/**
 * An instance's state memfd (DESIGN.md §4), sized to the memory maximum (sparse). The JVM writes
 * globals and initial memory before START and reads the vars page, globals and memory after the
 * process has ended, for state capture.
 */
public final class StateFile implements AutoCloseable {
    private final Fd fd;
    private final StateLayout layout;

    private StateFile(Fd fd, StateLayout layout) {
        this.fd = fd;
        this.layout = layout;
    }

    /** A new zeroed state memfd for {@code layout}. */
    public static StateFile create(StateLayout layout) throws IOException {
        return new StateFile(Fd.memfd("gate-state", layout.fileSize()), layout);
    }

    public StateLayout layout() {
        return layout;
    }

    /** The memfd (passed to START). */
    public Fd fd() {
        return fd;
    }

    /** Writes {@code bytes} at linear memory offset {@code offset}. */
    public void writeMemory(long offset, byte[] bytes) throws IOException {
        checkMemory(offset, bytes.length);
        fd.pwriteFully(bytes, layout.memoryOffset() + offset);
    }

    /** Reads {@code length} bytes at linear memory offset {@code offset}. */
    public byte[] readMemory(long offset, int length) throws IOException {
        checkMemory(offset, length);
        byte[] out = new byte[length];
        fd.preadFully(out, layout.memoryOffset() + offset);
        return out;
    }

    /** Writes the globals area's bytes so that they end at the memory base (global i at base - 8(n-i)). */
    public void writeGlobalsArea(byte[] area) throws IOException {
        if (area.length > layout.globalsSize()) {
            throw new IllegalArgumentException("globals area larger than " + layout.globalsSize());
        }
        fd.pwriteFully(area, layout.memoryOffset() - area.length);
    }

    /** Reads the last {@code length} bytes of the globals area (ending at the memory base). */
    public byte[] readGlobalsArea(int length) throws IOException {
        if (length < 0 || length > layout.globalsSize()) {
            throw new IllegalArgumentException("globals area larger than " + layout.globalsSize());
        }
        byte[] out = new byte[length];
        fd.preadFully(out, layout.memoryOffset() - length);
        return out;
    }

    /** The vars page as the runtime left it. */
    public Vars readVars() throws IOException {
        byte[] page = new byte[Vars.SIZE];
        fd.preadFully(page, 0);
        return Vars.decode(page);
    }

    /** Reads {@code length} bytes of the stack region at {@code offset} from its bottom. */
    public byte[] readStack(long offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > layout.stackSize()) {
            throw new IllegalArgumentException("outside the stack");
        }
        byte[] out = new byte[length];
        fd.preadFully(out, StateLayout.STACK_OFFSET + offset);
        return out;
    }

    private void checkMemory(long offset, long length) {
        if (offset < 0 || length < 0 || offset + length > (long) layout.maxMemoryPages() * StateLayout.WASM_PAGE) {
            throw new IllegalArgumentException("outside linear memory");
        }
    }

    @Override
    public void close() {
        fd.close();
    }
}
