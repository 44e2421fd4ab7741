/* SPDX-License-Identifier: Apache-2.0 */
#define _GNU_SOURCE
#include "executor.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "gate/protocol.h"
#include "log.h"
#include "spawn.h"
#include "sys.h"
#include "util.h"

/**
 * struct proc - one instance process, idle (in the pool, no id) or running.
 */
struct proc {
	struct gate_spawned sp;
	uint32_t id;
	int running;
	int handed;          /* its start socket went to the JVM (hand-out mode) */
	uint32_t flags;      /* GATE_DONE_* requests sent */
	uint64_t cpu_hard_s; /* RLIMIT_CPU hard limit in force, 0 = none */
};

struct executor {
	int ctl;
	int epfd;
	int loader_fd;
	unsigned pool_target;
	unsigned nidle;
	unsigned nhanded;    /* handed out and not claimed: the JVM's idle pool */
	unsigned nprocs;
	int handout;
	uint32_t next_token;
	int closing;
	int ctl_dead;
	unsigned ended;      /* running processes reaped in this round of events */
	struct proc *idle[GATE_MAX_POOL];
	struct proc **byid; /* GATE_MAX_ID entries */
};

/*
 * Refill the pool after this long without events: a fork+exec competes for the CPU
 * with the instance that was just started, and with the JVM's work at the end of a
 * run. Back-to-back short runs leave no quiet millisecond, though, and an empty pool
 * puts a spawn on every start: once two of the pool are missing (runs more often than
 * the quiet refill), a started process that ended is replaced right after its reap.
 */
#define REFILL_DELAY_MS 1

/* epoll data of the control socket; procs use their own address. */
static char ctl_tag;

static void shutdown_all(struct executor *x);

static void reply(struct executor *x, const struct gate_reply *r)
{
	if (x->ctl_dead)
		return;
	if (gate_send_fds(x->ctl, r, sizeof *r, NULL, 0) < 0) {
		/* The JVM is gone or broke the socket: nobody to serve, wind down. */
		if (errno != EPIPE && errno != ECONNRESET)
			warn_errno("send(reply to %u)", r->id);
		x->ctl_dead = 1;
		shutdown_all(x);
	}
}

static void reply_error(struct executor *x, uint32_t id, int err)
{
	struct gate_reply r = { .id = id, .kind = GATE_REPLY_ERROR, .code = err };

	reply(x, &r);
}

static struct proc *spawn(struct executor *x)
{
	struct proc *p = calloc(1, sizeof *p);
	struct epoll_event ev = { .events = EPOLLIN };

	if (!p)
		die("out of memory");
	if (gate_spawn(x->loader_fd, &p->sp) < 0) {
		warn_errno("spawn instance process");
		free(p);
		return NULL;
	}
	ev.data.ptr = p;
	if (epoll_ctl(x->epfd, EPOLL_CTL_ADD, p->sp.pidfd, &ev) < 0)
		die_errno("epoll_ctl(ADD, pidfd)");
	x->nprocs++;
	return p;
}

/*
 * Hand-out mode: the JVM gets the idle process's start socket (an IDLE reply carrying
 * it) and sends the start record itself, so a start wakes the instance process
 * directly instead of the container first (DESIGN.md §3). The process keeps an id
 * from the upper half, free again once its DONE has been sent.
 */
static int hand_out(struct executor *x, struct proc *p)
{
	struct gate_reply r = { .kind = GATE_REPLY_IDLE };
	uint32_t span = GATE_MAX_ID - GATE_HANDOUT_ID_MIN;
	uint32_t i;

	for (i = 0; i < span; i++) {
		uint32_t id = GATE_HANDOUT_ID_MIN + (x->next_token + i) % span;

		if (!x->byid[id]) {
			/* Round robin: an id comes back only after all the others. */
			x->next_token = (x->next_token + i + 1) % span;
			r.id = id;
			if (x->ctl_dead || gate_send_fds(x->ctl, &r, sizeof r, &p->sp.sock, 1) < 0)
				return -1;
			close(p->sp.sock);
			p->sp.sock = -1;
			p->id = id;
			p->handed = 1;
			x->byid[id] = p;
			x->nhanded++;
			return 0;
		}
	}
	return -1;
}

static struct proc *take_idle(struct executor *x)
{
	if (x->nidle)
		return x->idle[--x->nidle];
	return spawn(x);
}

static void drop_idle(struct executor *x, struct proc *p)
{
	unsigned i;

	for (i = 0; i < x->nidle; i++)
		if (x->idle[i] == p) {
			x->idle[i] = x->idle[--x->nidle];
			return;
		}
}

static void close_fds(const int *fds, int n)
{
	int i;

	for (i = 0; i < n; i++)
		close(fds[i]);
}

