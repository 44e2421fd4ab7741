/* SPDX-License-Identifier: Apache-2.0 */
#define _GNU_SOURCE
#include "sys.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif
#ifndef MFD_EXEC
#define MFD_EXEC 0x0010u
#endif

#define MAX_FDS 8

int gate_send_fds(int sock, const void *buf, size_t len, const int *fds, int nfds)
{
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int) * MAX_FDS)];
	} ctl;
	struct iovec iov = { (void *)buf, len };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n;

	if (nfds < 0 || nfds > MAX_FDS) {
		errno = EINVAL;
		return -1;
	}
	if (nfds) {
		memset(&ctl, 0, sizeof ctl);
		msg.msg_control = &ctl;
		msg.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)nfds);
		ctl.h.cmsg_level = SOL_SOCKET;
		ctl.h.cmsg_type = SCM_RIGHTS;
		ctl.h.cmsg_len = CMSG_LEN(sizeof(int) * (size_t)nfds);
		memcpy(CMSG_DATA(&ctl.h), fds, sizeof(int) * (size_t)nfds);
	}
	do
		n = sendmsg(sock, &msg, MSG_NOSIGNAL);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	if ((size_t)n != len) {
		errno = EMSGSIZE;
		return -1;
	}
	return 0;
}

static void close_all(struct msghdr *msg)
{
	struct cmsghdr *c;

	for (c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
		size_t i, n;

		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (i = 0; i < n; i++) {
			int fd;

			memcpy(&fd, CMSG_DATA(c) + i * sizeof fd, sizeof fd);
			close(fd);
		}
	}
}

ssize_t gate_recv_fds(int sock, void *buf, size_t len, int *fds, int *nfds, int max)
{
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int) * MAX_FDS)];
	} ctl;
	struct iovec iov = { buf, len };
	struct msghdr msg = {
		.msg_iov = &iov,
		.msg_iovlen = 1,
		.msg_control = &ctl,
		.msg_controllen = sizeof ctl,
	};
	struct cmsghdr *c;
	ssize_t n;

	do
		n = recvmsg(sock, &msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	*nfds = 0;
	if (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) {
		close_all(&msg);
		*nfds = -1;
		return n;
	}
	for (c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
		size_t k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);

		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS || *nfds ||
		    k > (size_t)max) {
			close_all(&msg);
			*nfds = -1;
			return n;
		}
		memcpy(fds, CMSG_DATA(c), k * sizeof(int));
		*nfds = (int)k;
	}
	return n;
}

int gate_pidfd_open(pid_t pid)
{
	return (int)syscall(SYS_pidfd_open, pid, 0);
}

int gate_pidfd_signal(int pidfd, int sig)
{
	return (int)syscall(SYS_pidfd_send_signal, pidfd, sig, NULL, 0);
}

int gate_pidfd_reap(int pidfd, siginfo_t *info, uint64_t *cpu_ns)
{
	struct rusage ru;
	long r;

	memset(info, 0, sizeof *info);
	do
		r = syscall(SYS_waitid, P_PIDFD, pidfd, info, WEXITED, &ru);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return -1;
	*cpu_ns = ((uint64_t)ru.ru_utime.tv_sec + (uint64_t)ru.ru_stime.tv_sec) * 1000000000ull +
		  ((uint64_t)ru.ru_utime.tv_usec + (uint64_t)ru.ru_stime.tv_usec) * 1000ull;
	return 0;
}

int gate_exec_memfd(const char *name, const void *data, size_t len)
{
	const char *p = data;
	int fd = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_EXEC);

	/* Kernels before 6.3 do not know MFD_EXEC; their memfds are executable anyway. */
	if (fd < 0 && errno == EINVAL)
		fd = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return -1;
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		p += n;
		len -= (size_t)n;
	}
	if (fchmod(fd, 0555) < 0 ||
	    fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) < 0)
		goto fail;
	return fd;
fail:
	close(fd);
	return -1;
}

/* MAKE_PROCESS_CPUCLOCK(pid, which) from the kernel's posix-timers.h */
static int process_clock(pid_t pid, unsigned which, uint64_t *ns)
{
	struct timespec ts;

	if (clock_gettime((clockid_t)((~(unsigned)pid << 3) | which), &ts) < 0)
		return -1;
	*ns = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
	return 0;
}

int gate_cpu_ns(pid_t pid, uint64_t *out)
{
	uint64_t prof, sched;

	/* CPUCLOCK_PROF (0, tick-sampled utime + stime) is what RLIMIT_CPU is checked
	 * against; CPUCLOCK_SCHED (2) is exact. They differ on virtual machines. */
	if (process_clock(pid, 0, &prof) < 0 || process_clock(pid, 2, &sched) < 0)
		return -1;
	*out = prof > sched ? prof : sched;
	return 0;
}

int gate_cpu_spent_s(pid_t pid, uint64_t *out)
{
	uint64_t ns;

	if (gate_cpu_ns(pid, &ns) < 0)
		return -1;
	*out = (ns + 999999999ull) / 1000000000ull;
	return 0;
}

int gate_set_cpu_limit(pid_t pid, uint64_t soft_s, uint64_t hard_s)
{
	struct rlimit l = { soft_s, hard_s };

	return prlimit(pid, RLIMIT_CPU, &l, NULL);
}

int gate_limit(int res, rlim_t cur, rlim_t max)
{
	struct rlimit l = { cur, max };

	return setrlimit(res, &l);
}
