/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Integration tests: plays the JVM against a real gate-container and runs the
 * hand-written programs of progs/ as instances.
 *   driver GATE_CONTAINER PROGS_DIR [--bench N | --bench-only N]
 * The instance tests run twice: in a container with namespaces (skipped with a
 * message when the kernel refuses user namespaces) and with --no-namespaces.
 */
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

#include "check.h"
#include "gate/abi.h"
#include "instance.h"

#define WAIT_MS 60000 /* only a guard against hangs, never a measured bound */

static const char *container_bin;
static const char *progs_dir;
static int bench_runs;
static int bench_only;
static uint32_t next_id = 1;

static struct prog load(const char *name)
{
	struct prog p;

	if (prog_load(progs_dir, name, &p) < 0) {
		fprintf(stderr, "cannot load program %s from %s\n", name, progs_dir);
		exit(2);
	}
	return p;
}

/* Children of @pid (needs CONFIG_PROC_CHILDREN); returns their number. */
static int children(long pid, long *out, int max)
{
	char path[64];
	FILE *f;
	int n = 0;

	snprintf(path, sizeof path, "/proc/%ld/task/%ld/children", pid, pid);
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (n < max && fscanf(f, "%ld", &out[n]) == 1)
		n++;
	fclose(f);
	return n;
}

static int maps_has(const char *pid, const char *prefix)
{
	char path[300], line[256];
	FILE *f;
	int found = 0;

	snprintf(path, sizeof path, "/proc/%s/maps", pid);
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, prefix, strlen(prefix)))
			found = 1;
	fclose(f);
	return found;
}

/* Whether the maps of @pid mention @word anywhere. */
static int maps_has_word(const char *pid, const char *word)
{
	char path[300], line[512];
	FILE *f;
	int found = 0;

	snprintf(path, sizeof path, "/proc/%s/maps", pid);
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof line, f))
		if (strstr(line, word))
			found = 1;
	fclose(f);
	return found;
}

/* A running instance: the text memfd is mapped and the loader image is gone. */
static int maps_has_text(const char *pid)
{
	return maps_has_word(pid, "memfd:gate-text") && !maps_has(pid, "10000000-");
}

/* Run @name to completion; return its DONE reply (kind 0 on failure). */
static struct gate_reply run(struct ctr *c, const char *name, const struct inst_opts *o,
			     char *out, size_t outlen, ssize_t *outn, struct gate_vars *vars)
{
	struct prog p = load(name);
	struct gate_reply r = { 0 };
	struct inst in;
	ssize_t n;

	if (inst_start(c, next_id++, &p, o, &in) < 0) {
		CHECK(0, "start %s", name);
		return r;
	}
	close(in.in_w);
	in.in_w = -1;
	n = out ? inst_output(&in, out, outlen) : 0;
	if (outn)
		*outn = n;
	if (ctr_wait(c, in.id, &r, WAIT_MS) < 0)
		CHECK(0, "no reply for %s", name);
	if (vars && inst_vars(&in, vars) < 0)
		CHECK(0, "read vars of %s", name);
	inst_close(&in);
	close(p.fd);
	return r;
}

static void expect(const struct gate_reply *r, int status, int code, const char *what)
{
	CHECK(r->kind == GATE_REPLY_DONE && r->status == status && r->code == code,
	      "%s: kind %u status %u code %d, want status %d code %d", what, r->kind, r->status,
	      r->code, status, code);
}

static void test_hello(struct ctr *c)
{
	char out[16];
	ssize_t n;
	struct gate_vars v;
	struct gate_reply r = run(c, "hello", &inst_defaults, out, sizeof out, &n, &v);

	expect(&r, GATE_STATUS_EXIT, 0, "hello");
	CHECK(n == 6 && !memcmp(out, "hello\n", 6), "output %.*s", (int)(n > 0 ? n : 0), out);
	CHECK_EQ(v.magic, GATE_VARS_MAGIC);
	CHECK_EQ(v.state, GATE_VARS_STOPPED);
	CHECK_EQ(v.exit_code, 0);
}

