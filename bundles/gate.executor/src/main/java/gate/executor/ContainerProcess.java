package gate.executor;

import static gate.executor.LibC.C;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host-side {@code gate-container} process, started with posix_spawn so that the control
 * socket lands on fd 3 (a {@link ProcessBuilder} cannot pass descriptors). stdin and stdout are
 * /dev/null, stderr is the JVM's (the container's only diagnostic channel), every other fd is
 * closed in the child.
 */
final class ContainerProcess {
    /** Exit code of gate-container when user namespaces are refused (DESIGN.md §1). */
    static final int EXIT_NO_NAMESPACES = 3;

    final int pid;

    private ContainerProcess(int pid) {
        this.pid = pid;
    }

    static ContainerProcess spawn(Path binary, Fd controlEnd, int pool, boolean namespaces)
            throws NativeError {
        List<String> argv = new ArrayList<>(List.of(binary.toString(), "--pool", Integer.toString(pool)));
        if (!namespaces) {
            argv.add("--no-namespaces");
        }
        // sizeof(posix_spawn_file_actions_t) is 80 on glibc x86-64; more room costs nothing.
        Memory actions = new Memory(256);
        actions.clear();
        NativeError.check("posix_spawn_file_actions_init", -C.posix_spawn_file_actions_init(actions));
        try {
            int[] rc = {
                C.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", LibC.O_RDONLY, 0),
                C.posix_spawn_file_actions_addopen(actions, 1, "/dev/null", 1, 0),
                // dup2 onto fd 3 clears close-on-exec (glibc >= 2.29 also when the end is fd 3).
                C.posix_spawn_file_actions_adddup2(actions, controlEnd.raw(), 3),
                C.posix_spawn_file_actions_addclosefrom_np(actions, 4)
            };
            for (int r : rc) {
                NativeError.check("posix_spawn_file_actions", -r);
            }
            IntByReference pid = new IntByReference();
            int r = C.posix_spawn(pid, binary.toString(), actions, null,
                    argv.toArray(String[]::new), new String[0]);
            NativeError.check("posix_spawn " + binary, -r);
            return new ContainerProcess(pid.getValue());
        } finally {
            C.posix_spawn_file_actions_destroy(actions);
        }
    }

    /** Waits for the process to end: its exit code, or 128 + signal. */
    int waitFor() {
        IntByReference status = new IntByReference();
        for (;;) {
            int r = C.waitpid(pid, status, 0);
            if (r == pid) {
                int s = status.getValue();
                return (s & 0x7f) == 0 ? (s >> 8) & 0xff : 128 + (s & 0x7f);
            }
            int errno = Native.getLastError();
            if (errno != LibC.EINTR) {
                return -1;
            }
        }
    }

    void kill() {
        C.kill(pid, LibC.SIGKILL);
    }
}
