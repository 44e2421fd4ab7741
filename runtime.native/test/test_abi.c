/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The program ABI (loader/abi*.c) on the host, against a fake platform: socketpairs
 * for fd 0/1, a plain buffer as linear memory, real clocks. A wait that would block
 * with no deadline counts as the host waking the instance (stop SUSPENDED), so no
 * test can hang. Every rule is compared with bundles/gate.abi README.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "abi.h"
#include "check.h"

#define PAGES 4
#define AREA_SIZE (1u << 22)
#define BINDINGS_AT 256u
#define ARGS_AT 1024u
#define ENV_AT 2048u
#define RANDOM_AT 4096u
#define MESSAGE_AT 8192u
#define STATE_AT 16384u
#define UNSTABLE 32u /* imports 32.. are the wasi_unstable bindings of 0.. */

static uint8_t memory[PAGES * 65536];
static struct gate_abi_area *area;
static int session_fd = -1, instance_in = -1, instance_out = -1, session_out = -1;
static jmp_buf stop_jump;
static int blocked_waits;

/* ---- the fake platform ---- */

long abi_plat_read(void *buf, uint32_t n)
{
	long r = read(instance_in, buf, n);

	return r < 0 ? -errno : r;
}

long abi_plat_write(const void *buf, uint32_t n)
{
	long r = write(instance_out, buf, n);

	return r < 0 ? -errno : r;
}

int abi_plat_wait(int in, int out, int64_t timeout_ns)
{
	struct pollfd fds[2] = { { in ? instance_in : -1, POLLIN, 0 },
				 { out ? instance_out : -1, POLLOUT, 0 } };
	int r;

	if (timeout_ns < 0) {
		r = poll(fds, 2, 0);
		if (r > 0)
			return r;
		blocked_waits++;
		return ABI_WAIT_SUSPENDED;
	}
	return poll(fds, 2, (int)(timeout_ns / 1000000 + 1));
}

void abi_plat_wait_writable(void)
{
	struct pollfd w = { instance_out, POLLOUT, 0 };

	poll(&w, 1, -1);
}

int64_t abi_plat_clock(int clock)
{
	struct timespec ts;

	clock_gettime(clock == ABI_CLOCK_REALTIME ? CLOCK_REALTIME : CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

void abi_plat_stop(struct abi_ctx *c)
{
	(void)c;
	longjmp(stop_jump, 1);
}

/* ---- fixture ---- */

static void put_strings(uint32_t at, uint32_t *size, const char **s, uint32_t n)
{
	uint8_t *p = (uint8_t *)area + at;
	uint32_t off = 4, i;

	abi_put_le32(p, n);
	for (i = 0; i < n; i++) {
		memcpy(p + off, s[i], strlen(s[i]) + 1);
		off += (uint32_t)strlen(s[i]) + 1;
	}
	*size = off;
}

static void setup(void)
{
	static const char *args[] = { "prog", "x" };
	static const char *env[] = { "GATE_ABI_VERSION=0", "GATE_FD=4", "GATE_MAX_SEND_SIZE=65536",
				     "A=b" };
	int in[2], out[2], i;
	uint16_t *b;

	if (session_fd >= 0) {
		close(session_fd);
		close(instance_in);
		close(instance_out);
		close(session_out);
	}
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, in) || socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, out))
		abort();
	session_fd = in[1];
	instance_in = in[0];
	instance_out = out[0];
	session_out = out[1];
	if (!area)
		area = aligned_alloc(4096, AREA_SIZE);
	memset(area, 0, AREA_SIZE);
	memset(memory, 0, sizeof memory);
	area->magic = GATE_ABI_MAGIC;
	area->version = GATE_ABI_VERSION;
	area->area_size = AREA_SIZE;
	area->import_count = 2 * UNSTABLE;
	area->bindings_offset = BINDINGS_AT;
	b = (uint16_t *)((uint8_t *)area + BINDINGS_AT);
	for (i = 0; i < (int)UNSTABLE; i++) {
		b[i] = i <= GATE_ABI_FN_MAX ? (uint16_t)i : 0;
		b[UNSTABLE + i] = i <= GATE_ABI_FN_MAX ? (uint16_t)(i | GATE_ABI_FN_UNSTABLE) : 0;
	}
	area->args_offset = ARGS_AT;
	put_strings(ARGS_AT, &area->args_size, args, 2);
	area->env_offset = ENV_AT;
	put_strings(ENV_AT, &area->env_size, env, 4);
	area->max_send_size = 65536;
	area->time_resolution_ns = 1000000;
	area->random_limit = 1 << 20;
	area->random_offset = RANDOM_AT;
	area->random_capacity = 4096;
	area->random_count = 4096;
	for (i = 0; i < 4096; i++)
		((uint8_t *)area)[RANDOM_AT + i] = (uint8_t)i;
	area->message_offset = MESSAGE_AT;
	area->state_offset = STATE_AT;
	area->state_size = AREA_SIZE - STATE_AT;
}

static struct abi_state *state(void)
{
	return (struct abi_state *)((uint8_t *)area + STATE_AT);
}