struct sysreq {
	const char *what;
	uint64_t nr, a[6];
	int relative;
	int allowed;
};

static void test_syscalls(struct ctr *c)
{
	const struct sysreq reqs[] = {
		{ "open", SYS_open, { 0 }, 0, 0 },
		{ "openat", SYS_openat, { (uint64_t)-100, 0 }, 0, 0 },
		{ "socket", SYS_socket, { 2, 1, 0 }, 0, 0 },
		{ "clone", SYS_clone, { SIGCHLD, 0 }, 0, 0 },
		{ "fork", SYS_fork, { 0 }, 0, 0 },
		{ "execve", SYS_execve, { 0 }, 0, 0 },
		{ "ptrace", SYS_ptrace, { 0 }, 0, 0 },
		{ "mmap exec", SYS_mmap, { 0, 4096, 7, 0x22, (uint64_t)-1, 0 }, 0, 0 },
		{ "mmap", SYS_mmap, { 0, 4096, 3, 0x22, (uint64_t)-1, 0 }, 0, 0 },
		{ "getpid", SYS_getpid, { 0 }, 0, 0 },
		{ "write fd 2", SYS_write, { 2, 0, 1 }, 0, 0 },
		{ "read fd 1", SYS_read, { 1, 0, 1 }, 0, 0 },
		{ "x32 getpid", 0x40000000 | SYS_getpid, { 0 }, 0, 0 },
		{ "mprotect exec memory", SYS_mprotect, { 0, 65536, 7 }, 1, 0 },
		{ "mprotect past max", SYS_mprotect, { 16 << 16, 65536, 3 }, 1, 0 },
		{ "mprotect straddling max", SYS_mprotect, { 15 << 16, 2 << 16, 3 }, 1, 0 },
		{ "mprotect globals", SYS_mprotect, { (uint64_t)-4096, 4096, 3 }, 1, 0 },
		{ "mprotect 4 GiB", SYS_mprotect, { 0, 1ull << 32, 3 }, 1, 0 },
		/* controls: what the runtime itself does must still work */
		{ "mprotect grow", SYS_mprotect, { 1 << 16, 65536, 3 }, 1, 1 },
		{ "mprotect up to max", SYS_mprotect, { 0, 16 << 16, 3 }, 1, 1 },
		{ "read fd 0", SYS_read, { 0, 0, 0 }, 0, 1 },
		{ "close", SYS_close, { 5 }, 0, 1 },
	};
	size_t i;

	for (i = 0; i < sizeof reqs / sizeof reqs[0]; i++) {
		struct inst_opts o = inst_defaults;
		uint64_t mem[9] = { reqs[i].nr };
		char out[8];
		ssize_t n;
		struct gate_reply r;

		memcpy(&mem[1], reqs[i].a, sizeof reqs[i].a);
		mem[8] = (uint64_t)reqs[i].relative;
		o.mem_init = mem;
		o.mem_init_len = sizeof mem;
		r = run(c, "syscall", &o, out, sizeof out, &n, NULL);
		if (reqs[i].allowed) {
			expect(&r, GATE_STATUS_EXIT, 0, reqs[i].what);
			CHECK(n == 8, "%s: no result written", reqs[i].what);
		} else {
			expect(&r, GATE_STATUS_SECCOMP, SIGSYS, reqs[i].what);
			CHECK(n == 0, "%s: wrote %zd bytes before dying", reqs[i].what, n);
		}
	}
}

