/* SPDX-License-Identifier: Apache-2.0 */
/* Tests of single programs: output, syscalls, traps, memory, I/O, clocks. */
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

#include "driver.h"

void test_hello(struct ctr *c)
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

void test_syscalls(struct ctr *c)
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
		{ "clock_gettime fails", SYS_clock_gettime, { 0, 0 }, 0, 1 },
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
			int64_t result;

			expect(&r, GATE_STATUS_EXIT, 0, reqs[i].what);
			CHECK(n == 8, "%s: no result written", reqs[i].what);
			memcpy(&result, out, sizeof result);
			if (reqs[i].nr == SYS_clock_gettime)
				CHECK(n == 8 && result == -ENOSYS, "clock_gettime: %lld",
				      (long long)result);
		} else {
			expect(&r, GATE_STATUS_SECCOMP, SIGSYS, reqs[i].what);
			CHECK(n == 0, "%s: wrote %zd bytes before dying", reqs[i].what, n);
		}
	}
}

void test_traps(struct ctr *c)
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

void test_grow(struct ctr *c)
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

void test_io(struct ctr *c)
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

/*
 * The host slot: request {HOST, 7} on the output pipe, then CONTINUE lets the program
 * exit 0; STOP, or a closed input pipe, ends it as trap 29 at the call's return address.
 */
void test_host(struct ctr *c)
{
	static const char *const names[] = { "continue", "stop", "hang up" };
	struct prog p = load("host");
	int mode;

	for (mode = 0; mode < 3; mode++) {
		struct inst in;
		struct gate_reply r;
		struct gate_vars v;
		uint32_t msg[2] = { 0, 0 };
		uint32_t reply[2] = { mode == 0 ? GATE_HOST_CONTINUE : GATE_HOST_STOP, 0 };
		size_t got = 0;

		if (inst_start(c, next_id++, &p, &inst_defaults, &in) != 0)
			continue;
		while (got < sizeof msg) {
			ssize_t n = read(in.out_r, (char *)msg + got, sizeof msg - got);

			if (n <= 0)
				break;
			got += (size_t)n;
		}
		CHECK(got == sizeof msg && msg[0] == GATE_HOST_REQUEST && msg[1] == 7,
		      "%s: request %zu bytes %#x %u", names[mode], got, msg[0], msg[1]);
		if (mode == 2) {
			close(in.in_w);
			in.in_w = -1;
		} else {
			CHECK(write(in.in_w, reply, sizeof reply) == sizeof reply, "%s: reply", names[mode]);
		}
		CHECK(ctr_wait(c, in.id, &r, WAIT_MS) == 0, "%s: done", names[mode]);
		if (mode == 0) {
			expect(&r, GATE_STATUS_EXIT, 0, names[mode]);
		} else {
			expect(&r, GATE_STATUS_TRAP, GATE_TRAP_INTERNAL_ERROR, names[mode]);
			CHECK(inst_vars(&in, &v) == 0 && v.state == GATE_VARS_STOPPED &&
				      v.trap_pc == 10, "%s: stopped at pc %llu", names[mode],
			      (unsigned long long)v.trap_pc);
		}
		inst_close(&in);
	}
	close(p.fd);
}

void test_random_time(struct ctr *c)
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
