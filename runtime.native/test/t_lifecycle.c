/* SPDX-License-Identifier: Apache-2.0 */
/* Tests of instance lifecycles: pool, suspend, kill, CPU limits, protocol errors,
 * resume. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sys/mman.h>
#include <poll.h>
#include <sys/socket.h>

#include "../loader/record.h"
#include "driver.h"
#include "sys.h"

/* The pool can be emptied and refilled; a dead idle process does not hurt. */
void test_pool(struct ctr *c)
{
	char out[16];
	ssize_t n;
	struct gate_reply r;

	CHECK(ctr_send(c, GATE_OP_POOL, 0, 0, NULL, 0, NULL, 0) == 0, "pool 0");
	r = run(c, "hello", &inst_defaults, out, sizeof out, &n, NULL);
	expect(&r, GATE_STATUS_EXIT, 0, "hello without a pool");
	CHECK(ctr_send(c, GATE_OP_POOL, 0, 2, NULL, 0, NULL, 0) == 0, "pool 2");
	r = run(c, "hello", &inst_defaults, out, sizeof out, &n, NULL);
	expect(&r, GATE_STATUS_EXIT, 0, "hello with a pool of 2");
}

/* Start a checked endless loop and return it running. */
int start_loop(struct ctr *c, const char *name, struct prog *p, struct inst *in,
		      const struct inst_opts *o)
{
	*p = load(name);
	if (inst_start(c, next_id++, p, o, in) < 0) {
		CHECK(0, "start %s", name);
		return -1;
	}
	return 0;
}

void test_suspend_kill(struct ctr *c)
{
	struct prog p, q;
	struct inst a, b;
	struct gate_reply r;
	struct gate_vars v;
	struct inst_opts o = inst_defaults;

	/* a keeps running while others crash, get killed or suspended around it. */
	if (start_loop(c, "loop", &p, &a, &inst_defaults) < 0)
		return;
	if (start_loop(c, "loop", &q, &b, &inst_defaults) == 0) {
		CHECK(ctr_send(c, GATE_OP_KILL, b.id, 0, NULL, 0, NULL, 0) == 0, "send kill");
		CHECK(ctr_wait(c, b.id, &r, WAIT_MS) == 0, "kill reply");
		expect(&r, GATE_STATUS_KILLED, SIGKILL, "kill");
		CHECK(r.flags & GATE_DONE_KILL_REQUESTED, "kill flag");
		inst_close(&b);
		close(q.fd);
	}
	test_traps(c);
	r = run(c, "syscall", &inst_defaults, NULL, 0, NULL, NULL); /* nr 0 = read(0,0,0) */
	expect(&r, GATE_STATUS_EXIT, 0, "syscall read");

	CHECK(ctr_send(c, GATE_OP_SUSPEND, a.id, 0, NULL, 0, NULL, 0) == 0, "send suspend");
	CHECK(ctr_wait(c, a.id, &r, WAIT_MS) == 0, "suspend reply");
	expect(&r, GATE_STATUS_TRAP, GATE_TRAP_SUSPENDED, "suspend after other instances died");
	CHECK(r.flags & GATE_DONE_SUSPEND_REQUESTED, "suspend flag");
	CHECK(inst_vars(&a, &v) == 0 && v.state == GATE_VARS_STOPPED, "suspended state %u",
	      v.state);
	inst_close(&a);
	close(p.fd);

	/* No suspension check at all: the RLIMIT_CPU backstop ends it. */
	if (start_loop(c, "spin", &p, &a, &inst_defaults) == 0) {
		CHECK(ctr_send(c, GATE_OP_SUSPEND, a.id, 0, NULL, 0, NULL, 0) == 0, "suspend");
		CHECK(ctr_wait(c, a.id, &r, WAIT_MS) == 0, "backstop reply");
		expect(&r, GATE_STATUS_CPU_LIMIT, SIGKILL, "suspend backstop");
		printf("backstop cpu %llu ns\n", (unsigned long long)r.cpu_ns);
		CHECK(inst_vars(&a, &v) == 0 && v.state == GATE_VARS_RUNNING,
		      "killed state %u is dirty", v.state);
		inst_close(&a);
		close(p.fd);
	}

	/* A CPU quota in the start record suspends by itself. */
	o.cpu_limit_s = 1;
	if (start_loop(c, "loop", &p, &a, &o) == 0) {
		CHECK(ctr_wait(c, a.id, &r, WAIT_MS) == 0, "quota reply");
		expect(&r, GATE_STATUS_TRAP, GATE_TRAP_SUSPENDED, "cpu quota");
		CHECK(r.cpu_ns >= 900000000ull, "cpu %llu ns", (unsigned long long)r.cpu_ns);
		inst_close(&a);
		close(p.fd);
	}
}

