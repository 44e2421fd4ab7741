/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The hardening of a spawned instance process (src/spawn.c): exec the test binary
 * itself through gate_harden_child-like spawning and let it report what it has.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "spawn.h"

/* Runs in the hardened child: one bit per property that holds. */
static int inspect(void)
{
	struct rlimit l;
	sigset_t mask;
	int bits = 0, fd;

	if (getrlimit(RLIMIT_NPROC, &l) == 0 && l.rlim_cur == 0 && l.rlim_max == 0)
		bits |= 1;
	if (getrlimit(RLIMIT_FSIZE, &l) == 0 && l.rlim_max == 0)
		bits |= 2;
	if (prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1)
		bits |= 4;
	if (sigprocmask(SIG_SETMASK, NULL, &mask) == 0 && sigismember(&mask, SIGXCPU))
		bits |= 8;
	/* only fd 0 (the socket) is open */
	for (fd = 1; fd < 64; fd++)
		if (fcntl(fd, F_GETFD) >= 0)
			break;
	if (fd == 64 && fcntl(0, F_GETFD) >= 0)
		bits |= 16;
	if (prctl(PR_GET_PDEATHSIG, &fd) == 0 && fd == SIGKILL)
		bits |= 32;
	return bits;
}

int main(void)
{
	int sv[2], status, spare = open("/dev/null", O_RDONLY);
	pid_t parent = getpid(), pid;

	CHECK(spare > 2, "spare fd");
	CHECK(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) == 0, "socketpair");
	pid = fork();
	if (pid == 0) {
		if (gate_harden_child(sv[1], -1, parent) != -1)
			_exit(100);
		_exit(inspect());
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status), "child");
	CHECK_EQ(WEXITSTATUS(status), 63);
	close(spare);
	return check_report("test_spawn");
}
