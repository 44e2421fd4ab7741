/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The program ABI in the real sandbox (DESIGN.md §9): instances with an ABI area whose
 * host calls the runtime serves in process under the seccomp filter: debug and stdout
 * packets on fd 1, a wait for stdout credit and for stdin (ppoll on fd 0/1), a clock
 * subscription (ppoll with a timeout), random_get from the pool, proc_exit, and a
 * suspension that stops a blocked call at its import site.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "abi.h"
#include "driver.h"

#define BINDINGS_AT 256u
#define ARGS_AT 512u
#define ENV_AT 768u
#define RANDOM_AT 1024u
#define MESSAGE_AT 8192u
#define STATE_AT 12288u
#define AREA_SIZE (STATE_AT + GATE_ABI_STATE_SIZE)
#define IMAGE_SIZE (MESSAGE_AT + GATE_ABI_MESSAGE_SIZE)

/* Return addresses of the import calls in the test programs (nm build/progs/abi*.o). */
#define ABI_EXIT_RETURN 0x116
#define ABI_READ_RETURN 0x32
#define ABI_RESUME_ENTRY 0x10
#define ABI_RESUME_STUB 0x4c
#define ABI_RESUME_RETURN 0x5a

static uint8_t image[IMAGE_SIZE];

static uint32_t strings(uint32_t at, const char *const *s, uint32_t n)
{
	uint32_t off = 4, i;

	abi_put_le32(image + at, n);
	for (i = 0; i < n; i++) {
		memcpy(image + at + off, s[i], strlen(s[i]) + 1);
		off += (uint32_t)strlen(s[i]) + 1;
	}
	return off;
}

/* The area as the JVM writes it: imports 0 fd_write, 1 poll_oneoff, 2 random_get,
 * 3 proc_exit, 4 fd_read. */
static void build_image(void)
{
	static const char *const args[] = { "prog" };
	static const char *const env[] = { "GATE_ABI_VERSION=0", "GATE_FD=4",
					   "GATE_MAX_SEND_SIZE=65536" };
	static const uint16_t bindings[] = { GATE_ABI_FN_FD_WRITE, GATE_ABI_FN_POLL_ONEOFF,
					     GATE_ABI_FN_RANDOM_GET, GATE_ABI_FN_PROC_EXIT,
					     GATE_ABI_FN_FD_READ };
	struct gate_abi_area *a = (struct gate_abi_area *)image;
	uint32_t i;

	memset(image, 0, sizeof image);
	a->magic = GATE_ABI_MAGIC;
	a->version = GATE_ABI_VERSION;
	a->area_size = AREA_SIZE;
	a->import_count = sizeof bindings / sizeof bindings[0];
	a->bindings_offset = BINDINGS_AT;
	memcpy(image + BINDINGS_AT, bindings, sizeof bindings);
	a->args_offset = ARGS_AT;
	a->args_size = strings(ARGS_AT, args, 1);
	a->env_offset = ENV_AT;
	a->env_size = strings(ENV_AT, env, 3);
	a->max_send_size = 65536;
	a->time_resolution_ns = 1000;
	a->random_limit = 1 << 20;
	a->random_offset = RANDOM_AT;
	a->random_capacity = 4096;
	a->random_count = 4096;
	for (i = 0; i < 4096; i++)
		image[RANDOM_AT + i] = (uint8_t)(i * 7);
	a->message_offset = MESSAGE_AT;
	a->state_offset = STATE_AT;
	a->state_size = GATE_ABI_STATE_SIZE;
}

static int read_full(int fd, void *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, (char *)buf + got, len - got);

		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	return 0;
}

static void send_packet(int fd, int code, int domain, const void *content, uint32_t len)
{
	uint8_t p[64] = { 0 };

	abi_put_le32(p, 8 + len);
	p[4] = (uint8_t)code;
	p[5] = (uint8_t)(code >> 8);
	p[6] = (uint8_t)domain;
	memcpy(p + 8, content, len);
	CHECK(write(fd, p, abi_padded(8 + len)) == (ssize_t)abi_padded(8 + len), "session write");
}