static void test_traps(struct ctr *c)
{
	struct gate_vars v;
	struct gate_reply r;

	r = run(c, "oob", &inst_defaults, NULL, 0, NULL, &v);
	expect(&r, GATE_STATUS_TRAP, GATE_TRAP_MEMORY_OUT_OF_BOUNDS, "oob load");
	CHECK_EQ(v.trap_pc, 5); /* the faulting mov follows a 5-byte mov */
	CHECK_EQ(v.state, GATE_VARS_STOPPED);
	CHECK_EQ(v.exit_code, 105);
	r = run(c, "oob_io", &inst_defaults, NULL, 0, NULL, NULL);
	expect(&r, GATE_STATUS_TRAP, GATE_TRAP_MEMORY_OUT_OF_BOUNDS, "oob write slot");
	r = run(c, "recurse", &inst_defaults, NULL, 0, NULL, &v);
	expect(&r, GATE_STATUS_TRAP, GATE_TRAP_CALL_STACK_EXHAUSTED, "checked recursion");
	CHECK(v.sp_offset < GATE_STACK_RESERVE + 128, "sp_offset %llu",
	      (unsigned long long)v.sp_offset);
	r = run(c, "recurse_nocheck", &inst_defaults, NULL, 0, NULL, NULL);
	expect(&r, GATE_STATUS_TRAP, GATE_TRAP_CALL_STACK_EXHAUSTED, "unchecked recursion");
}

static void test_grow(struct ctr *c)
{
	struct inst_opts o = inst_defaults;
	uint32_t pages = 0;
	ssize_t n;
	struct gate_vars v;
	struct gate_reply r;

	o.max_pages = 40;
	r = run(c, "grow", &o, (char *)&pages, sizeof pages, &n, &v);
	expect(&r, GATE_STATUS_EXIT, 0, "memory bomb");
	CHECK(n == 4 && pages == 40, "final size %u pages", pages);
	CHECK_EQ(v.memory_pages, 40);
}

static void test_io(struct ctr *c)
{
	struct prog p = load("echo");
	struct inst in;
	char out[64];
	ssize_t n;
	struct gate_reply r;
	uint64_t vals[3];
	struct inst_opts o = inst_defaults;

	if (inst_start(c, next_id++, &p, &inst_defaults, &in) == 0) {
		CHECK(write(in.in_w, "abc", 3) == 3, "write input");
		close(in.in_w);
		in.in_w = -1;
		n = inst_output(&in, out, sizeof out);
		CHECK(n == 3 && !memcmp(out, "abc", 3), "echo output %zd", n);
		CHECK(ctr_wait(c, in.id, &r, WAIT_MS) == 0, "echo reply");
		expect(&r, GATE_STATUS_EXIT, 0, "echo");
		inst_close(&in);
	}
	close(p.fd);

	o.monotonic_ns = 1000000000000ull;
	r = run(c, "clock", &o, (char *)vals, sizeof vals, &n, NULL);
	expect(&r, GATE_STATUS_EXIT, 0, "clock");
	CHECK(n == 24 && vals[0] >= o.monotonic_ns && vals[1] >= vals[0] && vals[2] < 256,
	      "clock %llu %llu random %llu", (unsigned long long)vals[0],
	      (unsigned long long)vals[1], (unsigned long long)vals[2]);
}

static void test_random_time(struct ctr *c)
{
	int64_t vals[33];
	uint64_t stamp = 0;
	ssize_t n;
	int i, distinct = 0;
	struct inst_opts o = inst_defaults;
	struct gate_reply r = run(c, "random", &inst_defaults, (char *)vals, sizeof vals, &n,
				  NULL);

	expect(&r, GATE_STATUS_EXIT, 0, "random");
	CHECK(n == sizeof vals, "random output %zd", n);
	for (i = 0; i < 32 && n == sizeof vals; i++) {
		CHECK(vals[i] >= 0 && vals[i] < 256, "random byte %d = %lld", i, (long long)vals[i]);
		distinct += i && vals[i] != vals[0];
	}
	CHECK(n != sizeof vals || vals[32] == -1, "pool exhausted: %lld", (long long)vals[32]);
	CHECK(distinct > 0, "32 equal random bytes");

	o.time_mask_bits = 20;
	r = run(c, "stamp", &o, (char *)&stamp, sizeof stamp, &n, NULL);
	expect(&r, GATE_STATUS_EXIT, 0, "stamp");
	CHECK(n == 8 && stamp > 1600000000000000000ull && (stamp % 1000000000ull) % (1 << 20) == 0,
	      "realtime %llu with 20 low nanosecond bits masked", (unsigned long long)stamp);
}