/* Runs one call; returns -1 when it completed, else the stop reason. */
static int call(uint32_t function, uint64_t *slots)
{
	struct abi_ctx c;

	memset(&c, 0, sizeof c);
	c.area = area;
	c.mem = memory;
	c.mem_size = sizeof memory;
	c.has_memory = 1;
	area->stop_reason = 0;
	area->message_len = 0;
	if (setjmp(stop_jump))
		return (int)area->stop_reason;
	CHECK(abi_area_valid(area, AREA_SIZE), "area valid");
	abi_call(&c, function, slots);
	return -1;
}

static uint64_t s[8];

static int call4(uint32_t f, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
	memset(s, 0, sizeof s);
	s[0] = a;
	s[1] = b;
	s[2] = c;
	s[3] = d;
	return call(f, s);
}

static const char *message(void)
{
	static char m[GATE_ABI_MESSAGE_SIZE + 1];

	memcpy(m, (uint8_t *)area + MESSAGE_AT, area->message_len);
	m[area->message_len] = 0;
	return m;
}

static uint32_t mem32(uint32_t at)
{
	return abi_le32(memory + at);
}

static uint64_t mem64(uint32_t at)
{
	return mem32(at) | (uint64_t)mem32(at + 4) << 32;
}

static void iovec(uint32_t at, uint32_t ptr, uint32_t len)
{
	abi_put_le32(memory + at, ptr);
	abi_put_le32(memory + at + 4, len);
}

/* A session packet on fd 0: header, content, zero padding. */
static void session_send(int code, int domain, const void *content, uint32_t len)
{
	uint8_t p[65536];
	uint32_t size = 8 + len;

	memset(p, 0, sizeof p);
	abi_put_le32(p, size);
	p[4] = (uint8_t)code;
	p[5] = (uint8_t)(code >> 8);
	p[6] = (uint8_t)domain;
	memcpy(p + 8, content, len);
	CHECK_EQ(write(session_fd, p, abi_padded(size)), abi_padded(size));
}

static void flow(int code, uint32_t stream, int32_t increment)
{
	uint8_t e[8];

	abi_put_le32(e, stream);
	abi_put_le32(e + 4, (uint32_t)increment);
	session_send(code, ABI_DOMAIN_FLOW, e, 8);
}

static void stdin_data(const char *text, uint32_t len)
{
	uint8_t d[256] = { 0 };

	memcpy(d + 8, text, len);
	session_send(-2, ABI_DOMAIN_DATA, d, 8 + len);
}

/* Everything the instance wrote to fd 1 so far. */
static long session_read(uint8_t *buf, long max)
{
	long n = 0, r;

	while (n < max && (r = read(session_out, buf + n, (size_t)(max - n))) > 0)
		n += r;
	return n;
}

/* ---- tests ---- */

static void test_area(void)
{
	setup();
	CHECK(abi_area_valid(area, AREA_SIZE), "valid");
	CHECK(!abi_area_valid(area, AREA_SIZE - 4096), "size differs from the mapping");
	area->magic++;
	CHECK(!abi_area_valid(area, AREA_SIZE), "magic");
	setup();
	area->state_size = 4096;
	CHECK(!abi_area_valid(area, AREA_SIZE), "state too small");
	setup();
	area->args_size--; /* last string loses its NUL */
	CHECK_EQ(call4(GATE_ABI_FN_ARGS_SIZES_GET, 100, 104, 0, 0), GATE_ABI_STOP_NONE);
	CHECK(strcmp(message(), "the argument or environment list is malformed") == 0, "%s", message());
	setup();
	abi_put_le32((uint8_t *)area + ENV_AT, 5); /* more strings than the bytes hold */
	CHECK_EQ(call4(GATE_ABI_FN_ENVIRON_GET, 100, 200, 0, 0), GATE_ABI_STOP_NONE);
	setup();
	area->random_count = 4097;
	CHECK(!abi_area_valid(area, AREA_SIZE), "random count beyond the pool");
	setup();
	area->bindings_offset = AREA_SIZE - 2;
	CHECK(!abi_area_valid(area, AREA_SIZE), "bindings outside");
	setup();
	area->max_send_size = 65537;
	CHECK(!abi_area_valid(area, AREA_SIZE), "max send size");
	setup();
	CHECK_EQ(call4(0, 0, 0, 0, 0), GATE_ABI_STOP_NONE); /* binding 0 */
	CHECK_EQ(call4(2 * UNSTABLE, 0, 0, 0, 0), GATE_ABI_STOP_NONE); /* beyond import_count */
}

static void test_args(void)
{
	setup();
	CHECK_EQ(call4(GATE_ABI_FN_ARGS_SIZES_GET, 100, 104, 0, 0), -1);
	CHECK_EQ(s[0], 0);
	CHECK_EQ(mem32(100), 2);
	CHECK_EQ(mem32(104), 7);
	CHECK_EQ(call4(GATE_ABI_FN_ARGS_GET, 200, 300, 0, 0), -1);
	CHECK_EQ(mem32(200), 300);
	CHECK_EQ(mem32(204), 305);
	CHECK(memcmp(memory + 300, "prog\0x\0", 7) == 0, "argv strings");
	CHECK_EQ(call4(GATE_ABI_FN_ENVIRON_SIZES_GET, 100, 104, 0, 0), -1);
	CHECK_EQ(mem32(100), 4);
	CHECK_EQ(call4(GATE_ABI_FN_ENVIRON_GET, 400, 500, 0, 0), -1);
	CHECK(strcmp((char *)memory + mem32(412), "A=b") == 0, "env 3");
	CHECK(strcmp((char *)memory + mem32(404), "GATE_FD=4") == 0, "env 1");
	CHECK_EQ(call4(GATE_ABI_FN_ARGS_GET, sizeof memory - 4, 300, 0, 0), GATE_ABI_STOP_VIOLATION);
	CHECK(strcmp(message(), "string pointer array [262140, 262148) is outside memory of 262144 bytes") == 0,
	      "%s", message());
}