static void send_credit(int fd, uint32_t n)
{
	uint8_t e[8];

	abi_put_le32(e, 0);
	abi_put_le32(e + 4, n);
	send_packet(fd, -2, ABI_DOMAIN_FLOW, e, 8);
}

static int read_area(const struct inst *in, struct gate_abi_area *a)
{
	return pread(in->state, a, sizeof *a, (off_t)in->rec.abi_offset) == sizeof *a ? 0 : -1;
}

static int read_memory(const struct inst *in, void *buf, size_t len)
{
	off_t at = (off_t)(GATE_STACK_OFFSET + in->rec.stack_size + in->rec.globals_size);

	return pread(in->state, buf, len, at) == (ssize_t)len ? 0 : -1;
}

static struct inst_opts abi_opts(uint8_t *mem, size_t len)
{
	struct inst_opts o = inst_defaults;

	o.memory_pages = 1;
	o.max_pages = 1;
	o.mem_init = mem;
	o.mem_init_len = len;
	o.abi_size = AREA_SIZE;
	o.abi_image = image;
	o.abi_image_len = sizeof image;
	return o;
}

/* fd_write(2), fd_write(1) waiting for credit, a 20 ms clock poll, random_get, proc_exit(5). */
static void test_abi_calls(struct ctr *c)
{
	static uint8_t mem[1024];
	struct prog p = load("abi");
	struct inst_opts o;
	struct inst in;
	struct gate_reply r;
	struct gate_vars v;
	struct gate_abi_area a;
	uint8_t out[64], res[16], ev[40], rnd[8];

	memset(mem, 0, sizeof mem);
	abi_put_le32(mem, 16); /* iovec {16, 5} */
	abi_put_le32(mem + 4, 5);
	memcpy(mem + 16, "hello", 5);
	abi_put_le32(mem + 64, 42); /* userdata; tag 0 clock; id 1 at 80; 20 ms at 88 */
	abi_put_le32(mem + 80, 1);
	abi_put_le32(mem + 88, 20000000);
	o = abi_opts(mem, sizeof mem);
	if (inst_start(c, next_id++, &p, &o, &in) != 0) {
		CHECK(0, "start abi");
		close(p.fd);
		return;
	}
	CHECK(read_full(in.out_r, out, 24) == 0 && abi_le32(out) == 21 && out[4] == 0xfd &&
		      out[5] == 0xff && out[6] == ABI_DOMAIN_DATA && memcmp(out + 16, "hello", 5) == 0,
	      "debug packet on fd 1");
	send_credit(in.in_w, 100);
	CHECK(read_full(in.out_r, out, 24) == 0 && abi_le32(out) == 21 && out[4] == 0xfe &&
		      memcmp(out + 16, "hello", 5) == 0,
	      "stdout packet after the credit");
	CHECK(ctr_wait(c, in.id, &r, WAIT_MS) == 0, "abi done");
	expect(&r, GATE_STATUS_EXIT, 3, "proc_exit(5)");
	CHECK(read_area(&in, &a) == 0 && a.stop_reason == GATE_ABI_STOP_EXIT && a.exit_value == 5 &&
		      a.random_count == 4088 && a.random_used == 8,
	      "area: stop %u exit %u random %u/%llu", a.stop_reason, a.exit_value, a.random_count,
	      (unsigned long long)a.random_used);
	CHECK(inst_vars(&in, &v) == 0 && v.trap_pc == ABI_EXIT_RETURN, "stopped at the import, pc %llu",
	      (unsigned long long)v.trap_pc);
	CHECK(read_memory(&in, mem, sizeof mem) == 0, "memory");
	memcpy(res, mem + 512, 16);
	memcpy(ev, mem + 120, 40);
	memcpy(rnd, mem + 256, 8);
	CHECK(abi_le32(res) == 0 && abi_le32(res + 4) == 0 && abi_le32(res + 8) == 0 &&
		      abi_le32(res + 12) == 0,
	      "errnos %u %u %u %u", abi_le32(res), abi_le32(res + 4), abi_le32(res + 8),
	      abi_le32(res + 12));
	CHECK(abi_le32(ev) == 1 && abi_le32(ev + 8) == 42 && ev[18] == 0, "clock event");
	CHECK(rnd[0] == (uint8_t)(4088 * 7) && rnd[7] == (uint8_t)(4095 * 7), "random bytes");
	CHECK(read(in.out_r, out, sizeof out) == 0, "nothing else on fd 1");
	inst_close(&in);
	close(p.fd);
}