/* The pool can be emptied and refilled; a dead idle process does not hurt. */
static void test_pool(struct ctr *c)
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
static int start_loop(struct ctr *c, const char *name, struct prog *p, struct inst *in,
		      const struct inst_opts *o)
{
	*p = load(name);
	if (inst_start(c, next_id++, p, o, in) < 0) {
		CHECK(0, "start %s", name);
		return -1;
	}
	return 0;
}

static void test_suspend_kill(struct ctr *c)
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

static void test_protocol(struct ctr *c)
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
	close(p.fd);
}

/* Suspend, then resume from the saved stack in the same state memfd. */
static void test_resume(struct ctr *c)
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

/* Pids of running instances: processes that map the text memfd. */
static int instance_pids(long *out, int max)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)) && n < max)
		if (e->d_name[0] >= '1' && e->d_name[0] <= '9' && maps_has_text(e->d_name))
			out[n++] = atol(e->d_name);
	if (d)
		closedir(d);
	return n;
}

/* Shared_Clean + Shared_Dirty (KiB) of the text mapping of @pid: pages that other
 * processes map too. (The page is "dirty" in the page cache because the driver
 * wrote the memfd; the mapping itself is read-only.) */
static long text_shared_kib(long pid)
{
	char path[64], line[512];
	long kib = -1, clean = -1, dirty = -1;
	int in_text = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/smaps", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f)) {
		if (strchr(line, '-') && strstr(line, " r-xp "))
			in_text = strstr(line, "memfd:gate-text") != NULL;
		else if (in_text && sscanf(line, "Shared_Clean: %ld", &clean) == 1)
			continue;
		else if (in_text && sscanf(line, "Shared_Dirty: %ld", &dirty) == 1)
			break;
	}
	fclose(f);
	if (clean >= 0 && dirty >= 0)
		kib = clean + dirty;
	return kib;
}

static int oom_score_adj(long pid)
{
	char path[64];
	int v = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/oom_score_adj", pid);
	f = fopen(path, "r");
	if (f) {
		if (fscanf(f, "%d", &v) != 1)
			v = -1;
		fclose(f);
	}
	return v;
}

/*
 * What the loader leaves (no loader image, no original stack, no heap), and one
 * copy of the code for two instances of the same program.
 */
static void test_maps(struct ctr *c)
{
	struct prog p;
	struct inst a, b;
	struct gate_reply r;
	long pids[8];
	int n = 0, attempts, i;

	if (start_loop(c, "loop", &p, &a, &inst_defaults) < 0)
		return;
	if (inst_start(c, next_id++, &p, &inst_defaults, &b) < 0)
		CHECK(0, "second instance");
	/* Polling only until both have entered the program: no duration is asserted. */
	for (attempts = 0; attempts < 5000 && n < 2; attempts++) {
		n = instance_pids(pids, 8);
		if (n < 2)
			usleep(1000);
	}
	CHECK_EQ(n, 2);
	for (i = 0; i < n; i++) {
		char name[32];

		snprintf(name, sizeof name, "%ld", pids[i]);
		CHECK(!maps_has(name, "10000000-"), "loader image still mapped in %ld", pids[i]);
		CHECK(!maps_has_word(name, "[stack]"), "original stack still mapped in %ld", pids[i]);
		CHECK(!maps_has_word(name, "[heap]"), "heap in %ld", pids[i]);
		CHECK(oom_score_adj(pids[i]) == 1000, "oom_score_adj of %ld: %d", pids[i],
		      oom_score_adj(pids[i]));
		/* the text page is mapped by both instances: one copy, counted as shared */
		CHECK(text_shared_kib(pids[i]) >= 4, "text of %ld not shared: %ld KiB", pids[i],
		      text_shared_kib(pids[i]));
	}
	ctr_send(c, GATE_OP_KILL, a.id, 0, NULL, 0, NULL, 0);
	ctr_send(c, GATE_OP_KILL, b.id, 0, NULL, 0, NULL, 0);
	CHECK(ctr_wait(c, a.id, &r, WAIT_MS) == 0, "kill reply");
	CHECK(ctr_wait(c, b.id, &r, WAIT_MS) == 0, "kill reply");
	inst_close(&a);
	inst_close(&b);
	close(p.fd);
}

