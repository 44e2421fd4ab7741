/* SPDX-License-Identifier: Apache-2.0 */
/*
 * System call wrappers of gate-container that take no container state. All return
 * 0 (or a result >= 0) on success and -1 with errno set on failure, like libc.
 */
#ifndef GATE_SYS_H
#define GATE_SYS_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/types.h>

/**
 * gate_send_fds: send one message with SCM_RIGHTS.
 * @sock: connected SOCK_SEQPACKET socket
 * @buf: message bytes
 * @len: their number
 * @fds: fds to pass (may be NULL if @nfds is 0)
 * @nfds: at most 8
 *
 * Never raises SIGPIPE. Return: 0, or -1 (also when the message was cut short).
 */
int gate_send_fds(int sock, const void *buf, size_t len, const int *fds, int nfds)
	__attribute__((nonnull(2)));

/**
 * gate_recv_fds: receive one message and the fds it carries, without blocking.
 * @sock: SOCK_SEQPACKET socket
 * @buf: room for the message
 * @len: its size; a longer message is reported as truncated
 * @fds: room for @max fds, received close-on-exec
 * @nfds: number of fds received, written on success
 * @max: room in @fds
 *
 * A truncated message or fd list is returned with *@nfds = -1 after every fd it
 * brought has been closed. Return: bytes received (0 = peer closed), or -1.
 */
ssize_t gate_recv_fds(int sock, void *buf, size_t len, int *fds, int *nfds, int max)
	__attribute__((nonnull));

/** gate_pidfd_open: pidfd_open(2) with PIDFD_NONBLOCK unset. */
int gate_pidfd_open(pid_t pid);

/** gate_pidfd_signal: pidfd_send_signal(2). */
int gate_pidfd_signal(int pidfd, int sig);

/**
 * gate_pidfd_reap: waitid(P_PIDFD, WEXITED) with resource usage.
 * @pidfd: of an exited child
 * @info: exit information, written on success
 * @cpu_ns: user + system CPU time, written on success
 */
int gate_pidfd_reap(int pidfd, siginfo_t *info, uint64_t *cpu_ns) __attribute__((nonnull));

/**
 * gate_exec_memfd: a sealed, executable memfd holding @len bytes of @data.
 * Return: the fd (close-on-exec), or -1.
 */
int gate_exec_memfd(const char *name, const void *data, size_t len) __attribute__((nonnull));

/**
 * gate_cpu_spent_s: CPU time a process has used, in whole seconds rounded up.
 * @pid: a process in our pid namespace
 * @out: written on success
 */
int gate_cpu_spent_s(pid_t pid, uint64_t *out) __attribute__((nonnull));

/**
 * gate_cpu_ns: CPU time of a process (also of a zombie not yet reaped): the larger
 * of the tick-sampled count (what RLIMIT_CPU is checked against) and the
 * scheduler's exact count; rusage can be lower than both on virtual machines.
 * @pid: a process in our pid namespace
 * @out: written on success
 */
int gate_cpu_ns(pid_t pid, uint64_t *out) __attribute__((nonnull));

/** gate_set_cpu_limit: RLIMIT_CPU soft = @soft_s, hard = @hard_s of process @pid. */
int gate_set_cpu_limit(pid_t pid, uint64_t soft_s, uint64_t hard_s);

/** gate_limit: setrlimit(@res, {@cur, @max}) of the calling process. */
int gate_limit(int res, rlim_t cur, rlim_t max);

#endif