static void test_clocks(void)
{
	int64_t before, after;

	setup();
	CHECK_EQ(call4(GATE_ABI_FN_CLOCK_RES_GET, 1, 64, 0, 0), -1);
	CHECK_EQ(s[0], 0);
	CHECK_EQ(mem64(64), 1000000);
	CHECK_EQ(call4(GATE_ABI_FN_CLOCK_RES_GET, 4, 64, 0, 0), -1);
	CHECK_EQ(s[0], 28);
	before = abi_plat_clock(ABI_CLOCK_REALTIME);
	CHECK_EQ(call4(GATE_ABI_FN_CLOCK_TIME_GET, 0, 0, 64, 0), -1);
	after = abi_plat_clock(ABI_CLOCK_REALTIME);
	CHECK(mem64(64) % 1000000 == 0 && (int64_t)mem64(64) > before - 1000000 &&
		      (int64_t)mem64(64) <= after, "realtime %llu", (unsigned long long)mem64(64));
	area->monotonic_base_ns = (uint64_t)abi_plat_clock(ABI_CLOCK_PROGRAM) - 5000000000ull;
	CHECK_EQ(call4(GATE_ABI_FN_CLOCK_TIME_GET, 1, 0, 64, 0), -1);
	CHECK(mem64(64) >= 5000000000ull && mem64(64) < 500000000000ull && mem64(64) % 1000000 == 0,
	      "monotonic since the base");
	CHECK_EQ(call4(GATE_ABI_FN_CLOCK_TIME_GET, 7, 0, 64, 0), -1);
	CHECK_EQ(s[0], 28);
	CHECK_EQ(call4(GATE_ABI_FN_CLOCK_TIME_GET, 2, 0, 64, 0), GATE_ABI_STOP_DEFICIENCY);
	CHECK(strcmp(message(), "CPU-time clock 2 is not available") == 0, "%s", message());
	CHECK_EQ(call4(GATE_ABI_FN_CLOCK_TIME_GET, 0, 0, sizeof memory - 7, 0), GATE_ABI_STOP_VIOLATION);
}

static void test_stdout(void)
{
	uint8_t out[256];
	long n;

	setup();
	memcpy(memory + 1000, "hello", 5);
	iovec(16, 1000, 5);
	blocked_waits = 0;
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 1, 16, 1, 32), GATE_ABI_STOP_SUSPENDED); /* no credit */
	CHECK_EQ(blocked_waits, 1);
	CHECK_EQ(session_read(out, sizeof out), 0);
	flow(-2, 0, 3);
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 1, 16, 1, 32), -1);
	CHECK_EQ(s[0], 0);
	CHECK_EQ(mem32(32), 3); /* short write: the credit */
	n = session_read(out, sizeof out);
	CHECK_EQ(n, 24);
	CHECK_EQ(abi_le32(out), 19);
	CHECK(out[4] == 0xfe && out[5] == 0xff && out[6] == 3 && out[7] == 0, "stdio data header");
	CHECK(memcmp(out + 16, "hel", 3) == 0 && out[19] == 0, "payload and padding");
	flow(-2, 0, 0); /* closes stdout */
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 1, 16, 1, 32), -1);
	CHECK_EQ(s[0], 64); /* EPIPE */
	/* debug output: a code -3 data packet */
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 2, 16, 1, 32), -1);
	CHECK_EQ(mem32(32), 5);
	n = session_read(out, sizeof out);
	CHECK_EQ(n, 24);
	CHECK(abi_le32(out) == 21 && out[4] == 0xfd && out[5] == 0xff && out[6] == 3, "debug packet");
	CHECK(memcmp(out + 16, "hello", 5) == 0, "debug bytes");
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 0, 16, 1, 32), -1);
	CHECK_EQ(s[0], 28);
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 3, 16, 1, 32), -1);
	CHECK_EQ(s[0], 8);
	iovec(16, sizeof memory - 2, 5);
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 1, 16, 1, 32), GATE_ABI_STOP_VIOLATION);
	CHECK(strcmp(message(), "fd_write iovec 0 [262142, 262147) is outside memory of 262144 bytes") == 0,
	      "%s", message());
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 1, 16, 1 << 21, 32), GATE_ABI_STOP_VIOLATION);
	CHECK(strcmp(message(), "fd_write iovec count 2097152 exceeds 1048576") == 0, "%s", message());
}

