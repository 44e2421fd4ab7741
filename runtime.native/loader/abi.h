/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The program ABI served inside the sandbox (DESIGN.md §9): gate.io_N, gate.fd_N and
 * WASI preview1/preview0 with exactly the rules of bundles/gate.abi/README.md. The
 * code is freestanding and reaches the outside world only through the platform seam
 * below: the runtime implements it with fd 0/1, ppoll and the vDSO (abi_sandbox.c),
 * test/test_abi.c with socketpairs and a plain buffer as linear memory.
 *
 * Everything the ABI keeps between calls lives in the ABI area (abi_area.h): the
 * configuration the JVM wrote, and struct abi_state at state_offset, so a suspended
 * instance resumes with its buffers, credits and counters.
 */
#ifndef GATE_LOADER_ABI_H
#define GATE_LOADER_ABI_H

#include <stdint.h>

#include "gate/abi_area.h"

/* Packets (architecture reference §6.1). */
#define ABI_HEADER 8u
#define ABI_DATA_PREFIX 8u            /* stream id, note */
#define ABI_PACKET_MAX 65536u
#define ABI_CODE_DISCOVERY (-1)
#define ABI_CODE_STDIO (-2)
#define ABI_DOMAIN_CALL 0
#define ABI_DOMAIN_INFO 1
#define ABI_DOMAIN_FLOW 2
#define ABI_DOMAIN_DATA 3
#define ABI_MAX_SERVICES 256u
#define ABI_MAX_NAME 127u

/* README §1: unread program input beyond which the pipe is left alone. */
#define ABI_PROGRAM_QUEUE_LIMIT (1u << 20)
#define ABI_INPUT_BUFFER (2u * ABI_PACKET_MAX)
#define ABI_PROGRAM_CAP (ABI_PROGRAM_QUEUE_LIMIT + ABI_INPUT_BUFFER)
/* README §2: buffered + granted-but-not-received stdin. */
#define ABI_STDIN_WINDOW 131072u
/* Stdin beyond the window (a session that sends more than it was granted) up to this
 * much is kept; more does not fit and ends the instance (stop INPUT). */
#define ABI_STDIN_CAP (2u * ABI_STDIN_WINDOW)
/* Program sends stop at 2 x max_send_size queued; own packets may add one more. */
#define ABI_OUTPUT_CAP (5u * ABI_PACKET_MAX)
#define ABI_MAX_DEBUG_WRITE 65536u
#define ABI_MAX_IOVECS (1u << 20)
#define ABI_MAX_SUBSCRIPTIONS (1u << 16)

/* A byte ring: len bytes from head (mod the buffer's capacity). */
struct abi_ring {
	uint32_t head;
	uint32_t len;
};

#define ABI_STATE_MAGIC 0x74534241u /* "ABSt" */

/* The runtime-private state at state_offset; all zero when the JVM creates the area. */
struct abi_state {
	uint32_t magic;           /* 0 until the first call initialises the state */
	uint32_t discovered;      /* README §3 rule 4 */
	uint32_t input_ended;     /* fd 0 reached end of stream */
	uint32_t input_fill;      /* bytes in input[] not yet dispatched */
	int64_t stdout_credit;
	uint32_t stdout_closed;
	uint32_t stdin_ended;
	int64_t stdin_outstanding; /* granted but not received */
	uint32_t partial_fill;    /* bytes of the program's packet being framed */
	uint32_t partial_size;    /* its size once the header is complete, else 0 */
	uint32_t random_ptr;      /* random_get in progress across RANDOM stops */
	uint32_t random_len;
	uint32_t random_done;
	uint32_t pad;
	struct abi_ring program;  /* the program's packet input */
	struct abi_ring stdin;
	struct abi_ring output;   /* whole packets fd 1 has not taken */
	uint8_t poll_ready[ABI_MAX_SUBSCRIPTIONS / 8];
	uint8_t partial[ABI_PACKET_MAX];
	uint8_t input[ABI_INPUT_BUFFER];
	uint8_t program_buf[ABI_PROGRAM_CAP];
	uint8_t stdin_buf[ABI_STDIN_CAP];
	uint8_t output_buf[ABI_OUTPUT_CAP];
};

_Static_assert(sizeof(struct abi_state) <= GATE_ABI_STATE_SIZE, "GATE_ABI_STATE_SIZE too small");

/* One ABI call: the area, the caller's memory and where the call stopped. */
struct abi_ctx {
	struct gate_abi_area *area;
	struct abi_state *st;
	uint8_t *mem;       /* linear memory base */
	uint64_t mem_size;  /* current size in bytes */
	int has_memory;
	int unstable;       /* wasi_unstable struct layouts */
	uint64_t pc, sp;    /* the import site, for the platform's stop */
};

/* ---- platform seam (abi_sandbox.c in the runtime, test_abi.c on the host) ---- */

#define ABI_EAGAIN 11
#define ABI_WAIT_SUSPENDED (-1000)
#define ABI_CLOCK_REALTIME 0  /* ns since 1970 */
#define ABI_CLOCK_PROGRAM 1   /* the program's monotonic clock (continues across runs) */
#define ABI_CLOCK_DEADLINE 2  /* raw monotonic ns for timeouts */

#pragma GCC visibility push(hidden)
/* fd 0: bytes read, 0 at end of stream, -ABI_EAGAIN if nothing now, < 0 error. */
long abi_plat_read(void *buf, uint32_t n);
/* fd 1: bytes written, -ABI_EAGAIN if full, < 0 error. */
long abi_plat_write(const void *buf, uint32_t n);
/* Wait for fd 0 readable (@in) and/or fd 1 writable (@out) at most @timeout_ns
 * (< 0: no limit). Returns >= 0, or ABI_WAIT_SUSPENDED when the host asked the
 * instance to stop; it never loses a request that arrives while it starts waiting. */
