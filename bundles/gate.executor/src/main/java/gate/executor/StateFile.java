package gate.executor;

import java.io.IOException;

/**
 * An instance's state memfd (DESIGN.md §4), sized to the memory maximum (sparse). The JVM writes
 * globals and initial memory before START and reads the vars page, globals and memory after the
 * process has ended, for state capture.
 */
public final class StateFile implements AutoCloseable {
    /** Offset of {@code state}, then {@code exit_code}, in the vars page (struct gate_vars). */
    private static final long VARS_STATE = 4;

    private final Fd fd;
    private final StateLayout layout;
    /**
     * The vars page and the stack region mapped into the JVM (shared with the instance process),
     * so that serving a host call reads and writes them without syscalls; null until first used
     * and after close. Access is synchronized: a read after munmap would crash the JVM.
     */
    private com.sun.jna.Pointer head;

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

    /** Reads the little-endian 8-byte word at {@code fileOffset} of the memfd. */
    public long readWord(long fileOffset) throws IOException {
        byte[] b = new byte[8];
        fd.preadFully(b, fileOffset);
        return java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** Writes {@code value} as the little-endian 8-byte word at {@code fileOffset} of the memfd. */
    public void writeWord(long fileOffset, long value) throws IOException {
        fd.pwriteFully(java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(value).array(),
                fileOffset);
    }

    /**
     * The vars page as the runtime left it: from the mapping if host calls made one, else with a
     * read (an instance that never serves a host call maps nothing, and its close unmaps nothing).
     */
    public synchronized Vars readVars() throws IOException {
        byte[] page = new byte[Vars.SIZE];
        if (head != null) {
            head.read(0, page, 0, page.length);
        } else {
            fd.preadFully(page, 0);
        }
        return Vars.decode(page);
    }

    /**
     * Sets the vars page's state to fresh and its exit code to 0 before a start: a process that
     * ends before its loader has written the page (a loader error) must not leave the previous
     * run's stopped state there, which would read as this run's end.
     */
    public void clearEnd() throws IOException {
        writeWord(VARS_STATE, 0);
    }

    /** Reads {@code length} bytes of the stack region at {@code offset} from its bottom. */
    public synchronized byte[] readStack(long offset, int length) throws IOException {
        checkStack(offset, length);
        byte[] out = new byte[length];
        head().read(StateLayout.STACK_OFFSET + offset, out, 0, length);
        return out;
    }

    /** Writes {@code bytes} into the stack region at {@code offset} from its bottom. */
    public synchronized void writeStack(long offset, byte[] bytes) throws IOException {
        checkStack(offset, bytes.length);
        head().write(StateLayout.STACK_OFFSET + offset, bytes, 0, bytes.length);
    }

    private void checkStack(long offset, int length) {
        if (offset < 0 || length < 0 || offset + length > layout.stackSize()) {
            throw new IllegalArgumentException("outside the stack");
        }
    }

    private com.sun.jna.Pointer head() throws IOException {
        if (head == null) {
            long length = StateLayout.STACK_OFFSET + (long) layout.stackSize();
            com.sun.jna.Pointer p = LibC.C.mmap(null, length, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED,
                    fd.raw(), 0);
            if (p == null || com.sun.jna.Pointer.nativeValue(p) == -1) {
                throw new NativeError("mmap", com.sun.jna.Native.getLastError());
            }
            head = p;
        }
        return head;
    }

    private void checkMemory(long offset, long length) {
        if (offset < 0 || length < 0 || offset + length > (long) layout.maxMemoryPages() * StateLayout.WASM_PAGE) {
            throw new IllegalArgumentException("outside linear memory");
        }
    }

    @Override
    public synchronized void close() {
        if (head != null) {
            LibC.C.munmap(head, StateLayout.STACK_OFFSET + (long) layout.stackSize());
            head = null;
        }
        fd.close();
    }
}