/* A receive that overwrites its own iovec array cannot make the ABI leave memory. */
static void test_iovec_overwrite(void)
{
	static const char data[20] = { 16, 0, 0, 0, (char)0xff, (char)0xff, (char)0xff, (char)0xff, 0, 1 };

	setup();
	iovec(16, 20, 16); /* entry 0 receives into the array, over entry 1 at 24 */
	iovec(24, 1000, 8);
	stdin_data(data, sizeof data);
	CHECK_EQ(call4(GATE_ABI_FN_FD_READ, 0, 16, 2, 32), GATE_ABI_STOP_VIOLATION);
	CHECK(strcmp(message(), "fd_read iovec 1 [4294967295, 4294967551) is outside memory of 262144 bytes") == 0,
	      "%s", message());
	/* a damaged state fails closed */
	setup();
	state()->magic = ABI_STATE_MAGIC;
	state()->output.len = ABI_OUTPUT_CAP + 1;
	CHECK_EQ(call4(GATE_ABI_FN_SCHED_YIELD, 0, 0, 0, 0), GATE_ABI_STOP_NONE);
	CHECK(strcmp(message(), "the ABI state is damaged") == 0, "%s", message());
}

static void test_stdin(void)
{
	uint8_t out[256];

	setup();
	iovec(16, 1000, 100);
	CHECK_EQ(call4(GATE_ABI_FN_FD_READ, 0, 16, 1, 32), GATE_ABI_STOP_SUSPENDED);
	CHECK_EQ(session_read(out, sizeof out), 16); /* the grant */
	CHECK(abi_le32(out) == 16 && out[4] == 0xfe && out[6] == 2 && abi_le32(out + 8) == 0 &&
		      abi_le32(out + 12) == 131072, "stdin grant");
	CHECK_EQ(call4(GATE_ABI_FN_FD_READ, 0, 16, 1, 32), GATE_ABI_STOP_SUSPENDED);
	CHECK_EQ(session_read(out, sizeof out), 0); /* a retried read does not grant again */
	stdin_data("abc", 3);
	CHECK_EQ(call4(GATE_ABI_FN_FD_READ, 0, 16, 1, 32), -1);
	CHECK_EQ(s[0], 0);
	CHECK_EQ(mem32(32), 3);
	CHECK(memcmp(memory + 1000, "abc", 3) == 0, "stdin bytes");
	stdin_data("", 0); /* end of stdin */
	CHECK_EQ(call4(GATE_ABI_FN_FD_READ, 0, 16, 1, 32), -1);
	CHECK_EQ(mem32(32), 0);
	CHECK_EQ(call4(GATE_ABI_FN_FD_READ, 1, 16, 1, 32), -1);
	CHECK_EQ(s[0], 28);
}

static void discovery_request(uint32_t at)
{
	static const uint8_t p[] = { 16, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 5, 'o', 'r', 'i', 'g', 'i' };

	memcpy(memory + at, p, sizeof p);
}

static void test_packets(void)
{
	uint8_t out[256], reply[4] = { 2, 0, 1, 1 };

	setup();
	/* a discovery request: accepted, goes out unchanged */
	memcpy(memory + 2000, "\x0f\0\0\0\xff\xff\0\0\x01\0\x04orig", 15);
	memory[2015] = 0x77; /* padding the program sent: not checked, zeroed */
	iovec(16, 2000, 16);
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 4, 16, 1, 32), -1);
	CHECK_EQ(s[0], 0);
	CHECK_EQ(mem32(32), 16);
	CHECK_EQ(session_read(out, sizeof out), 16);
	CHECK(memcmp(out, memory + 2000, 15) == 0 && out[15] == 0, "discovery out");
	/* the reply counts as soon as it is in the pipe */
	session_send(-1, ABI_DOMAIN_CALL, reply, 4);
	memcpy(memory + 2100, "\x10\0\0\0\x01\0\x03\0\0\0\0\0\0\0\0\0", 16);
	iovec(16, 2100, 16);
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 4, 16, 1, 32), -1);
	CHECK_EQ(mem32(32), 16);
	CHECK_EQ(state()->discovered, 2);
	/* the reply reaches the program too */
	iovec(16, 3000, 100);
	CHECK_EQ(call4(GATE_ABI_FN_FD_READ, 4, 16, 1, 32), -1);
	CHECK_EQ(mem32(32), 16);
	CHECK_EQ(mem32(3000), 12);
	CHECK_EQ(call4(GATE_ABI_FN_FD_READ, 4, 16, 1, 32), -1);
	CHECK_EQ(s[0], 6); /* EAGAIN */
	/* violations */
	setup();
	memcpy(memory + 2100, "\x10\0\0\0\x00\0\x03\0", 8);
	iovec(16, 2100, 8);
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 4, 16, 1, 32), GATE_ABI_STOP_VIOLATION);
	CHECK(strcmp(message(), "code 0 was not discovered (0 known)") == 0, "%s", message());
	setup();
	memcpy(memory + 2100, "\x10\0\0\0\xfe\xff\x03\0", 8);
	iovec(16, 2100, 8);
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 4, 16, 1, 32), GATE_ABI_STOP_VIOLATION);
	CHECK(strcmp(message(), "code -2 is reserved for the ABI's stdio channel") == 0, "%s", message());
	setup();
	memcpy(memory + 2100, "\x04\0\0\0\xff\xff\x00\0", 8);
	iovec(16, 2100, 8);
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 4, 16, 1, 32), GATE_ABI_STOP_VIOLATION);
	CHECK(strcmp(message(), "packet size 4 is outside [8, 65536]") == 0, "%s", message());
	setup();
	memcpy(memory + 2100, "\x0a\0\0\0\xff\xff\x00\0\x02\0", 10);
	iovec(16, 2100, 16);
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 4, 16, 1, 32), GATE_ABI_STOP_VIOLATION);
	CHECK(strcmp(message(), "discovery request ends before name 0") == 0, "%s", message());
	setup();
	memcpy(memory + 2100, "\x10\0\0\0\xff\xff\x01\0", 8);
	iovec(16, 2100, 8);
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 4, 16, 1, 32), GATE_ABI_STOP_VIOLATION);
	CHECK(strcmp(message(), "code -1 is only for discovery calls, not domain 1") == 0, "%s", message());
	/* a partial packet stays in the framer */
	setup();
	discovery_request(2200);
	iovec(16, 2200, 5);
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 4, 16, 1, 32), -1);
	CHECK_EQ(mem32(32), 5);
	CHECK_EQ(session_read(out, sizeof out), 0);
	CHECK_EQ(state()->partial_fill, 5);
}