void test_protocol(struct ctr *c)
{
	struct prog p = load("loop");
	struct inst a, b;
	struct gate_reply r;
	struct gate_start bad;
	int fds[4], pin[2], pout[2];

	CHECK(ctr_send(c, GATE_OP_KILL, 60000, 0, NULL, 0, NULL, 0) == 0, "send");
	CHECK(ctr_wait(c, 60000, &r, WAIT_MS) == 0 && r.kind == GATE_REPLY_ERROR &&
		      r.code == ENOENT,
	      "kill unknown id: kind %u code %d", r.kind, r.code);
	CHECK(ctr_send(c, 99, 60001, 0, NULL, 0, NULL, 0) == 0, "send");
	CHECK(ctr_wait(c, 60001, &r, WAIT_MS) == 0 && r.kind == GATE_REPLY_ERROR &&
		      r.code == EINVAL,
	      "unknown op: kind %u code %d", r.kind, r.code);
	CHECK(ctr_send(c, GATE_OP_KILL, GATE_MAX_ID + 1, 0, NULL, 0, NULL, 0) == 0, "send");
	CHECK(ctr_wait(c, GATE_MAX_ID + 1, &r, WAIT_MS) == 0 && r.code == EINVAL, "big id");

	if (inst_start(c, 60002, &p, &inst_defaults, &a) == 0) {
		/* the same id again while it runs */
		CHECK(inst_start(c, 60002, &p, &inst_defaults, &b) == 0, "second start");
		CHECK(ctr_wait(c, 60002, &r, WAIT_MS) == 0 && r.kind == GATE_REPLY_ERROR &&
			      r.code == EBUSY,
		      "duplicate id: kind %u code %d", r.kind, r.code);
		inst_close(&b);
		ctr_send(c, GATE_OP_KILL, 60002, 0, NULL, 0, NULL, 0);
		CHECK(ctr_wait(c, 60002, &r, WAIT_MS) == 0, "kill");
		expect(&r, GATE_STATUS_KILLED, SIGKILL, "kill");
		inst_close(&a);
	}

	/* START without fds */
	memset(&bad, 0, sizeof bad);
	CHECK(ctr_send(c, GATE_OP_START, 60003, 0, &bad, sizeof bad, NULL, 0) == 0, "send");
	CHECK(ctr_wait(c, 60003, &r, WAIT_MS) == 0 && r.kind == GATE_REPLY_ERROR &&
		      r.code == EINVAL,
	      "start without fds: kind %u code %d", r.kind, r.code);

	/* a record the loader refuses: reported as a loader error, not a program result */
	fds[0] = fds[1] = fds[2] = fds[3] = p.fd;
	CHECK(ctr_send(c, GATE_OP_START, 60004, 0, &bad, sizeof bad, fds, 4) == 0, "send");
	CHECK(ctr_wait(c, 60004, &r, WAIT_MS) == 0, "bad record reply");
	expect(&r, GATE_STATUS_LOADER, GATE_LOADER_MAGIC, "bad magic");

	/* a state fd smaller than the record needs (the one-page text memfd) */
	memset(&bad, 0, sizeof bad);
	bad.magic = GATE_START_MAGIC;
	bad.version = GATE_START_VERSION;
	bad.text_size = p.size;
	bad.stack_size = 65536;
	bad.memory_pages = 1;
	bad.max_memory_pages = 1;
	if (pipe2(pin, O_CLOEXEC) == 0 && pipe2(pout, O_CLOEXEC) == 0) {
		int sfds[4] = { pin[0], pout[1], p.fd, p.fd };

		CHECK(ctr_send(c, GATE_OP_START, 60005, 0, &bad, sizeof bad, sfds, 4) == 0, "send");
		CHECK(ctr_wait(c, 60005, &r, WAIT_MS) == 0, "small state reply");
		expect(&r, GATE_STATUS_LOADER, GATE_LOADER_FD, "small state fd");
		close(pin[0]);
		close(pin[1]);
		close(pout[0]);
		close(pout[1]);
	}

	/* unsealed text: code could change under a running instance */
	if (pipe2(pin, O_CLOEXEC) == 0 && pipe2(pout, O_CLOEXEC) == 0) {
		int text = memfd_create("gate-text", MFD_CLOEXEC);
		int state = memfd_create("gate-state", MFD_CLOEXEC);
		int sfds[4] = { pin[0], pout[1], text, state };

		CHECK(text >= 0 && ftruncate(text, 4096) == 0 && state >= 0 &&
			      ftruncate(state, (off_t)gate_state_size(&bad)) == 0,
		      "memfds");
		CHECK(ctr_send(c, GATE_OP_START, 60006, 0, &bad, sizeof bad, sfds, 4) == 0, "send");
		CHECK(ctr_wait(c, 60006, &r, WAIT_MS) == 0, "unsealed text reply");
		expect(&r, GATE_STATUS_LOADER, GATE_LOADER_FD, "unsealed text");
		close(text);
		close(state);
		close(pin[0]);
		close(pin[1]);
		close(pout[0]);
		close(pout[1]);
	}
	close(p.fd);
}

