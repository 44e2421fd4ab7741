/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Raw x86-64 system calls and the few kernel structures the loader and runtime use.
 * No libc: both run in processes whose address space must hold nothing but what the
 * loader put there. Calls return the kernel's value (negative errno on failure).
 */
#ifndef GATE_NOLIBC_H
#define GATE_NOLIBC_H

#include <stddef.h>
#include <stdint.h>

#define NR_read 0
#define NR_write 1
#define NR_close 3
#define NR_fstat 5
#define NR_mmap 9
#define NR_mprotect 10
#define NR_munmap 11
#define NR_rt_sigaction 13
#define NR_rt_sigprocmask 14
#define NR_dup3 292
#define NR_recvmsg 47
#define NR_fcntl 72
#define NR_getppid 110
#define NR_capset 126
#define NR_sigaltstack 131
#define NR_prctl 157
#define NR_exit_group 231
#define NR_ppoll 271
#define NR_prlimit64 302
#define NR_getrandom 318
#define NR_seccomp 317
#define NR_close_range 436

static inline long sys6(long n, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

#define sys0(n) sys6((n), 0, 0, 0, 0, 0, 0)
#define sys1(n, a) sys6((n), (long)(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b) sys6((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(n, a, b, c) sys6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys4(n, a, b, c, d) sys6((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

static inline __attribute__((noreturn)) void sys_exit(int code)
{
	for (;;)
		sys1(NR_exit_group, code);
}

#define K_PROT_NONE 0
#define K_PROT_READ 1
#define K_PROT_WRITE 2
#define K_PROT_EXEC 4
#define K_MAP_SHARED 0x01
#define K_MAP_PRIVATE 0x02
#define K_MAP_FIXED 0x10
#define K_MAP_ANONYMOUS 0x20
#define K_MAP_NORESERVE 0x4000
#define K_MAP_FIXED_NOREPLACE 0x100000
#define K_EEXIST 17
#define K_EINTR 4
#define K_EAGAIN 11

#define K_SIGKILL 9
#define K_SIGBUS 7
#define K_SIGSEGV 11
#define K_SIGPIPE 13
#define K_SIGXCPU 24
#define K_SIG_BLOCK 0
#define K_SIG_UNBLOCK 1
#define K_SIG_IGN 1
#define K_SA_SIGINFO 4
#define K_SA_ONSTACK 0x08000000
#define K_SA_RESTORER 0x04000000
#define K_SIGBIT(s) (1ull << ((s) - 1))

#define K_PR_SET_PDEATHSIG 1
#define K_PR_SET_DUMPABLE 4
#define K_PR_SET_NO_NEW_PRIVS 38
#define K_SECCOMP_SET_MODE_FILTER 1

#define K_RLIMIT_CPU 0
#define K_RLIMIT_AS 9
#define K_RLIMIT_NOFILE 7

#define K_F_GETFL 3
#define K_F_SETFL 4
#define K_F_GET_SEALS 1034
#define K_F_SEAL_SHRINK 0x0002
#define K_F_SEAL_WRITE 0x0008
#define K_O_NONBLOCK 04000

#define K_AT_SYSINFO_EHDR 33
#define K_AT_EXECFN 31

#define K_SCM_RIGHTS 1
#define K_SOL_SOCKET 1
#define K_MSG_CTRUNC 8
#define K_MSG_TRUNC 0x20

struct k_iovec {
	void *base;
	size_t len;
};

struct k_msghdr {
	void *name;
	int namelen;
	struct k_iovec *iov;
	size_t iovlen;
	void *control;
	size_t controllen;
	int flags;
};

struct k_cmsghdr {
	size_t len;
	int level;
	int type;
};

struct k_rlimit {
	uint64_t cur;
	uint64_t max;
};

struct k_sigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	uint64_t mask;
};

struct k_stack {
	void *sp;
	int flags;
	size_t size;
};

struct k_timespec {
	int64_t sec;
	int64_t nsec;
};

struct k_stat {
	uint64_t dev, ino, nlink;
	uint32_t mode, uid, gid, pad0;
	uint64_t rdev;
	int64_t size, blksize, blocks;
	uint64_t rest[6];
};

struct k_pollfd {
	int fd;
	short events;
	short revents;
};

#define K_POLLIN 0x001
#define K_POLLOUT 0x004
#define K_POLLERR 0x008
#define K_POLLHUP 0x010

#endif
