/* SPDX-License-Identifier: Apache-2.0 */
#define _GNU_SOURCE
#include "spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gate/protocol.h"
#include "sys.h"

#define KIB 1024ull
#define GIB (1024ull * 1024 * KIB)

/* Before the loader tightens them (loader.c lock_down). */
static const struct {
	int res;
	rlim_t value;
} limits[] = {
	{ RLIMIT_NPROC, 0 },           /* no new processes (fork fails with EAGAIN) */
	{ RLIMIT_NOFILE, 8 },          /* the start socket, four received fds, slack */
	{ RLIMIT_FSIZE, 0 },           /* no files */
	{ RLIMIT_CORE, 0 },
	{ RLIMIT_MEMLOCK, 0 },
	{ RLIMIT_MSGQUEUE, 0 },
	{ RLIMIT_RTPRIO, 0 },
	{ RLIMIT_STACK, 64 * KIB },    /* the loader's initial stack; loader.c unmaps it */
	{ RLIMIT_AS, 16 * GIB },       /* memory reservation (6 GiB) + text + stack */
};

static void fail(void)
{
	_exit(GATE_LOADER_SPAWN);
}

int gate_harden_child(int sock, int keep, pid_t parent)
{
	sigset_t mask;
	size_t i;

	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != parent)
		fail();
	if (dup2(sock, 0) != 0)
		fail();
	if (keep >= 0) {
		if (dup3(keep, 1, O_CLOEXEC) != 1)
			fail();
		keep = 1;
	}
	if (syscall(SYS_close_range, keep >= 0 ? 2 : 1, ~0u, 0) < 0)
		fail();
	for (i = 0; i < sizeof limits / sizeof limits[0]; i++)
		if (gate_limit(limits[i].res, limits[i].value, limits[i].value) < 0)
			fail();
	/* exec resets handlers but keeps ignored signals; the container ignores SIGPIPE
	 * and nothing else (gate_default_signals at its start): one call, not one per
	 * signal (some 60 system calls on every spawn). */
	signal(SIGPIPE, SIG_DFL);
	/* SIGXCPU (suspend) stays pending until the runtime can take it (DESIGN.md §6). */
	sigemptyset(&mask);
	sigaddset(&mask, SIGXCPU);
	if (sigprocmask(SIG_SETMASK, &mask, NULL) < 0)
		fail();
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		fail();
	return keep;
}

void gate_default_signals(void)
{
	int sig;

	for (sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_DFL); /* fails harmlessly for SIGKILL, SIGSTOP, reserved ones */
}

int gate_spawn(int loader_fd, struct gate_spawned *out)
{
	static char *const argv[] = { "gate-loader", NULL };
	static char *const envp[] = { NULL };
	pid_t parent = getpid();
	sigset_t xcpu;
	int sv[2];
	pid_t pid;

	/* The child must never see SIGXCPU unblocked before the runtime takes it: a
	 * START can be forwarded (and a SUSPEND follow) before the child has even
	 * reached exec. The container itself never needs SIGXCPU. */
	sigemptyset(&xcpu);
	sigaddset(&xcpu, SIGXCPU);
	if (sigprocmask(SIG_BLOCK, &xcpu, NULL) < 0)
		return -1;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return -1;
	pid = fork();
	if (pid < 0)
		goto fail;
	if (pid == 0) {
		int fd = gate_harden_child(sv[1], loader_fd, parent);

		syscall(SYS_execveat, fd, "", argv, envp, AT_EMPTY_PATH);
		fail();
	}
	close(sv[1]);
	out->pid = pid;
	out->sock = sv[0];
	out->pidfd = gate_pidfd_open(pid);
	if (out->pidfd < 0) {
		int e = errno;

		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		close(sv[0]);
		errno = e;
		return -1;
	}
	return 0;
fail:
	close(sv[0]);
	close(sv[1]);
	return -1;
}
