package gate.abi;

/**
 * The WASI calls Gate does not support, each with the clean error of the reference table (§3.7):
 * file positioning and file system operations on the open fds are ESPIPE (they are streams),
 * closing or renumbering them is ENOTSUP, paths are ENOENT (no directories), sockets ENOTSOCK.
 * An fd that is not open is EBADF throughout. None of them traps.
 */
final class WasiUnsupported {
    private WasiUnsupported() {}

    static void register(ImportTable t) {
        // name, parameter letters; the first parameter is the fd
        String[][] seekLike = {
            {"fd_seek", "iIii"}, {"fd_tell", "ii"}, {"fd_pread", "iiiIi"}, {"fd_pwrite", "iiiIi"},
            {"fd_readdir", "iiiIi"}, {"fd_sync", "i"}, {"fd_datasync", "i"}, {"fd_advise", "iIIi"},
            {"fd_allocate", "iII"}, {"fd_filestat_set_size", "iI"}, {"fd_filestat_set_times", "iIIi"},
        };
        for (String[] f : seekLike) {
            t.add(f[0], f[1], "i", (c, a) -> ImportTable.i32(WasiFds.isOpen((int) a[0]) ? Errno.ESPIPE : Errno.EBADF));
        }
        String[][] fdChanges = {{"fd_close", "i"}, {"fd_renumber", "ii"}, {"fd_fdstat_set_rights", "iII"}};
        for (String[] f : fdChanges) {
            t.add(f[0], f[1], "i", (c, a) -> ImportTable.i32(WasiFds.isOpen((int) a[0]) ? Errno.ENOTSUP : Errno.EBADF));
        }
        String[][] paths = {
            {"path_create_directory", "iii"}, {"path_filestat_get", "iiiii"}, {"path_filestat_set_times", "iiiiIIi"},
            {"path_link", "iiiiiii"}, {"path_open", "iiiiiIIii"}, {"path_readlink", "iiiiii"},
            {"path_remove_directory", "iii"}, {"path_rename", "iiiiii"}, {"path_symlink", "iiiii"},
            {"path_unlink_file", "iii"},
        };
        for (String[] f : paths) {
            t.add(f[0], f[1], "i", (c, a) -> ImportTable.i32(Errno.ENOENT));
        }
        String[][] sockets = {{"sock_accept", "iii"}, {"sock_recv", "iiiiii"}, {"sock_send", "iiiii"}, {"sock_shutdown", "ii"}};
        for (String[] f : sockets) {
            t.add(f[0], f[1], "i", (c, a) -> ImportTable.i32(Errno.ENOTSOCK));
        }
    }
}
