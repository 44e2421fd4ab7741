/* SPDX-License-Identifier: Apache-2.0 */
/* fd passing, pidfds, sealed memfds and CPU clocks (src/sys.c). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "sys.h"

static int open_fds(void)
{
	int n = 0, fd;

	for (fd = 0; fd < 256; fd++)
		if (fcntl(fd, F_GETFD) >= 0)
			n++;
	return n;
}

int main(void)
{
	int sv[2], fds[4], got[4], nfds, before, i, fd;
	char buf[8];
	siginfo_t info;
	uint64_t cpu;
	pid_t pid;

	CHECK(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) == 0, "socketpair");
	for (i = 0; i < 4; i++)
		fds[i] = open("/dev/null", O_RDONLY | O_CLOEXEC);
	CHECK_EQ(gate_send_fds(sv[0], "abcd", 4, fds, 4), 0);
	CHECK_EQ(gate_recv_fds(sv[1], buf, sizeof buf, got, &nfds, 4), 4);
	CHECK(nfds == 4 && !memcmp(buf, "abcd", 4), "nfds %d", nfds);
	for (i = 0; i < 4 && nfds == 4; i++) {
		CHECK(fcntl(got[i], F_GETFD) == FD_CLOEXEC, "received fd %d close-on-exec", i);
		close(got[i]);
	}
	/* too many fds: the message is reported and every fd it brought is closed */
	before = open_fds();
	CHECK_EQ(gate_send_fds(sv[0], "x", 1, fds, 4), 0);
	CHECK_EQ(gate_recv_fds(sv[1], buf, sizeof buf, got, &nfds, 3), 1);
	CHECK_EQ(nfds, -1);
	CHECK_EQ(open_fds(), before);
	/* a longer message than the buffer: truncated, flagged */
	CHECK_EQ(gate_send_fds(sv[0], "0123456789", 10, fds, 1), 0);
	CHECK(gate_recv_fds(sv[1], buf, 4, got, &nfds, 4) >= 0 && nfds == -1, "truncated");
	CHECK_EQ(open_fds(), before);
	/* nothing pending */
	CHECK(gate_recv_fds(sv[1], buf, sizeof buf, got, &nfds, 4) < 0 && errno == EAGAIN,
	      "nonblocking");
	for (i = 0; i < 4; i++)
		close(fds[i]);
	close(sv[1]);
	CHECK(gate_send_fds(sv[0], "x", 1, NULL, 0) < 0 && errno == EPIPE, "EPIPE, no signal");
	close(sv[0]);

	fd = gate_exec_memfd("t", "\x7f" "ELF", 4);
	CHECK(fd >= 0, "memfd");
	CHECK(write(fd, "x", 1) < 0 && errno == EPERM, "sealed against writes");
	CHECK(fcntl(fd, F_GET_SEALS) & F_SEAL_SEAL, "seals sealed");
	close(fd);

	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	fd = gate_pidfd_open(pid);
	CHECK(fd >= 0, "pidfd_open");
	CHECK(gate_cpu_ns(pid, &cpu) == 0, "cpu clock of a child");
	CHECK(gate_cpu_spent_s(pid, &cpu) == 0 && cpu <= 1, "spent %llu", (unsigned long long)cpu);
	CHECK(gate_set_cpu_limit(pid, 5, 6) == 0, "prlimit");
	CHECK_EQ(gate_pidfd_signal(fd, SIGKILL), 0);
	CHECK(gate_pidfd_reap(fd, &info, &cpu) == 0 && info.si_code == CLD_KILLED &&
		      info.si_status == SIGKILL,
	      "reap");
	close(fd);
	return check_report("test_sys");
}
