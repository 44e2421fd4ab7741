/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Creating one instance process (DESIGN.md §2, phase 1): fork, harden, execveat the
 * loader. The process then waits in the loader for its start record.
 */
#ifndef GATE_SPAWN_H
#define GATE_SPAWN_H

#include <sys/types.h>

/**
 * struct gate_spawned - parent's handles of a new instance process.
 * @pid: its pid
 * @pidfd: pidfd (close-on-exec)
 * @sock: container end of the start socket (SOCK_SEQPACKET, close-on-exec)
 */
struct gate_spawned {
	pid_t pid;
	int pidfd;
	int sock;
};

/**
 * gate_spawn: start an idle instance process.
 * @loader_fd: executable memfd of the loader
 * @out: written on success
 *
 * Return: 0, or -1 with errno (nothing is left behind then).
 */
int gate_spawn(int loader_fd, struct gate_spawned *out) __attribute__((nonnull));

/**
 * gate_default_signals: sets every signal disposition to the default. The container
 * calls it once at its start, before it ignores SIGPIPE, so that it holds no other
 * ignored signal (one inherited from the JVM's environment, say): exec keeps ignored
 * signals, and gate_harden_child resets only SIGPIPE.
 */
void gate_default_signals(void);

/**
 * gate_harden_child: the hardening every instance process gets before exec, in
 * the forked child: fd 0 := @sock, every other fd closed except @keep (moved to 1,
 * close-on-exec), rlimits, signal dispositions and mask, no_new_privs, parent-death
 * signal. Exits the child with GATE_LOADER_SPAWN on failure.
 * @sock: the child's end of the start socket
 * @keep: an fd that must survive until exec, or -1
 * @parent: pid of the container, to detect that it died before PDEATHSIG was set
 *
 * Return: @keep's new number (1), or -1 if @keep was -1.
 */
int gate_harden_child(int sock, int keep, pid_t parent);

#endif