/* A blocked fd_read(0): suspension stops it at the import; stdin data completes it. */
static void test_abi_block(struct ctr *c)
{
	static uint8_t mem[64];
	struct prog p = load("abi_block");
	int mode;

	memset(mem, 0, sizeof mem);
	abi_put_le32(mem, 16);
	abi_put_le32(mem + 4, 32);
	for (mode = 0; mode < 2; mode++) {
		struct inst_opts o = abi_opts(mem, sizeof mem);
		struct inst in;
		struct gate_reply r;
		struct gate_vars v;
		struct gate_abi_area a;
		uint8_t out[64], d[16] = { 0 };

		if (inst_start(c, next_id++, &p, &o, &in) != 0) {
			CHECK(0, "start abi_block");
			continue;
		}
		CHECK(read_full(in.out_r, out, 16) == 0 && abi_le32(out) == 16 && out[6] == ABI_DOMAIN_FLOW &&
			      abi_le32(out + 12) == ABI_STDIN_WINDOW,
		      "stdin grant");
		if (mode == 0) {
			CHECK(ctr_send(c, GATE_OP_SUSPEND, in.id, 0, NULL, 0, NULL, 0) == 0, "suspend");
			CHECK(ctr_wait(c, in.id, &r, WAIT_MS) == 0, "suspended");
			expect(&r, GATE_STATUS_TRAP, GATE_TRAP_SUSPENDED, "blocked read suspended");
			CHECK(read_area(&in, &a) == 0 && a.stop_reason == GATE_ABI_STOP_SUSPENDED,
			      "stop reason %u", a.stop_reason);
			CHECK(inst_vars(&in, &v) == 0 && v.trap_pc == ABI_READ_RETURN,
			      "suspended at the import, pc %llu", (unsigned long long)v.trap_pc);
		} else {
			memcpy(d + 8, "abc", 3);
			send_packet(in.in_w, -2, ABI_DOMAIN_DATA, d, 11);
			send_credit(in.in_w, 10);
			CHECK(read_full(in.out_r, out, 24) == 0 && abi_le32(out) == 19 &&
				      memcmp(out + 16, "abc", 3) == 0,
			      "stdin echoed to stdout");
			CHECK(ctr_wait(c, in.id, &r, WAIT_MS) == 0, "echo done");
			expect(&r, GATE_STATUS_EXIT, 0, "echo returned");
		}
		inst_close(&in);
	}
	close(p.fd);
}

/*
 * Suspend a blocked fd_read(0) at its import, resume the way the JVM does (the resume
 * entry re-enters the import stub) in a new process with new pipes: the call runs again
 * with the ABI state of the first run (its stdin grant is not repeated) and completes.
 */