static int probe(const char *flag, char *buf, size_t len)
{
	char cmd[1024];
	FILE *f;
	size_t n;

	snprintf(cmd, sizeof cmd, "%s --probe %s 2>&1", container_bin, flag);
	f = popen(cmd, "r");
	if (!f)
		return -1;
	n = fread(buf, 1, len - 1, f);
	buf[n] = 0;
	return pclose(f);
}

static void test_probe(void)
{
	char out[4096];
	int st = probe("", out, sizeof out);

	if (WIFEXITED(st) && WEXITSTATUS(st) == 3) {
		printf("SKIP sandbox probe: the kernel refuses user namespaces here\n");
		return;
	}
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "probe status %d: %s", st, out);
	CHECK(strstr(out, "namespaces=yes\n"), "%s", out);
	CHECK(strstr(out, "\nuid=1\ngid=1\n"), "no root inside: %s", out);
	CHECK(strstr(out, "setuid0=Invalid argument\n"), "uid 0 unmapped: %s", out);
	CHECK(strstr(out, "\npid=2\n"), "own pid namespace: %s", out);
	CHECK(strstr(out, "hostname=\n"), "%s", out);
	CHECK(strstr(out, "interfaces=lo:down\n"), "network: %s", out);
	CHECK(strstr(out, "root_entries=0\nroot_writable=no\n"), "root fs: %s", out);
	CHECK(strstr(out, "etc_passwd=No such file or directory\n"), "%s", out);
	CHECK(strstr(out, "proc=No such file or directory\n"), "%s", out);
	CHECK(strstr(out, "fork=Resource temporarily unavailable\n"), "%s", out);
	printf("%s", out);
}

/* Without namespaces, host root still drops to nobody and keeps no privilege. */
static void test_probe_plain(void)
{
	char out[4096];
	int st = probe("--no-namespaces", out, sizeof out);

	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "probe status %d: %s", st, out);
	CHECK(strstr(out, "namespaces=no\n"), "%s", out);
	if (geteuid() == 0)
		CHECK(strstr(out, "\nuid=65534\ngid=65534\n"), "host root mapped to nobody: %s",
		      out);
	CHECK(strstr(out, "setuid0=Operation not permitted\n"), "%s", out);
	CHECK(strstr(out, "fork=Resource temporarily unavailable\n"), "%s", out);
}