/* Suspend, then resume from the saved stack in the same state memfd. */
void test_resume(struct ctr *c)
{
	struct prog p = load("count");
	struct inst_opts o = inst_defaults;
	uint64_t mem[2] = { 0, ~0ull }, count = 0;
	struct gate_vars v;
	struct gate_reply r;
	struct inst a;
	off_t mem_off = GATE_STACK_OFFSET + o.stack_size + o.globals_size;

	o.mem_init = mem;
	o.mem_init_len = sizeof mem;
	if (inst_start(c, next_id++, &p, &o, &a) < 0) {
		CHECK(0, "start count");
		return;
	}
	CHECK(ctr_send(c, GATE_OP_SUSPEND, a.id, 0, NULL, 0, NULL, 0) == 0, "suspend");
	CHECK(ctr_wait(c, a.id, &r, WAIT_MS) == 0, "suspend reply");
	expect(&r, GATE_STATUS_TRAP, GATE_TRAP_SUSPENDED, "count suspended");
	CHECK(inst_vars(&a, &v) == 0 && v.state == GATE_VARS_STOPPED, "state %u", v.state);
	CHECK(pread(a.state, mem, sizeof mem, mem_off) == sizeof mem, "read memory");

	/* resume: same addresses (the saved stack holds absolute return addresses) */
	mem[1] = mem[0] + 1000;
	CHECK(pwrite(a.state, &mem[1], 8, mem_off + 8) == 8, "set limit");
	o.mem_init = NULL;
	o.mem_init_len = 0;
	o.state_fd = dup(a.state);
	o.flags = GATE_START_RESUME;
	o.entry = 0x40;
	o.text_addr = v.text_addr;
	o.stack_addr = v.stack_addr;
	o.memory_addr = v.memory_addr;
	inst_close(&a);
	r = run(c, "count", &o, (char *)&count, sizeof count, NULL, &v);
	expect(&r, GATE_STATUS_EXIT, 0, "resumed count");
	CHECK(count == mem[1], "count %llu, want %llu", (unsigned long long)count,
	      (unsigned long long)mem[1]);
	close(o.state_fd);
	close(p.fd);
}

/* Many instances at once: each one's end is its own business. */
void test_many(struct ctr *c)
{
	enum { N = 32 };
	struct prog p = load("loop");
	struct inst in[N];
	struct gate_reply r;
	int i, started[N];

	for (i = 0; i < N; i++)
		started[i] = inst_start(c, next_id++, &p, &inst_defaults, &in[i]) == 0;
	for (i = 0; i < N; i++)
		if (started[i])
			ctr_send(c, i % 2 ? GATE_OP_SUSPEND : GATE_OP_KILL, in[i].id, 0, NULL, 0,
				 NULL, 0);
	for (i = 0; i < N; i++) {
		if (!started[i]) {
			CHECK(0, "start %d", i);
			continue;
		}
		CHECK(ctr_wait(c, in[i].id, &r, WAIT_MS) == 0, "reply %d", i);
		if (i % 2)
			expect(&r, GATE_STATUS_TRAP, GATE_TRAP_SUSPENDED, "one of many suspended");
		else
			expect(&r, GATE_STATUS_KILLED, SIGKILL, "one of many killed");
		inst_close(&in[i]);
	}
	close(p.fd);
}