int abi_plat_wait(int in, int out, int64_t timeout_ns);
/* Wait until fd 1 is writable, whatever the host asked (the exit path's flush). */
void abi_plat_wait_writable(void);
int64_t abi_plat_clock(int clock);
/* End the run as area->stop_reason says (GATE_ABI_STOP_NONE: INTERNAL_ERROR). */
__attribute__((noreturn)) void abi_plat_stop(struct abi_ctx *c);

/* ---- the ABI ---- */

/* Whether the area's header is usable (every offset and size in bounds); the string
 * lists are checked by the functions that read them. */
int abi_area_valid(const struct gate_abi_area *a, uint64_t mapped_size);

/* Serve imported function @function with the outgoing-area slots @slots (arguments
 * from slot 0, result to slot 0). Returns when the call completes; ends the run
 * through abi_plat_stop otherwise. */
void abi_call(struct abi_ctx *c, uint32_t function, uint64_t *slots);

/* The program returned: write every queued packet, waiting without regard to
 * suspension (there is no call left to retry). */
void abi_flush_at_exit(struct abi_ctx *c);

/* internal (abi_io.c) */
void abi_copy(void *dst, const void *src, uint64_t n);
void abi_zero(void *dst, uint64_t n);
__attribute__((noreturn)) void abi_stop(struct abi_ctx *c, uint32_t reason, const char *msg);

struct abi_msg {
	char *buf;
	uint32_t len;
};
void abi_msg_begin(struct abi_ctx *c, struct abi_msg *m);
void abi_msg_str(struct abi_msg *m, const char *s);
void abi_msg_u64(struct abi_msg *m, uint64_t v);
void abi_msg_i64(struct abi_msg *m, int64_t v);
__attribute__((noreturn)) void abi_msg_stop(struct abi_ctx *c, struct abi_msg *m, uint32_t reason);

/* Program pointers (abi_mem.c) */
void abi_check(struct abi_ctx *c, uint32_t ptr, uint64_t len, const char *what);
void abi_put_u32(struct abi_ctx *c, uint32_t ptr, uint32_t v, const char *what);
void abi_put_u64(struct abi_ctx *c, uint32_t ptr, uint64_t v, const char *what);
uint32_t abi_get_u32(struct abi_ctx *c, uint64_t at);
uint64_t abi_get_u64(struct abi_ctx *c, uint64_t at);

/* A checked scatter/gather list over linear memory. */
struct abi_iov {
	uint32_t ptr, count;
	uint32_t index, offset;
	uint64_t total, remaining;
	const char *what;
};
void abi_iov_init(struct abi_ctx *c, struct abi_iov *v, uint32_t ptr, uint32_t count,
		  const char *what);
void abi_iov_take(struct abi_ctx *c, struct abi_iov *v, uint8_t *dst, uint32_t n);
void abi_iov_put(struct abi_ctx *c, struct abi_iov *v, const uint8_t *src, uint32_t n);

/* Rings */
void abi_ring_put(struct abi_ring *r, uint8_t *buf, uint32_t cap, const uint8_t *src, uint32_t n);
/* Appends @n bytes taken from @v (the ring has room). */
void abi_ring_from_iov(struct abi_ctx *c, struct abi_ring *r, uint8_t *buf, uint32_t cap,
		       struct abi_iov *v, uint32_t n);
/* Moves up to @max bytes from the ring into @v; returns how many. */
uint32_t abi_ring_to_iov(struct abi_ctx *c, struct abi_ring *r, const uint8_t *buf, uint32_t cap,
			 struct abi_iov *v, uint64_t max);

/* Streams (abi_io.c) */
void abi_read_available(struct abi_ctx *c);
int abi_accepting(struct abi_ctx *c);
void abi_flush(struct abi_ctx *c);
void abi_exchange(struct abi_ctx *c);
int abi_output_room(struct abi_ctx *c);
uint64_t abi_output_limit(struct abi_ctx *c);
uint64_t abi_take_program_bytes(struct abi_ctx *c, struct abi_iov *src);
void abi_send_debug(struct abi_ctx *c, struct abi_iov *src, uint32_t n);

#define ABI_FOREVER INT64_MAX
typedef int (*abi_ready_fn)(struct abi_ctx *c, void *arg);
/* Blocking.waitUntil: 1 when ready, 0 at the deadline (ABI_CLOCK_DEADLINE terms);
 * a suspension ends the run (stop SUSPENDED) before any effect the program sees. */
int abi_wait_until(struct abi_ctx *c, abi_ready_fn ready, void *arg, int64_t deadline);

/* Stdio channel (abi_stdio.c) */
void abi_stdio_receive(struct abi_ctx *c, int domain, const uint8_t *p, uint32_t len);
void abi_stdio_session_ended(struct abi_ctx *c);
int abi_can_write_stdout(struct abi_ctx *c);
uint64_t abi_write_stdout(struct abi_ctx *c, struct abi_iov *src);
void abi_request_stdin(struct abi_ctx *c);
int abi_stdin_ready(struct abi_ctx *c);

/* WASI groups (abi_wasi.c, abi_poll.c) */
uint32_t abi_poll_oneoff(struct abi_ctx *c, uint32_t in, uint32_t out, uint32_t n, uint32_t nevents);
int64_t abi_clock_value(struct abi_ctx *c, uint32_t id);
#pragma GCC visibility pop

static inline uint32_t abi_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline void abi_put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static inline uint32_t abi_padded(uint32_t size)
{
	return (size + 7u) & ~7u;
}

#endif