static double realtime_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static long rss_kib(const char *pid)
{
	char path[300], line[256];
	long kib = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%s/status", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmRSS: %ld", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

/* Figures, not assertions: start latency from a pre-spawned process to the first
 * output byte, and the resident size of idle pooled processes. */
static void bench(struct ctr *c, int runs)
{
	struct prog p = load("stamp");
	double *lat = calloc((size_t)runs, sizeof *lat);
	double *first = calloc((size_t)runs, sizeof *first);
	int i, n = 0;
	long total = 0, count = 0;

	for (i = 0; i < runs && lat && first; i++) {
		struct inst in;
		struct gate_reply r;
		uint64_t stamp;
		double t1;

		usleep(2000); /* let the container refill its pool */
		if (inst_start(c, next_id++, &p, &inst_defaults, &in) < 0)
			break;
		if (inst_output(&in, &stamp, sizeof stamp) == sizeof stamp) {
			t1 = realtime_us();
			first[n] = (double)stamp / 1e3 - (double)inst_sent_ns / 1e3;
			lat[n++] = t1 - (double)inst_sent_ns / 1e3;
		}
		ctr_wait(c, in.id, &r, WAIT_MS);
		inst_close(&in);
	}
	if (n) {
		qsort(lat, (size_t)n, sizeof *lat, cmp_double);
		qsort(first, (size_t)n, sizeof *first, cmp_double);
		printf("bench: START sent -> first program instruction, %d runs: median %.0f us, "
		       "p90 %.0f us, min %.0f us\n",
		       n, first[n / 2], first[n * 9 / 10], first[0]);
		printf("bench: START sent -> output read by the driver, %d runs: median %.0f us, "
		       "p90 %.0f us, min %.0f us\n",
		       n, lat[n / 2], lat[n * 9 / 10], lat[0]);
	}
	free(first);
	free(lat);
	close(p.fd);
	/* idle pooled processes: children of the container that still have the loader
	 * image mapped (they wait in recvmsg) */
	usleep(100000);
	{
		/* host-side process -> container (pid 1 inside) -> pooled processes */
		long ctr[4], pool[256];
		char name[32];
		int k, np = children(c->pid, ctr, 4) == 1 ? children(ctr[0], pool, 256) : 0;

		for (k = 0; k < np; k++) {
			snprintf(name, sizeof name, "%ld", pool[k]);
			if (maps_has(name, "10000000-")) {
				total += rss_kib(name);
				count++;
			}
		}
	}
	if (count)
		printf("bench: %ld idle pooled processes, mean VmRSS %ld KiB\n", count,
		       total / count);
}

static int run_all(const char *flag)
{
	const char *args[] = { flag, NULL };
	struct ctr c;
	int st = ctr_start(container_bin, flag ? args : NULL, &c);

	if (st == 3)
		return 3;
	if (st != 0) {
		CHECK(0, "container did not start");
		return -1;
	}
	CHECK(flag || (c.hello_flags & GATE_HELLO_NAMESPACES), "hello flags %u", c.hello_flags);
	if (bench_only) {
		bench(&c, bench_runs);
		CHECK_EQ(ctr_stop(&c), 0);
		return 0;
	}
	test_hello(&c);
	test_syscalls(&c);
	test_grow(&c);
	test_io(&c);
	test_suspend_kill(&c);
	test_protocol(&c);
	/* Instances are not dumpable: their maps are readable only with CAP_SYS_PTRACE
	 * over them, which the invoker has inside its own user namespace or as root. */
	if (flag && geteuid() != 0)
		printf("SKIP instance maps with --no-namespaces: unprivileged users cannot read "
		       "a non-dumpable process's maps\n");
	else
		test_maps(&c);
	test_resume(&c);
	test_random_time(&c);
	test_pool(&c);
	if (bench_runs)
		bench(&c, bench_runs);
	CHECK_EQ(ctr_stop(&c), 0);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: driver GATE_CONTAINER PROGS_DIR [--bench N | --bench-only N]\n");
		return 2;
	}
	container_bin = argv[1];
	progs_dir = argv[2];
	if (argc == 5 && (!strcmp(argv[3], "--bench") || !strcmp(argv[3], "--bench-only"))) {
		bench_runs = atoi(argv[4]);
		bench_only = !strcmp(argv[3], "--bench-only");
	}
	signal(SIGPIPE, SIG_IGN);
	if (!bench_only) {
		test_probe();
		test_probe_plain();
	}
	if (run_all(NULL) == 3)
		printf("SKIP namespaces: the kernel refuses them here; "
		       "the instance tests run with --no-namespaces only\n");
	/* the instance hardening must hold without namespaces too */
	if (!bench_only) {
		run_all("--no-namespaces");
	}
	return check_report("driver");
}