static void test_io(void)
{
	uint8_t out[256], reply[3] = { 1, 0, 1 };

	setup();
	session_send(-1, ABI_DOMAIN_CALL, reply, 3);
	/* io: send the first 16 bytes of a discovery request, receive the reply */
	discovery_request(2000);
	iovec(16, 2000, 16);   /* send */
	iovec(24, 3000, 100);  /* receive */
	memset(s, 0, sizeof s);
	s[0] = 24;
	s[1] = 1;
	s[2] = 40;
	s[3] = 16;
	s[4] = 1;
	s[5] = 44;
	s[6] = 1;
	CHECK_EQ(call(GATE_ABI_FN_IO, s), -1);
	CHECK_EQ(mem32(44), 16);
	CHECK_EQ(mem32(40), 16); /* 11 bytes padded */
	CHECK_EQ(session_read(out, sizeof out), 16);
	/* wait flag with nothing to receive and nothing sent: suspended */
	s[4] = 0;
	CHECK_EQ(call(GATE_ABI_FN_IO, s), GATE_ABI_STOP_SUSPENDED);
	CHECK_EQ(call4(GATE_ABI_FN_FD, 0, 0, 0, 0), -1);
	CHECK_EQ(s[0], 4);
}

static void test_input(void)
{
	uint8_t bad[8] = { 4, 0, 0, 0, 0, 0, 0, 0 };
	static uint8_t big[65536];
	uint32_t off;
	int i, k;

	setup();
	CHECK_EQ(write(session_fd, bad, 8), 8);
	CHECK_EQ(call4(GATE_ABI_FN_SCHED_YIELD, 0, 0, 0, 0), GATE_ABI_STOP_INPUT);
	CHECK(strcmp(message(), "session packet size 4 is outside [8, 65536]") == 0, "%s", message());
	/* the 1 MiB rule: the ABI stops reading while 1 MiB of packets is unread */
	setup();
	memset(big, 0, sizeof big);
	abi_put_le32(big, sizeof big);
	for (i = 0, k = 0, off = 0; i < 400; i++) {
		long r = write(session_fd, big + off, sizeof big - off);

		if (r > 0) {
			off += (uint32_t)r;
			if (off == sizeof big) {
				off = 0;
				k++;
			}
		}
		CHECK_EQ(call4(GATE_ABI_FN_SCHED_YIELD, 0, 0, 0, 0), -1);
	}
	CHECK(state()->program.len >= ABI_PROGRAM_QUEUE_LIMIT &&
		      state()->program.len <= ABI_PROGRAM_CAP, "program queue %u", state()->program.len);
	CHECK(k >= 17 && write(session_fd, big, 8) < 0, "the pipe stays full (%d packets)", k);
	/* the session's end: stdin EOF, stdout closed */
	setup();
	shutdown(session_fd, SHUT_WR);
	iovec(16, 1000, 10);
	CHECK_EQ(call4(GATE_ABI_FN_FD_READ, 0, 16, 1, 32), -1);
	CHECK_EQ(mem32(32), 0);
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 1, 16, 1, 32), -1);
	CHECK_EQ(s[0], 64);
}

static void subscription(uint32_t at, int unstable, uint64_t userdata, int tag, uint32_t fd_or_id,
			 uint64_t timeout, int flags)
{
	uint32_t shift = unstable ? 8 : 0;

	memset(memory + at, 0, unstable ? 56 : 48);
	abi_put_le32(memory + at, (uint32_t)userdata);
	memory[at + 8] = (uint8_t)tag;
	abi_put_le32(memory + at + 16 + (tag == 0 ? shift : 0), fd_or_id);
	if (tag == 0) {
		abi_put_le32(memory + at + 24 + shift, (uint32_t)timeout);
		abi_put_le32(memory + at + 28 + shift, (uint32_t)(timeout >> 32));
		memory[at + 40 + shift] = (uint8_t)flags;
	}
}