static void test_abi_resume(struct ctr *c)
{
	static uint8_t mem[64];
	struct prog p = load("abi_resume");
	struct inst_opts o = abi_opts(mem, sizeof mem);
	struct inst in;
	struct gate_reply r;
	struct gate_vars v;
	struct gate_abi_area a;
	uint8_t out[64], d[16] = { 0 };
	uint64_t words[2];
	off_t at;

	memset(mem, 0, sizeof mem);
	abi_put_le32(mem, 16);
	abi_put_le32(mem + 4, 32);
	if (inst_start(c, next_id++, &p, &o, &in) != 0) {
		CHECK(0, "start abi_resume");
		close(p.fd);
		return;
	}
	CHECK(read_full(in.out_r, out, 16) == 0 && out[6] == ABI_DOMAIN_FLOW, "stdin grant");
	CHECK(ctr_send(c, GATE_OP_SUSPEND, in.id, 0, NULL, 0, NULL, 0) == 0, "suspend");
	CHECK(ctr_wait(c, in.id, &r, WAIT_MS) == 0, "suspended");
	expect(&r, GATE_STATUS_TRAP, GATE_TRAP_SUSPENDED, "blocked read suspended");
	CHECK(inst_vars(&in, &v) == 0 && v.trap_pc == ABI_RESUME_RETURN, "at the import, pc %llu",
	      (unsigned long long)v.trap_pc);
	/* [sp] return into the stub, [sp + 8] the caller's rbp: make the resume routine pop
	 * that rbp and return to the stub's first instruction */
	at = (off_t)(GATE_STACK_OFFSET + v.sp_offset);
	CHECK(pread(in.state, words, sizeof words, at) == sizeof words, "read stack");
	words[0] = words[1];
	words[1] = v.text_addr + ABI_RESUME_STUB;
	CHECK(pwrite(in.state, words, sizeof words, at) == sizeof words, "patch stack");
	memset(&a, 0, sizeof a); /* the JVM zeroes stop_reason before every start */
	CHECK(pwrite(in.state, &a.stop_reason, 4, (off_t)(in.rec.abi_offset + 76)) == 4, "zero stop");
	o.state_fd = dup(in.state);
	o.flags = GATE_START_RESUME;
	o.entry = ABI_RESUME_ENTRY;
	o.text_addr = v.text_addr;
	o.stack_addr = v.stack_addr;
	o.memory_addr = v.memory_addr;
	inst_close(&in);
	if (inst_start(c, next_id++, &p, &o, &in) != 0) {
		CHECK(0, "resume abi_resume");
	} else {
		memcpy(d + 8, "xyz", 3);
		send_packet(in.in_w, -2, ABI_DOMAIN_DATA, d, 11);
		CHECK(ctr_wait(c, in.id, &r, WAIT_MS) == 0, "resumed done");
		expect(&r, GATE_STATUS_EXIT, 0, "resumed read");
		close(in.in_w);
		in.in_w = -1;
		CHECK(read(in.out_r, out, sizeof out) == 0, "no second grant");
		CHECK(read_memory(&in, mem, sizeof mem) == 0 && abi_le32(mem + 8) == 3 &&
			      abi_le32(mem + 12) == 0 && memcmp(mem + 16, "xyz", 3) == 0,
		      "retried read: %u bytes, errno %u", abi_le32(mem + 8), abi_le32(mem + 12));
		CHECK(read_area(&in, &a) == 0 && a.stop_reason == 0, "no stop: %u", a.stop_reason);
		inst_close(&in);
	}
	close(o.state_fd);
	close(p.fd);
}

/* Output still queued when the entry function returns goes out on the exit path. */
static void test_abi_exit_flush(struct ctr *c)
{
	static uint8_t mem[64];
	static uint8_t out[1 << 20];
	struct prog p = load("abi_flood");
	struct inst_opts o = abi_opts(mem, sizeof mem);
	struct inst in;
	struct gate_reply r;
	ssize_t n;
	uint64_t payload = 0, at = 0;
	int bad = 0;

	memset(mem, 0, sizeof mem);
	abi_put_le32(mem, 64);
	abi_put_le32(mem + 4, 65000);
	o.memory_pages = 2;
	o.max_pages = 2;
	if (inst_start(c, next_id++, &p, &o, &in) != 0) {
		CHECK(0, "start abi_flood");
		close(p.fd);
		return;
	}
	send_credit(in.in_w, 1 << 20);
	n = inst_output(&in, out, sizeof out);
	CHECK(ctr_wait(c, in.id, &r, WAIT_MS) == 0, "flood done");
	expect(&r, GATE_STATUS_EXIT, 0, "flood returned");
	while (n > 0 && at + 16 <= (uint64_t)n) {
		uint32_t size = abi_le32(out + at);

		bad |= size < 16 || out[at + 4] != 0xfe || out[at + 6] != ABI_DOMAIN_DATA;
		payload += size - 16;
		at += abi_padded(size);
	}
	CHECK(read_memory(&in, mem, sizeof mem) == 0 && !bad && at == (uint64_t)n &&
		      payload == abi_le32(mem + 12) && payload > 65000,
	      "stdout payload %llu, program wrote %u", (unsigned long long)payload, abi_le32(mem + 12));
	inst_close(&in);
	close(p.fd);
}

