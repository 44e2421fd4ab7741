package gate.executor;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The glibc functions the executor needs, through JNA (Linux x86-64 only). Every function
 * returns -1 and sets errno ({@link Native#getLastError()}) on failure, as in C.
 */
interface LibC extends Library {
    LibC C = Native.load("c", LibC.class);

    int AF_UNIX = 1;
    int SOCK_SEQPACKET = 5;
    int SOCK_CLOEXEC = 0x80000;
    int O_RDONLY = 0;
    int O_CLOEXEC = 0x80000;
    int SOL_SOCKET = 1;
    int SCM_RIGHTS = 1;
    int MSG_NOSIGNAL = 0x4000;
    int MSG_CTRUNC = 0x8;
    int MSG_TRUNC = 0x20;
    int MSG_CMSG_CLOEXEC = 0x40000000;
    int SHUT_WR = 1;
    int MFD_CLOEXEC = 1;
    int MFD_ALLOW_SEALING = 2;
    int F_ADD_SEALS = 1033;
    int F_SEAL_SEAL = 1;
    int F_SEAL_SHRINK = 2;
    int F_SEAL_GROW = 4;
    int F_SEAL_WRITE = 8;
    int EINTR = 4;
    int EAGAIN = 11;
    int ECHILD = 10;
    int SIGKILL = 9;
    int POLLIN = 1;
    int PROT_READ = 1;
    int PROT_WRITE = 2;
    int MAP_SHARED = 1;

    int socketpair(int domain, int type, int protocol, int[] sv);

    long sendmsg(int fd, Pointer msghdr, int flags);

    long recv(int fd, byte[] buf, long len, int flags);

    long recvmsg(int fd, Pointer msghdr, int flags);

    int shutdown(int fd, int how);

    int pipe2(int[] fds, int flags);

    int memfd_create(String name, int flags);

    int fcntl(int fd, int cmd, int arg);

    int ftruncate(int fd, long length);

    long pread(int fd, byte[] buf, long count, long offset);

    long pwrite(int fd, byte[] buf, long count, long offset);

    long read(int fd, byte[] buf, long count);

    long write(int fd, byte[] buf, long count);

    int close(int fd);

    int poll(int[] fds, long nfds, int timeout);

    Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

    int munmap(Pointer addr, long length);

    int posix_spawn_file_actions_init(Pointer actions);

    int posix_spawn_file_actions_destroy(Pointer actions);

    int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newfd);

    int posix_spawn_file_actions_addopen(Pointer actions, int fd, String path, int flags, int mode);

    /** glibc 2.34+: closes every fd from {@code from} upwards in the child. */
    int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);

    int posix_spawn(IntByReference pid, String path, Pointer actions, Pointer attr, String[] argv,
            String[] envp);

    int waitpid(int pid, IntByReference status, int options);

    int kill(int pid, int signal);

    String strerror(int errno);
}