static void test_poll(void)
{
	uint8_t one[8] = { 0 };
	int unstable;

	for (unstable = 0; unstable < 2; unstable++) {
		uint32_t fn = GATE_ABI_FN_POLL_ONEOFF + (unstable ? UNSTABLE : 0);
		uint32_t size = unstable ? 56 : 48;

		setup();
		subscription(1000, unstable, 7, 0, 1, 2000000, 0); /* 2 ms relative */
		subscription(1000 + size, unstable, 8, 1, 4, 0, 0);
		CHECK_EQ(call4(fn, 1000, 2000, 2, 3000), -1);
		CHECK_EQ(s[0], 0);
		CHECK_EQ(mem32(3000), 1);
		CHECK(mem64(2000) == 7 && memory[2010] == 0 && memory[2008] == 0, "clock event");
		session_send(0, ABI_DOMAIN_DATA, one, 8);
		CHECK_EQ(call4(fn, 1000, 2000, 2, 3000), -1);
		CHECK_EQ(mem32(3000), 1);
		CHECK(mem64(2000) == 8 && memory[2010] == 1 && mem64(2016) == 16, "fd 4 event");
		/* absolute deadline in the past, fd 2 write, bad fd, bad clock */
		subscription(1000, unstable, 9, 0, 0, 1, 1);
		subscription(1000 + size, unstable, 10, 2, 2, 0, 0);
		subscription(1000 + 2 * size, unstable, 11, 1, 9, 0, 0);
		subscription(1000 + 3 * size, unstable, 12, 0, 5, 0, 0);
		CHECK_EQ(call4(fn, 1000, 2000, 4, 3000), -1);
		CHECK_EQ(mem32(3000), 4);
		CHECK(mem64(2000) == 9 && mem64(2032) == 10 && mem64(2048) == 65536, "fd 2 event");
		CHECK(mem64(2064) == 11 && memory[2072] == 8, "EBADF event");
		CHECK(mem64(2096) == 12 && memory[2104] == 28, "EINVAL clock event");
		CHECK_EQ(call4(fn, 1000, 2000, 0, 3000), -1);
		CHECK_EQ(s[0], 28);
		/* fd 0 read without stdin: grants, then waits (suspended) */
		subscription(1000, unstable, 13, 1, 0, 0, 0);
		CHECK_EQ(call4(fn, 1000, 2000, 1, 3000), GATE_ABI_STOP_SUSPENDED);
		CHECK_EQ(state()->stdin_outstanding, 131072);
		CHECK_EQ(call4(fn, 1000, 2000, 65537, 3000), GATE_ABI_STOP_VIOLATION);
		CHECK_EQ(call4(fn, sizeof memory - 40, 2000, 1, 3000), GATE_ABI_STOP_VIOLATION);
	}
}

static void test_random(void)
{
	int i;

	setup();
	CHECK_EQ(call4(GATE_ABI_FN_RANDOM_GET, 100, 4, 0, 0), -1);
	CHECK_EQ(s[0], 0);
	CHECK(memory[100] == 0xfc && memory[103] == 0xff, "top of the pool");
	CHECK_EQ(area->random_count, 4092);
	CHECK_EQ(area->random_used, 4);
	area->random_count = 2;
	CHECK_EQ(call4(GATE_ABI_FN_RANDOM_GET, 200, 10, 0, 0), GATE_ABI_STOP_RANDOM);
	CHECK_EQ(area->random_count, 0);
	CHECK(memory[200] == 0 && memory[201] == 1, "the pool's last bytes");
	for (i = 0; i < 4096; i++) /* the JVM refills, the call is retried */
		((uint8_t *)area)[RANDOM_AT + i] = (uint8_t)i;
	area->random_count = 4096;
	CHECK_EQ(call4(GATE_ABI_FN_RANDOM_GET, 200, 10, 0, 0), -1);
	CHECK(memory[202] == 0xf8 && memory[209] == 0xff, "continued from the refilled pool");
	CHECK_EQ(area->random_used, 14);
	area->random_limit = 20;
	CHECK_EQ(call4(GATE_ABI_FN_RANDOM_GET, 200, 7, 0, 0), GATE_ABI_STOP_DEFICIENCY);
	CHECK(strcmp(message(), "random_get of 7 bytes exceeds the limit of 20 bytes (14 used)") == 0,
	      "%s", message());
	CHECK_EQ(call4(GATE_ABI_FN_RANDOM_GET, sizeof memory, 1, 0, 0), GATE_ABI_STOP_VIOLATION);
}