/* A configuration the runtime cannot use fails closed, at the first call. */
static void test_abi_bad_area(struct ctr *c)
{
	static uint8_t mem[64];
	struct gate_reply r;
	struct inst_opts o = abi_opts(mem, sizeof mem);

	((struct gate_abi_area *)image)->state_size = 4096;
	r = run(c, "abi_block", &o, NULL, 0, NULL, NULL);
	expect(&r, GATE_STATUS_TRAP, GATE_TRAP_INTERNAL_ERROR, "bad area");
	build_image();
}

void test_abi(struct ctr *c)
{
	build_image();
	test_abi_calls(c);
	test_abi_block(c);
	test_abi_resume(c);
	test_abi_exit_flush(c);
	test_abi_bad_area(c);
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* One run of abi_loop with @calls imported calls; wall time in µs, or -1. */
static double loop_run(struct ctr *c, uint32_t calls, int in_process)
{
	static uint8_t mem[64];
	struct prog p = load("abi_loop");
	struct inst_opts o = abi_opts(mem, sizeof mem);
	struct inst in;
	struct gate_reply r;
	double t0, t;
	uint32_t i;

	abi_put_le32(mem, calls);
	if (!in_process)
		o.abi_size = 0;
	((uint16_t *)(image + BINDINGS_AT))[0] = GATE_ABI_FN_PROC_RAISE;
	t0 = now_us();
	if (inst_start(c, next_id++, &p, &o, &in) != 0) {
		close(p.fd);
		return -1;
	}
	for (i = 0; !in_process && i < calls; i++) {
		uint32_t msg[2], reply[2] = { GATE_HOST_CONTINUE, 0 };

		if (read_full(in.out_r, msg, sizeof msg) != 0 ||
		    write(in.in_w, reply, sizeof reply) != sizeof reply)
			break;
	}
	t = ctr_wait(c, in.id, &r, WAIT_MS) == 0 && r.status == GATE_STATUS_EXIT ? now_us() - t0 : -1;
	inst_close(&in);
	close(p.fd);
	build_image();
	return t;
}

/* Figures, not assertions: the cost of one imported call served in process (ABI area)
 * and through the host request/reply of the host slot. */
void bench_abi(struct ctr *c, uint32_t calls)
{
	int mode;

	build_image();
	for (mode = 1; mode >= 0; mode--) {
		double per[5], x;
		int run, k, n_ok = 0;
		uint32_t n = mode ? calls * 100 : calls; /* in process: enough to rise above noise */

		for (run = 0; run < 5; run++) {
			double base = loop_run(c, 0, mode), t = loop_run(c, n, mode);

			if (base < 0 || t < 0)
				continue;
			x = (t - base) / n;
			for (k = n_ok++; k > 0 && per[k - 1] > x; k--) /* insertion sort */
				per[k] = per[k - 1];
			per[k] = x;
		}
		if (n_ok)
			printf("bench: imported call %s, %d runs of %u calls: median %.3f us, min %.3f us\n",
			       mode ? "in process (ABI area)" : "via host request/reply", n_ok, n,
			       per[n_ok / 2], per[0]);
	}
}