static void start(struct executor *x, const struct gate_request *req,
		  const struct gate_start *rec, const int *fds)
{
	struct proc *p;
	int tries;

	if (x->byid[req->id] || (x->handout && req->id >= GATE_HANDOUT_ID_MIN)) {
		reply_error(x, req->id, EBUSY);
		return;
	}
	/* A pooled process may have died meanwhile; its reap is still queued. */
	for (tries = 0; tries < 3; tries++) {
		p = take_idle(x);
		if (!p)
			break;
		if (gate_send_fds(p->sp.sock, rec, sizeof *rec, fds, GATE_START_FDS) == 0)
			goto started;
		gate_pidfd_signal(p->sp.pidfd, SIGKILL);
		close(p->sp.sock);
		p->sp.sock = -1;
	}
	reply_error(x, req->id, EAGAIN);
	return;
started:
	close(p->sp.sock);
	p->sp.sock = -1;
	p->running = 1;
	p->id = req->id;
	if (rec->cpu_limit_s)
		p->cpu_hard_s = rec->cpu_limit_s + 1ull;
	x->byid[req->id] = p;
}

static void suspend(struct proc *p)
{
	uint64_t spent;

	p->flags |= GATE_DONE_SUSPEND_REQUESTED;
	if (gate_pidfd_signal(p->sp.pidfd, SIGXCPU) < 0)
		return; /* already dead: its reap is pending */
	/* Backstop: one more CPU second to reach a suspension point (DESIGN.md §3). */
	if (gate_cpu_spent_s(p->sp.pid, &spent) < 0)
		return;
	spent += 1;
	if (p->cpu_hard_s && p->cpu_hard_s <= spent)
		return; /* a stricter limit is already in force */
	if (gate_set_cpu_limit(p->sp.pid, spent, spent) == 0)
		p->cpu_hard_s = spent;
}

static void handle(struct executor *x, const void *buf, size_t len, const int *fds, int nfds)
{
	const struct gate_request *req = buf;
	struct proc *p;

	if (len < sizeof *req || nfds < 0 || gate_request_check(req, len, nfds) != 0) {
		close_fds(fds, nfds > 0 ? nfds : 0);
		reply_error(x, len >= sizeof *req ? req->id : 0, EINVAL);
		return;
	}
	switch (req->op) {
	case GATE_OP_START:
		start(x, req, (const struct gate_start *)(req + 1), fds);
		close_fds(fds, nfds);
		return;
	case GATE_OP_POOL:
		/* Handed-out processes are the JVM's: it closes the start sockets it
		 * does not want, and those processes end (their DONE tells it). */
		x->pool_target = req->arg;
		while (x->nidle > x->pool_target) {
			p = x->idle[--x->nidle];
			gate_pidfd_signal(p->sp.pidfd, SIGKILL);
		}
		return;
	case GATE_OP_HANDOUT:
		x->handout = (int)req->arg;
		while (x->handout && x->nidle) {
			p = x->idle[--x->nidle];
			if (hand_out(x, p) < 0) {
				gate_pidfd_signal(p->sp.pidfd, SIGKILL);
				break;
			}
		}
		return;
	case GATE_OP_CLAIM:
		/* The JVM started a handed-out process itself; stale or unknown ids are
		 * ignored (the process may have ended already: its DONE went out). */
		p = x->byid[req->id];
		if (p && p->handed && !p->running) {
			p->running = 1;
			x->nhanded--;
			if (req->arg)
				p->cpu_hard_s = req->arg + 1ull;
		}
		return;
	default:
		break;
	}
	p = x->byid[req->id];
	if (!p) {
		reply_error(x, req->id, ENOENT);
		return;
	}
	if (req->op == GATE_OP_KILL) {
		p->flags |= GATE_DONE_KILL_REQUESTED;
		gate_pidfd_signal(p->sp.pidfd, SIGKILL);
	} else {
		suspend(p);
	}
}

static void shutdown_all(struct executor *x)
{
	unsigned i;

	if (!x->closing)
		epoll_ctl(x->epfd, EPOLL_CTL_DEL, x->ctl, NULL);
	x->closing = 1;
	for (i = 0; i < x->nidle; i++)
		gate_pidfd_signal(x->idle[i]->sp.pidfd, SIGKILL);
	for (i = 0; i < GATE_MAX_ID; i++)
		if (x->byid[i]) {
			x->byid[i]->flags |= GATE_DONE_KILL_REQUESTED;
			gate_pidfd_signal(x->byid[i]->sp.pidfd, SIGKILL);
		}
}

