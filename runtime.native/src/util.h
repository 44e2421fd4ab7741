/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Pure helpers of gate-container: no system calls, no global state.
 */
#ifndef GATE_UTIL_H
#define GATE_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "gate/protocol.h"

/**
 * struct gate_death - how an instance process ended, as waitid() and the
 * container's own bookkeeping saw it.
 * @how: CLD_EXITED, CLD_KILLED or CLD_DUMPED (siginfo si_code)
 * @value: exit code or signal number (siginfo si_status)
 * @cpu_ns: user + system CPU time
 * @cpu_hard_s: RLIMIT_CPU hard limit in force, 0 if none
 * @flags: GATE_DONE_* requests the container had sent
 */
struct gate_death {
	int how;
	int value;
	uint64_t cpu_ns;
	uint64_t cpu_hard_s;
	uint32_t flags;
};

/**
 * gate_decode: turn a death into the typed status of a DONE reply (DESIGN.md §3).
 * @d: the death
 * @id: instance id for the reply
 *
 * Return: the complete reply.
 */
struct gate_reply gate_decode(const struct gate_death *d, uint32_t id)
	__attribute__((nonnull));

/**
 * gate_request_check: whether a received control message is well formed.
 * @req: the request header (first 16 bytes)
 * @len: bytes received in total
 * @nfds: fds received with it
 *
 * Return: 0 if valid, else EINVAL. Does not look at instance state.
 */
int gate_request_check(const struct gate_request *req, size_t len, int nfds)
	__attribute__((nonnull));

/**
 * gate_parse_uint: parse a decimal number in [0, max].
 * @s: the text
 * @max: largest accepted value
 * @out: written only on success
 *
 * Return: 0, or -1 for anything that is not such a number.
 */
int gate_parse_uint(const char *s, uint64_t max, uint64_t *out) __attribute__((nonnull));

#endif