/* Garbage on the control socket gets error replies, never a dead container. */
void test_garbage(struct ctr *c)
{
	uint64_t seed = 0x9e3779b97f4a7c15ull;
	char msg[200], out[16];
	struct gate_reply r;
	ssize_t n;
	int i;

	for (i = 0; i < 300; i++) {
		size_t len = 1, k;

		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		len += (seed >> 33) % sizeof msg;
		for (k = 0; k < len; k++) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			msg[k] = (char)(seed >> 56);
		}
		/* keep ids of the garbage away from the ids the tests use */
		if (len >= 8)
			msg[7] = (char)0xf0;
		CHECK(gate_send_fds(c->sock, msg, len, NULL, 0) == 0, "send garbage %d", i);
		/* read replies as the JVM must (DESIGN.md §3), or both sides block; no
		 * instance runs now, so every reply belongs to the garbage */
		while (recv(c->sock, &r, sizeof r, MSG_DONTWAIT) == sizeof r)
			CHECK(r.kind == GATE_REPLY_ERROR, "garbage reply kind %u", r.kind);
	}
	/* replies keep their order: everything before the sentinel's is garbage's */
	CHECK(ctr_send(c, GATE_OP_KILL, 60100, 0, NULL, 0, NULL, 0) == 0, "sentinel");
	for (;;) {
		struct pollfd p = { c->sock, POLLIN, 0 };

		if (poll(&p, 1, WAIT_MS) != 1 || recv(c->sock, &r, sizeof r, 0) != sizeof r) {
			CHECK(0, "sentinel reply");
			break;
		}
		if (r.id == 60100)
			break;
		CHECK(r.kind == GATE_REPLY_ERROR, "garbage reply kind %u", r.kind);
	}
	/* the container still works, and restores a pool for the next tests */
	CHECK(ctr_send(c, GATE_OP_POOL, 0, 4, NULL, 0, NULL, 0) == 0, "pool 4");
	r = run(c, "hello", &inst_defaults, out, sizeof out, &n, NULL);
	expect(&r, GATE_STATUS_EXIT, 0, "hello after garbage");
}

/*
 * Hand-out mode (DESIGN.md §3): the idle processes' start sockets come to the client
 * in IDLE replies; a record sent straight to one starts it, CLAIM tells the container,
 * and DONE, KILL and ids work as for a START. Leaves the container in that mode.
 */
void test_handout(struct ctr *c)
{
	struct prog hello = load("hello"), loop = load("loop");
	struct gate_reply r;
	struct inst in;
	uint32_t id, id2;
	int sock, sock2;
	char out[16];

	CHECK(ctr_send(c, GATE_OP_HANDOUT, 0, 1, NULL, 0, NULL, 0) == 0, "hand-out on");
	CHECK(ctr_wait_idle(c, &id, &sock, WAIT_MS) == 0, "an idle process is handed out");
	CHECK(id >= GATE_HANDOUT_ID_MIN && id < GATE_MAX_ID, "handed-out id %u", id);
	CHECK(inst_start_handed(c, id, sock, &hello, &inst_defaults, &in) == 0, "direct start");
	CHECK(inst_output(&in, out, sizeof out) > 0, "hello wrote");
	CHECK(ctr_wait(c, id, &r, WAIT_MS) == 0 && r.kind == GATE_REPLY_DONE, "DONE of a direct start");
	expect(&r, GATE_STATUS_EXIT, 0, "hello started directly");
	inst_close(&in);

	/* KILL by the handed-out id */
	CHECK(ctr_wait_idle(c, &id, &sock, WAIT_MS) == 0, "another idle process");
	CHECK(inst_start_handed(c, id, sock, &loop, &inst_defaults, &in) == 0, "direct loop");
	CHECK(ctr_send(c, GATE_OP_KILL, id, 0, NULL, 0, NULL, 0) == 0, "kill it");
	CHECK(ctr_wait(c, id, &r, WAIT_MS) == 0, "DONE after kill");
	expect(&r, GATE_STATUS_KILLED, 9, "killed by its handed-out id");
	inst_close(&in);

	/* An idle process whose socket the client closes ends, and its DONE says so. */
	CHECK(ctr_wait_idle(c, &id2, &sock2, WAIT_MS) == 0, "a third idle process");
	close(sock2);
	CHECK(ctr_wait(c, id2, &r, WAIT_MS) == 0, "DONE of a dropped idle process");
	expect(&r, GATE_STATUS_LOADER, GATE_LOADER_RECV, "dropped idle process");

	/* STARTs through the container still work, below the handed-out ids only. */
	CHECK(inst_start(c, GATE_HANDOUT_ID_MIN, &hello, &inst_defaults, &in) == 0, "send");
	CHECK(ctr_wait(c, GATE_HANDOUT_ID_MIN, &r, WAIT_MS) == 0 && r.kind == GATE_REPLY_ERROR &&
		      r.code == EBUSY,
	      "a START in the handed-out range is refused: kind %u code %d", r.kind, r.code);
	inst_close(&in);
	r = run(c, "hello", &inst_defaults, out, sizeof out, NULL, NULL);
	expect(&r, GATE_STATUS_EXIT, 0, "START through the container in hand-out mode");
	/* A stale CLAIM is ignored (no reply). */
	CHECK(ctr_send(c, GATE_OP_CLAIM, id2, 0, NULL, 0, NULL, 0) == 0, "stale claim");
	close(hello.fd);
	close(loop.fd);
}