static void read_requests(struct executor *x)
{
	union {
		struct gate_request req;
		char buf[sizeof(struct gate_request) + sizeof(struct gate_start) + 1];
	} m;
	int fds[GATE_START_FDS];

	for (;;) {
		int nfds;
		ssize_t n = gate_recv_fds(x->ctl, m.buf, sizeof m.buf, fds, &nfds, GATE_START_FDS);

		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		if (n <= 0) {
			/* ECONNRESET: the JVM exited with requests unread, an ordinary end. */
			if (n < 0 && errno != ECONNRESET)
				warn_errno("recvmsg(control)");
			shutdown_all(x);
			return;
		}
		handle(x, m.buf, (size_t)n, fds, nfds);
	}
}

static void reap(struct executor *x, struct proc *p)
{
	struct gate_death d = { 0 };
	siginfo_t info;
	uint64_t sched_ns = 0;

	/* Before reaping: the zombie's scheduler time is the one RLIMIT_CPU saw. */
	if (gate_cpu_ns(p->sp.pid, &sched_ns) < 0)
		sched_ns = 0;
	if (gate_pidfd_reap(p->sp.pidfd, &info, &d.cpu_ns) < 0)
		die_errno("waitid(P_PIDFD)");
	if (sched_ns > d.cpu_ns)
		d.cpu_ns = sched_ns;
	if (p->handed && !p->running)
		x->nhanded--; /* idle in the JVM, or started and not yet claimed */
	if (p->running || p->handed) {
		struct gate_reply r;

		d.how = info.si_code;
		d.value = info.si_status;
		d.cpu_hard_s = p->cpu_hard_s;
		d.flags = p->flags;
		r = gate_decode(&d, p->id);
		x->byid[p->id] = NULL;
		reply(x, &r);
		if (p->running)
			x->ended++;
	} else {
		drop_idle(x, p);
		if (!x->closing && info.si_code == CLD_EXITED)
			gate_log(0, "idle instance process %d ended (code %d, status %d)",
				 (int)p->sp.pid, info.si_code, info.si_status);
	}
	epoll_ctl(x->epfd, EPOLL_CTL_DEL, p->sp.pidfd, NULL);
	close(p->sp.pidfd);
	if (p->sp.sock >= 0)
		close(p->sp.sock);
	free(p);
	x->nprocs--;
}

static void refill(struct executor *x)
{
	struct proc *p = spawn(x);

	if (!p)
		return;
	if (!x->handout)
		x->idle[x->nidle++] = p;
	else if (hand_out(x, p) < 0)
		gate_pidfd_signal(p->sp.pidfd, SIGKILL); /* reaped as an idle process */
}

int gate_serve(int ctl, int loader_fd, unsigned pool, uint32_t hello_flags)
{
	struct executor x = { .ctl = ctl, .loader_fd = loader_fd, .pool_target = pool };
	struct gate_reply hello = {
		.kind = GATE_REPLY_HELLO,
		.code = GATE_PROTOCOL_VERSION,
		.flags = hello_flags,
	};
	struct epoll_event ev = { .events = EPOLLIN, .data.ptr = &ctl_tag };
	int failures = 0;

	x.byid = calloc(GATE_MAX_ID, sizeof *x.byid);
	if (!x.byid)
		die("out of memory");
	x.epfd = epoll_create1(EPOLL_CLOEXEC);
	if (x.epfd < 0)
		die_errno("epoll_create1");
	if (epoll_ctl(x.epfd, EPOLL_CTL_ADD, ctl, &ev) < 0)
		die_errno("epoll_ctl(ADD, control)");
	reply(&x, &hello);

	while (!x.closing || x.nprocs) {
		struct epoll_event evs[64];
		int want = !x.closing && x.nidle + x.nhanded < x.pool_target && failures < 8;
		int i, n = epoll_wait(x.epfd, evs, 64, want ? REFILL_DELAY_MS : -1);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			die_errno("epoll_wait");
		if (n == 0 && want) {
			/* Only when nothing else is pending: requests come first. */
			unsigned before = x.nidle + x.nhanded;

			refill(&x);
			failures = x.nidle + x.nhanded > before ? 0 : failures + 1;
			continue;
		}
		x.ended = 0;
		for (i = 0; i < n; i++) {
			if (evs[i].data.ptr == &ctl_tag) {
				if (!x.closing)
					read_requests(&x);
			} else {
				reap(&x, evs[i].data.ptr);
			}
		}
		/* One replacement per ended run once two of the pool are missing (REFILL_DELAY_MS). */
		for (; x.ended && !x.closing && x.nidle + x.nhanded + 1 < x.pool_target && failures < 8;
		     x.ended--) {
			unsigned before = x.nidle + x.nhanded;

			refill(&x);
			failures = x.nidle + x.nhanded > before ? 0 : failures + 1;
		}
	}
	free(x.byid);
	close(x.epfd);
	return 0;
}
