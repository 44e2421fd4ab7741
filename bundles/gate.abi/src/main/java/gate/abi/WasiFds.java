package gate.abi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * WASI file descriptors (README §4): 0 stdin and 1 stdout on the stdio channel, 2 debug output,
 * 4 packet I/O (non-blocking). There is no 3 (no preopened directory) and nothing above 4.
 */
final class WasiFds {
    static final int STDIN = 0;
    static final int STDOUT = 1;
    static final int STDERR = 2;

    /** Most debug bytes one fd_write(2) takes; longer writes are short (wasi-libc loops). */
    static final int MAX_DEBUG_WRITE = 65536;

    // Rights bits of wasi_snapshot_preview1.
    private static final long RIGHT_FD_READ = 1L << 1;
    private static final long RIGHT_FD_WRITE = 1L << 6;
    private static final long RIGHT_POLL_FD_READWRITE = 1L << 27;
    private static final int FDFLAG_NONBLOCK = 1 << 2;
    private static final int FILETYPE_UNKNOWN = 0;

    private final AbiState s;
    private final WasiLayout layout;

    WasiFds(AbiState s, WasiLayout layout) {
        this.s = s;
        this.layout = layout;
    }

    /** Whether the fd exists at all. */
    static boolean isOpen(int fd) {
        return fd >= STDIN && fd <= STDERR || fd == GateImports.PACKET_FD;
    }

    void register(ImportTable t) {
        t.add("fd_write", "iiii", "i", (c, a) -> ImportTable.i32(write(s.memory(c), (int) a[0], (int) a[1], (int) a[2], (int) a[3])));
        t.add("fd_read", "iiii", "i", (c, a) -> ImportTable.i32(read(s.memory(c), (int) a[0], (int) a[1], (int) a[2], (int) a[3])));
        t.add("fd_fdstat_get", "ii", "i", (c, a) -> ImportTable.i32(fdstat(s.memory(c), (int) a[0], (int) a[1])));
        t.add("fd_filestat_get", "ii", "i", (c, a) -> ImportTable.i32(filestat(s.memory(c), (int) a[0], (int) a[1])));
        t.add("fd_fdstat_set_flags", "ii", "i", (c, a) -> ImportTable.i32(isOpen((int) a[0]) ? Errno.EPERM : Errno.EBADF));
        // No preopened directories: EBADF for every fd ends wasi-libc's preopen scan.
        t.add("fd_prestat_get", "ii", "i", (c, a) -> ImportTable.i32(Errno.EBADF));
        t.add("fd_prestat_dir_name", "iii", "i", (c, a) -> ImportTable.i32(Errno.EBADF));
    }

    private int write(GuestMemory m, int fd, int iovs, int count, int nwrittenPtr) {
        IoVecs src = m.iovecs(iovs, count, "fd_write iovec");
        m.check(nwrittenPtr, 4, "fd_write result pointer");
        long written;
        switch (fd) {
            case STDOUT -> {
                if (src.total() == 0) {
                    written = 0;
                    break;
                }
                s.blocking.waitUntil(() -> s.stdio.canWriteStdout() || s.stdio.stdoutClosed(), Blocking.FOREVER);
                if (s.stdio.stdoutClosed()) {
                    return Errno.EPIPE;
                }
                written = s.stdio.writeStdout(src, s.config.maxSendSize());
            }
            case STDERR -> {
                int n = (int) Math.min(src.total(), MAX_DEBUG_WRITE);
                byte[] bytes = new byte[n];
                src.take(bytes, 0, n);
                s.pipe.debug(bytes, 0, n);
                written = n;
            }
            case GateImports.PACKET_FD -> {
                written = s.output.takeProgramBytes(src);
                if (written == 0 && src.total() > 0) {
                    return Errno.EAGAIN;
                }
            }
            case STDIN -> {
                return Errno.EINVAL;
            }
            default -> {
                return Errno.EBADF;
            }
        }
        m.putU32(nwrittenPtr, (int) written, "fd_write result pointer");
        return Errno.SUCCESS;
    }

    private int read(GuestMemory m, int fd, int iovs, int count, int nreadPtr) {
        IoVecs dst = m.iovecs(iovs, count, "fd_read iovec");
        m.check(nreadPtr, 4, "fd_read result pointer");
        long read;
        switch (fd) {
            case STDIN -> {
                if (dst.total() == 0) {
                    read = 0;
                    break;
                }
                s.stdio.requestStdin();
                s.blocking.waitUntil(s.stdio::stdinReady, Blocking.FOREVER);
                read = s.stdio.readStdin(dst);
                s.stdio.requestStdin(); // keep stdin flowing while the program works on this chunk
            }
            case GateImports.PACKET_FD -> {
                s.blocking.exchange();
                read = s.input.program().drainTo(dst, dst.remaining());
                if (read == 0 && dst.total() > 0) {
                    return Errno.EAGAIN;
                }
            }
            case STDOUT, STDERR -> {
                return Errno.EINVAL;
            }
            default -> {
                return Errno.EBADF;
            }
        }
        m.putU32(nreadPtr, (int) read, "fd_read result pointer");
        return Errno.SUCCESS;
    }

    /** fdstat: u8 filetype, u16 flags at 2, u64 base rights at 8, u64 inheriting rights at 16. */
    private int fdstat(GuestMemory m, int fd, int ptr) {
        m.check(ptr, 24, "fd_fdstat_get result pointer");
        long rights;
        int flags = 0;
        switch (fd) {
            case STDIN -> rights = RIGHT_FD_READ | RIGHT_POLL_FD_READWRITE;
            case STDOUT, STDERR -> rights = RIGHT_FD_WRITE | RIGHT_POLL_FD_READWRITE;
            case GateImports.PACKET_FD -> {
                rights = RIGHT_FD_READ | RIGHT_FD_WRITE | RIGHT_POLL_FD_READWRITE;
                flags = FDFLAG_NONBLOCK;
            }
            default -> {
                return Errno.EBADF;
            }
        }
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) FILETYPE_UNKNOWN).putShort(2, (short) flags).putLong(8, rights).putLong(16, 0);
        m.write(ptr, b.array(), "fd_fdstat_get result pointer");
        return Errno.SUCCESS;
    }

    private int filestat(GuestMemory m, int fd, int ptr) {
        m.check(ptr, layout.filestatSize(), "fd_filestat_get result pointer");
        if (!isOpen(fd)) {
            return Errno.EBADF;
        }
        m.write(ptr, new byte[layout.filestatSize()], "fd_filestat_get result pointer");
        return Errno.SUCCESS;
    }
}
