package gate.abi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers by which a native runtime that implements this ABI itself names each function
 * (runtime.native include/gate/abi_area.h, GATE_ABI_FN_*; the contract is
 * notes/s8/abi-native.md §4). A number stands for one behaviour of README §4; the unsupported
 * calls share one number per errno rule. Imports from {@code wasi_unstable} add {@link #UNSTABLE}
 * (preview-0 struct layouts, {@link WasiLayout#UNSTABLE}).
 */
final class AbiFunctions {
    /** Added to the number of a {@code wasi_unstable} import. */
    static final int UNSTABLE = 0x100;

    private static final Map<String, Integer> WASI = new HashMap<>();

    static {
        List<String> numbered = List.of("args_sizes_get", "args_get", "environ_sizes_get", "environ_get",
                "clock_res_get", "clock_time_get", "fd_write", "fd_read", "fd_fdstat_get", "fd_filestat_get",
                "fd_fdstat_set_flags", "fd_prestat_get", "fd_prestat_dir_name", "poll_oneoff", "proc_exit",
                "sched_yield", "proc_raise", "random_get");
        for (int k = 0; k < numbered.size(); k++) {
            WASI.put(numbered.get(k), 3 + k);
        }
        for (String name : List.of("fd_seek", "fd_tell", "fd_pread", "fd_pwrite", "fd_readdir", "fd_sync",
                "fd_datasync", "fd_advise", "fd_allocate", "fd_filestat_set_size", "fd_filestat_set_times")) {
            WASI.put(name, 21); // ESPIPE for open fds
        }
        for (String name : List.of("fd_close", "fd_renumber", "fd_fdstat_set_rights")) {
            WASI.put(name, 22); // ENOTSUP for open fds
        }
        for (String name : List.of("path_create_directory", "path_filestat_get", "path_filestat_set_times",
                "path_link", "path_open", "path_readlink", "path_remove_directory", "path_rename",
                "path_symlink", "path_unlink_file")) {
            WASI.put(name, 23); // ENOENT
        }
        for (String name : List.of("sock_accept", "sock_recv", "sock_send", "sock_shutdown")) {
            WASI.put(name, 24); // ENOTSOCK
        }
    }

    private AbiFunctions() {}

    /** {@code gate.io_N} and {@code gate.fd_N}: 1 and 2; for a name {@code resolve} accepted. */
    static int gate(String name) {
        return name.startsWith("io_") ? 1 : 2;
    }

    /** The number of a WASI function, with {@link #UNSTABLE} for preview 0; 0 if it has none. */
    static int wasi(String name, boolean unstable) {
        Integer id = WASI.get(name);
        return id == null ? 0 : id | (unstable ? UNSTABLE : 0);
    }

    /** Names that have a number (for the test that every WASI function has one). */
    static java.util.Set<String> wasiNames() {
        return java.util.Collections.unmodifiableSet(WASI.keySet());
    }
}
