/* SPDX-License-Identifier: Apache-2.0 */
#include "util.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>

/* RLIMIT_CPU is checked on scheduler ticks; allow for the accounting difference. */
#define CPU_SLACK_NS 50000000ull

static struct gate_reply exited(struct gate_reply r, int code)
{
	if (code >= 0 && code <= GATE_EXIT_MAX_NORMAL) {
		r.status = GATE_STATUS_EXIT;
		r.code = code;
	} else if (code >= GATE_EXIT_TRAP_BASE && code <= GATE_EXIT_TRAP_BASE + GATE_TRAP_MAX) {
		r.status = GATE_STATUS_TRAP;
		r.code = code - GATE_EXIT_TRAP_BASE;
	} else {
		/* Loader errors and anything unexpected: never mistaken for a program result. */
		r.status = GATE_STATUS_LOADER;
		r.code = code;
	}
	return r;
}

static struct gate_reply signaled(struct gate_reply r, const struct gate_death *d)
{
	int sig = d->value;

	r.code = sig;
	if (sig == SIGSYS) {
		r.status = GATE_STATUS_SECCOMP;
	} else if (sig == SIGXCPU) {
		/* The suspend signal arrived before the handler was installed. */
		r.status = GATE_STATUS_TRAP;
		r.code = GATE_TRAP_SUSPENDED;
	} else if (sig == SIGKILL && (d->flags & GATE_DONE_KILL_REQUESTED)) {
		r.status = GATE_STATUS_KILLED;
	} else if (sig == SIGKILL && d->cpu_hard_s &&
		   d->cpu_ns + CPU_SLACK_NS >= d->cpu_hard_s * 1000000000ull) {
		r.status = GATE_STATUS_CPU_LIMIT;
	} else {
		r.status = GATE_STATUS_SIGNAL;
	}
	return r;
}

struct gate_reply gate_decode(const struct gate_death *d, uint32_t id)
{
	struct gate_reply r = {
		.id = id,
		.kind = GATE_REPLY_DONE,
		.flags = d->flags,
		.cpu_ns = d->cpu_ns,
	};

	if (d->how == CLD_EXITED)
		return exited(r, d->value);
	if (d->how == CLD_KILLED || d->how == CLD_DUMPED)
		return signaled(r, d);
	r.status = GATE_STATUS_SIGNAL;
	r.code = d->value;
	return r;
}

int gate_request_check(const struct gate_request *req, size_t len, int nfds)
{
	if (req->flags || req->reserved || req->id >= GATE_MAX_ID)
		return EINVAL;
	switch (req->op) {
	case GATE_OP_START:
		if (len != sizeof *req + sizeof(struct gate_start) || nfds != GATE_START_FDS ||
		    req->arg)
			return EINVAL;
		return 0;
	case GATE_OP_KILL:
	case GATE_OP_SUSPEND:
		return len == sizeof *req && nfds == 0 && !req->arg ? 0 : EINVAL;
	case GATE_OP_POOL:
		return len == sizeof *req && nfds == 0 && req->arg <= GATE_MAX_POOL ? 0 : EINVAL;
	case GATE_OP_HANDOUT:
		return len == sizeof *req && nfds == 0 && req->arg <= 1 ? 0 : EINVAL;
	case GATE_OP_CLAIM:
		return len == sizeof *req && nfds == 0 ? 0 : EINVAL;
	default:
		return EINVAL;
	}
}

int gate_parse_uint(const char *s, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		uint64_t d = (uint64_t)(*s - '0');

		if (d > max || v > (max - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}