static void test_fds(void)
{
	setup();
	memset(memory + 64, 0xee, 64);
	CHECK_EQ(call4(GATE_ABI_FN_FD_FDSTAT_GET, 4, 64, 0, 0), -1);
	CHECK(s[0] == 0 && memory[64] == 0 && memory[66] == 4 && mem64(72) == ((1ull << 1) | (1ull << 6) | (1ull << 27)) &&
		      mem64(80) == 0, "fdstat 4");
	CHECK_EQ(call4(GATE_ABI_FN_FD_FDSTAT_GET, 3, 64, 0, 0), -1);
	CHECK_EQ(s[0], 8);
	memset(memory + 64, 0xee, 80);
	CHECK_EQ(call4(GATE_ABI_FN_FD_FILESTAT_GET + UNSTABLE, 1, 64, 0, 0), -1);
	CHECK(s[0] == 0 && mem64(64) == 0 && mem64(112) == 0 && memory[120] == 0xee, "filestat 56");
	CHECK_EQ(call4(GATE_ABI_FN_FD_FILESTAT_GET, 1, 64, 0, 0), -1);
	CHECK(memory[120] == 0 && memory[128] == 0xee, "filestat 64");
	CHECK_EQ(call4(GATE_ABI_FN_FD_FDSTAT_SET_FLAGS, 0, 0, 0, 0), -1);
	CHECK_EQ(s[0], 63);
	CHECK_EQ(call4(GATE_ABI_FN_FD_PRESTAT_GET, 3, 0, 0, 0), -1);
	CHECK_EQ(s[0], 8);
	CHECK_EQ(call4(GATE_ABI_FN_ESPIPE_GROUP, 4, 0, 0, 0), -1);
	CHECK_EQ(s[0], 70);
	CHECK_EQ(call4(GATE_ABI_FN_ESPIPE_GROUP, 5, 0, 0, 0), -1);
	CHECK_EQ(s[0], 8);
	CHECK_EQ(call4(GATE_ABI_FN_ENOTSUP_GROUP, 2, 0, 0, 0), -1);
	CHECK_EQ(s[0], 58);
	CHECK_EQ(call4(GATE_ABI_FN_ENOENT_GROUP, 2, 0, 0, 0), -1);
	CHECK_EQ(s[0], 44);
	CHECK_EQ(call4(GATE_ABI_FN_ENOTSOCK_GROUP, 2, 0, 0, 0), -1);
	CHECK_EQ(s[0], 57);
	CHECK_EQ(call4(GATE_ABI_FN_PROC_RAISE, 2, 0, 0, 0), -1);
	CHECK_EQ(s[0], 52);
}

static void test_exit(void)
{
	uint8_t out[64];

	setup();
	flow(-2, 0, 100);
	memcpy(memory + 1000, "bye", 3);
	iovec(16, 1000, 3);
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 1, 16, 1, 32), -1);
	CHECK_EQ(call4(GATE_ABI_FN_PROC_EXIT, 7, 0, 0, 0), GATE_ABI_STOP_EXIT);
	CHECK_EQ(area->exit_value, 7);
	CHECK_EQ(session_read(out, sizeof out), 24);
	/* no memory: every pointer is a violation */
	setup();
	{
		struct abi_ctx c;

		memset(&c, 0, sizeof c);
		c.area = area;
		c.mem = memory;
		if (!setjmp(stop_jump))
			abi_call(&c, GATE_ABI_FN_CLOCK_RES_GET, (memset(s, 0, sizeof s), s));
		CHECK_EQ(area->stop_reason, GATE_ABI_STOP_VIOLATION);
		CHECK(strcmp(message(), "clock_res_get result pointer given, but the program has no memory") == 0,
		      "%s", message());
	}
}

/* The remaining rules of README §2-§4 in one place. */
static void test_details(void)
{
	uint8_t out[256], e[16], total[2] = { 0x2c, 0x01 }; /* 300 */
	int i;

	/* stdio channel: other streams and domains are ignored, credit is capped, a
	 * negative increment closes stdout */
	setup();
	abi_put_le32(e, 1);
	abi_put_le32(e + 4, 50);
	abi_put_le32(e + 8, 0);
	abi_put_le32(e + 12, 0x7fffffff);
	session_send(-2, ABI_DOMAIN_FLOW, e, 16); /* stream 1 ignored, stream 0 +max */
	flow(-2, 0, 100);
	session_send(-2, ABI_DOMAIN_CALL, e, 8);
	CHECK_EQ(call4(GATE_ABI_FN_SCHED_YIELD, 0, 0, 0, 0), -1);
	CHECK_EQ(state()->stdout_credit, 0x7fffffff);
	CHECK_EQ(state()->program.len, 0);
	memset(e, 0, sizeof e);
	abi_put_le32(e, 1); /* stdin data for stream 1: ignored */
	e[8] = 'x';
	session_send(-2, ABI_DOMAIN_DATA, e, 9);
	CHECK_EQ(call4(GATE_ABI_FN_SCHED_YIELD, 0, 0, 0, 0), -1);
	CHECK_EQ(state()->stdin.len, 0);
	flow(-2, 0, -5);
	iovec(16, 1000, 4);
	CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 1, 16, 1, 32), -1);
	CHECK_EQ(s[0], 64);
	/* poll: fd 1 write reports the closed stdout as a hang-up, fd 0 read at EOF too */
	stdin_data("", 0);
	subscription(1000, 0, 1, 2, 1, 0, 0);
	subscription(1048, 0, 2, 1, 0, 0, 0);
	subscription(1096, 0, 3, 7, 0, 0, 0); /* unknown tag: EINVAL event */
	CHECK_EQ(call4(GATE_ABI_FN_POLL_ONEOFF, 1000, 2000, 3, 3000), -1);
	CHECK_EQ(mem32(3000), 3);
	CHECK(memory[2010] == 2 && mem64(2016) == 0 && memory[2024] == 1, "stdout hang-up");
	CHECK(memory[2042] == 1 && mem64(2048) == 0 && memory[2056] == 1, "stdin hang-up");
	CHECK(memory[2074] == 7 && memory[2072] == 28, "unknown tag");
	/* discovery totals are capped at 256; other codes and domains do not count */
	setup();
	session_send(-1, ABI_DOMAIN_FLOW, total, 2);
	CHECK_EQ(call4(GATE_ABI_FN_SCHED_YIELD, 0, 0, 0, 0), -1);
	CHECK_EQ(state()->discovered, 0);
	session_send(-1, ABI_DOMAIN_INFO, total, 2);
	CHECK_EQ(call4(GATE_ABI_FN_SCHED_YIELD, 0, 0, 0, 0), -1);
	CHECK_EQ(state()->discovered, 256);
	CHECK_EQ(state()->program.len, 32); /* discovery packets reach the program too */
	/* fd 4 write: EAGAIN once 2 x max_send_size bytes wait for the pipe */
	setup();
	area->max_send_size = 4096;
	session_send(-1, ABI_DOMAIN_CALL, total, 2);
	for (i = 0; i < 4096; i += 8)
		memcpy(memory + 4096 + i, "\x00\x10\0\0\x05\0\x03\0", 8); /* 4096-byte data packets, code 5 */
	iovec(16, 4096, 4096);
	{
		int sends = 0;

		for (;;) { /* fill the socket buffer, then the queue */
			CHECK_EQ(call4(GATE_ABI_FN_FD_WRITE, 4, 16, 1, 32), -1);
			if (s[0] == 6)
				break;
			CHECK(mem32(32) == 4096 && ++sends < 10000, "send %d wrote %u", sends, mem32(32));
		}
		CHECK(state()->output.len >= 2 * 4096, "queue %u", state()->output.len);
	}
	/* io_N wait flag with send bytes: waits for output room (here none: suspended) */
	iovec(24, 6000, 100);
	CHECK_EQ(call4(GATE_ABI_FN_FD_READ, 4, 24, 1, 32), -1); /* the discovery reply */
	CHECK_EQ(mem32(32), 16);
	memset(s, 0, sizeof s);
	s[3] = 16;
	s[4] = 1;
	s[2] = 40;
	s[5] = 44;
	s[6] = 1;
	CHECK_EQ(call(GATE_ABI_FN_IO, s), GATE_ABI_STOP_SUSPENDED);
	CHECK_EQ(call4(GATE_ABI_FN_FD_PRESTAT_DIR_NAME, 3, 0, 0, 0), -1);
	CHECK_EQ(s[0], 8);
	(void)out;
}

/* xorshift: a fixed seed, so every run checks the same inputs */
static uint64_t rnd_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state;
}

/*
 * Untrusted streams: random session bytes (mostly plausible frames) and random program
 * sends end in a completed call, INPUT (the session) or VIOLATION (the program), never
 * anything else; the state stays valid for the next call.
 */
static void test_random_streams(void)
{
	int round, i;

	for (round = 0; round < 300; round++) {
		uint8_t p[4096];
		uint32_t n = (uint32_t)(rnd() % sizeof p), size;
		int r;

		setup();
		for (i = 0; i < (int)n; i++)
			p[i] = (uint8_t)rnd();
		for (i = 0; i + 8 <= (int)n && rnd() % 4; i += (int)abi_padded(size)) {
			size = 8 + (uint32_t)(rnd() % 64);
			abi_put_le32(p + i, size);
			p[i + 4] = (uint8_t)(rnd() % 3 ? 0xfe : rnd());
			p[i + 5] = 0xff;
			p[i + 6] = (uint8_t)(rnd() % 5);
		}
		CHECK_EQ(write(session_fd, p, n), n);
		for (i = 0; i < 3; i++) {
			uint32_t fn = (uint32_t[]){ GATE_ABI_FN_SCHED_YIELD, GATE_ABI_FN_FD_READ,
						    GATE_ABI_FN_FD_WRITE }[i];

			iovec(16, 1000, (uint32_t)(rnd() % 3000));
			for (n = 0; n < 3000; n++)
				memory[1000 + n] = (uint8_t)rnd();
			if (rnd() % 2) { /* a plausible first header */
				abi_put_le32(memory + 1000, 8 + (uint32_t)(rnd() % 40));
				memory[1004] = (uint8_t)(rnd() % 2 ? 0xff : 0);
				memory[1005] = memory[1004];
				memory[1006] = memory[1007] = 0;
			}
			r = call4(fn, i == 2 ? 4 : (uint32_t)(rnd() % 2) * 4, 16, 1, 32);
			CHECK(r == -1 || r == GATE_ABI_STOP_INPUT || r == GATE_ABI_STOP_VIOLATION ||
				      r == GATE_ABI_STOP_SUSPENDED,
			      "round %d call %d: stop %d", round, i, r);
			if (r != -1 && r != GATE_ABI_STOP_SUSPENDED)
				break;
		}
	}
}

int main(void)
{
	test_area();
	test_args();
	test_clocks();
	test_stdout();
	test_stdin();
	test_iovec_overwrite();
	test_packets();
	test_io();
	test_input();
	test_poll();
	test_random();
	test_fds();
	test_exit();
	test_details();
	test_random_streams();
	return check_report("test_abi");
}
