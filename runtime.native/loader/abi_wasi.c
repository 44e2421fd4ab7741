/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The functions behind the bindings (abi_area.h GATE_ABI_FN_*): gate.io_N, gate.fd_N
 * and WASI preview1 / wasi_unstable with the behaviour of bundles/gate.abi README §4
 * (GateImports, WasiFds, WasiClocks, WasiArgs, WasiRandom, WasiProc, WasiUnsupported).
 */
#include "abi.h"

#define PACKET_FD 4u
#define IO_WAIT 1u

/* WASI preview1 errno */
#define E_SUCCESS 0u
#define E_AGAIN 6u
#define E_BADF 8u
#define E_INVAL 28u
#define E_NOENT 44u
#define E_NOSYS 52u
#define E_NOTSOCK 57u
#define E_NOTSUP 58u
#define E_PERM 63u
#define E_PIPE 64u
#define E_SPIPE 70u

#define RIGHT_FD_READ (1ull << 1)
#define RIGHT_FD_WRITE (1ull << 6)
#define RIGHT_POLL_FD_READWRITE (1ull << 27)
#define FDFLAG_NONBLOCK (1u << 2)

static int is_open(uint32_t fd)
{
	return fd <= 2 || fd == PACKET_FD;
}

static uint32_t arg32(const uint64_t *slots, int k)
{
	return (uint32_t)slots[k];
}

/* ---- the area (contract §3): fail closed on anything out of bounds ---- */

static int range_ok(uint64_t off, uint64_t size, uint64_t area)
{
	return off >= GATE_ABI_HEADER_SIZE && off <= area && size <= area - off;
}

/* A string list: u32 count, then count NUL-terminated strings filling the rest. */
static int strings_ok(const uint8_t *base, uint32_t off, uint32_t size)
{
	const uint8_t *p = base + off;
	uint32_t count, at = 4, i;

	if (size < 4)
		return 0;
	count = abi_le32(p);
	for (i = 0; i < count; i++) {
		while (at < size && p[at])
			at++;
		if (at >= size)
			return 0;
		at++;
	}
	return at == size;
}

int abi_area_valid(const struct gate_abi_area *a, uint64_t mapped)
{
	if (mapped < GATE_ABI_HEADER_SIZE || a->magic != GATE_ABI_MAGIC ||
	    a->version != GATE_ABI_VERSION || a->area_size != mapped)
		return 0;
	if (a->import_count > GATE_ABI_MAX_IMPORTS ||
	    !range_ok(a->bindings_offset, 2ull * a->import_count, mapped) || (a->bindings_offset & 1))
		return 0;
	if (!range_ok(a->args_offset, a->args_size, mapped) ||
	    !range_ok(a->env_offset, a->env_size, mapped))
		return 0;
	if (a->max_send_size < GATE_ABI_MIN_SEND_SIZE || a->max_send_size > GATE_ABI_MAX_SEND_SIZE ||
	    a->time_resolution_ns < 1 || a->time_resolution_ns > (1ull << 62))
		return 0;
	if (!range_ok(a->random_offset, a->random_capacity, mapped) ||
	    a->random_count > a->random_capacity)
		return 0;
	if (!range_ok(a->message_offset, GATE_ABI_MESSAGE_SIZE, mapped) ||
	    !range_ok(a->state_offset, a->state_size, mapped) ||
	    a->state_size < sizeof(struct abi_state) || (a->state_offset & 7))
		return 0;
	return 1;
}

static int ring_valid(const struct abi_ring *r, uint32_t cap)
{
	return r->head < cap && r->len <= cap;
}

/* The invariants every buffer index relies on (the state outlives the process). */
static int state_valid(const struct abi_state *st)
{
	return st->magic == ABI_STATE_MAGIC && st->input_fill <= ABI_INPUT_BUFFER &&
	       st->partial_fill <= ABI_PACKET_MAX && st->partial_size <= ABI_PACKET_MAX &&
	       (st->partial_size ? st->partial_fill <= abi_padded(st->partial_size)
				 : st->partial_fill < ABI_HEADER) &&
	       st->random_done <= st->random_len && st->discovered <= ABI_MAX_SERVICES &&
	       ring_valid(&st->program, ABI_PROGRAM_CAP) && ring_valid(&st->stdin, ABI_STDIN_CAP) &&
	       ring_valid(&st->output, ABI_OUTPUT_CAP);
}

/* ---- gate.io_N (GateImports.io) ---- */

struct io_ready {
	int sending;
};

static int io_ready(struct abi_ctx *c, void *arg)
{
	return c->st->program.len != 0 || (((struct io_ready *)arg)->sending && abi_output_room(c));
}

static void gate_io(struct abi_ctx *c, const uint64_t *a)
{
	struct abi_state *st = c->st;
	struct abi_iov recv, send;
	uint32_t nrecv = arg32(a, 2), nsent = arg32(a, 5);
	uint64_t sent, received;

	abi_iov_init(c, &recv, arg32(a, 0), arg32(a, 1), "io receive iovec");
	abi_iov_init(c, &send, arg32(a, 3), arg32(a, 4), "io send iovec");
	abi_check(c, nrecv, 4, "io received-count pointer");
	abi_check(c, nsent, 4, "io sent-count pointer");
	if (arg32(a, 6) & IO_WAIT) {
		struct io_ready r = { send.total > 0 };

		abi_wait_until(c, io_ready, &r, ABI_FOREVER);
	}
	sent = abi_take_program_bytes(c, &send);
	abi_exchange(c);
	received = abi_ring_to_iov(c, &st->program, st->program_buf, ABI_PROGRAM_CAP, &recv,
				   recv.remaining);
	abi_put_u32(c, nrecv, (uint32_t)received, "io received-count pointer");
	abi_put_u32(c, nsent, (uint32_t)sent, "io sent-count pointer");
}

/* ---- fds (WasiFds) ---- */

static int stdout_ready(struct abi_ctx *c, void *arg)
{
	(void)arg;
	return abi_can_write_stdout(c) || c->st->stdout_closed;
}

static int stdin_ready(struct abi_ctx *c, void *arg)
{
	(void)arg;
	abi_request_stdin(c); /* idempotent; grants what did not fit before */
	return abi_stdin_ready(c);
}

static uint32_t fd_write(struct abi_ctx *c, uint32_t fd, uint32_t iovs, uint32_t count,
			 uint32_t result)
{
	struct abi_iov src;
	uint64_t written;

	abi_iov_init(c, &src, iovs, count, "fd_write iovec");
	abi_check(c, result, 4, "fd_write result pointer");
	switch (fd) {
	case 1:
		if (src.total == 0) {
			written = 0;
			break;
		}
		abi_wait_until(c, stdout_ready, 0, ABI_FOREVER);
		if (c->st->stdout_closed)
			return E_PIPE;
		written = abi_write_stdout(c, &src);
		break;
	case 2:
		written = src.total < ABI_MAX_DEBUG_WRITE ? src.total : ABI_MAX_DEBUG_WRITE;
		abi_send_debug(c, &src, (uint32_t)written);
		break;
	case PACKET_FD:
		written = abi_take_program_bytes(c, &src);
		if (written == 0 && src.total > 0)
			return E_AGAIN;
		break;
	case 0:
		return E_INVAL;
	default:
		return E_BADF;
	}
	abi_put_u32(c, result, (uint32_t)written, "fd_write result pointer");
	return E_SUCCESS;
}

static uint32_t fd_read(struct abi_ctx *c, uint32_t fd, uint32_t iovs, uint32_t count,
			uint32_t result)
{
	struct abi_state *st = c->st;
	struct abi_iov dst;
	uint64_t got;

	abi_iov_init(c, &dst, iovs, count, "fd_read iovec");
	abi_check(c, result, 4, "fd_read result pointer");
	switch (fd) {
	case 0:
		if (dst.total == 0) {
			got = 0;
			break;
		}
		abi_request_stdin(c);
		abi_wait_until(c, stdin_ready, 0, ABI_FOREVER);
		got = abi_ring_to_iov(c, &st->stdin, st->stdin_buf, ABI_STDIN_CAP, &dst,
				      dst.remaining);
		abi_request_stdin(c); /* keep stdin flowing while the program works */
		break;
	case PACKET_FD:
		abi_exchange(c);
		got = abi_ring_to_iov(c, &st->program, st->program_buf, ABI_PROGRAM_CAP, &dst,
				      dst.remaining);
		if (got == 0 && dst.total > 0)
			return E_AGAIN;
		break;
	case 1:
	case 2:
		return E_INVAL;
	default:
		return E_BADF;
	}
	abi_put_u32(c, result, (uint32_t)got, "fd_read result pointer");
	return E_SUCCESS;
}

/* fdstat: u8 filetype (unknown), u16 flags at 2, u64 rights at 8, u64 inheriting at 16. */
static uint32_t fdstat(struct abi_ctx *c, uint32_t fd, uint32_t ptr)
{
	uint64_t rights;
	uint32_t flags = 0;

	abi_check(c, ptr, 24, "fd_fdstat_get result pointer");
	if (fd == 0) {
		rights = RIGHT_FD_READ | RIGHT_POLL_FD_READWRITE;
	} else if (fd == 1 || fd == 2) {
		rights = RIGHT_FD_WRITE | RIGHT_POLL_FD_READWRITE;
	} else if (fd == PACKET_FD) {
		rights = RIGHT_FD_READ | RIGHT_FD_WRITE | RIGHT_POLL_FD_READWRITE;
		flags = FDFLAG_NONBLOCK;
	} else {
		return E_BADF;
	}
	abi_zero(c->mem + ptr, 24);
	c->mem[ptr + 2] = (uint8_t)flags;
	abi_put_u64(c, ptr + 8, rights, "fd_fdstat_get result pointer");
	return E_SUCCESS;
}

static uint32_t filestat(struct abi_ctx *c, uint32_t fd, uint32_t ptr)
{
	uint32_t size = c->unstable ? 56 : 64;

	abi_check(c, ptr, size, "fd_filestat_get result pointer");
	if (!is_open(fd))
		return E_BADF;
	abi_zero(c->mem + ptr, size);
	return E_SUCCESS;
}

/* ---- clocks (WasiClocks): rounded down to the policy resolution ---- */

int64_t abi_clock_value(struct abi_ctx *c, uint32_t id)
{
	uint64_t r = c->area->time_resolution_ns;
	int64_t t;

	if (id == 0)
		t = abi_plat_clock(ABI_CLOCK_REALTIME);
	else
		t = abi_plat_clock(ABI_CLOCK_PROGRAM) - (int64_t)c->area->monotonic_base_ns;
	/* floor modulo: a negative value rounds towards minus infinity */
	return t - (int64_t)(((t % (int64_t)r) + (int64_t)r) % (int64_t)r);
}

static uint32_t clock_res_get(struct abi_ctx *c, uint32_t id, uint32_t ptr)
{
	abi_check(c, ptr, 8, "clock_res_get result pointer");
	if (id > 3)
		return E_INVAL;
	abi_put_u64(c, ptr, c->area->time_resolution_ns, "clock_res_get result pointer");
	return E_SUCCESS;
}

static uint32_t clock_time_get(struct abi_ctx *c, uint32_t id, uint32_t ptr)
{
	abi_check(c, ptr, 8, "clock_time_get result pointer");
	if (id == 2 || id == 3) {
		struct abi_msg m;

		abi_msg_begin(c, &m);
		abi_msg_str(&m, "CPU-time clock ");
		abi_msg_u64(&m, id);
		abi_msg_str(&m, " is not available");
		abi_msg_stop(c, &m, GATE_ABI_STOP_DEFICIENCY);
	}
	if (id > 1)
		return E_INVAL;
	abi_put_u64(c, ptr, (uint64_t)abi_clock_value(c, id), "clock_time_get result pointer");
	return E_SUCCESS;
}

/* ---- args and environ (WasiArgs): the lists the JVM wrote into the area ---- */

/* The list's bytes, checked here rather than on every call (it may be long). */
static const uint8_t *strings_checked(struct abi_ctx *c, int env)
{
	uint32_t off = env ? c->area->env_offset : c->area->args_offset;
	uint32_t size = env ? c->area->env_size : c->area->args_size;

	if (!strings_ok((const uint8_t *)c->area, off, size))
		abi_stop(c, GATE_ABI_STOP_NONE, "the argument or environment list is malformed");
	return (const uint8_t *)c->area + off;
}

static uint32_t strings_sizes(struct abi_ctx *c, int env, uint32_t count_ptr, uint32_t size_ptr)
{
	uint32_t size = env ? c->area->env_size : c->area->args_size;
	const uint8_t *p = strings_checked(c, env);

	abi_check(c, count_ptr, 4, "count pointer");
	abi_check(c, size_ptr, 4, "buffer size pointer");
	abi_put_u32(c, count_ptr, abi_le32(p), "count pointer");
	abi_put_u32(c, size_ptr, size - 4, "buffer size pointer");
	return E_SUCCESS;
}

static uint32_t strings_get(struct abi_ctx *c, int env, uint32_t array, uint32_t buf)
{
	uint32_t size = env ? c->area->env_size : c->area->args_size;
	const uint8_t *p = strings_checked(c, env);
	uint32_t count = abi_le32(p), i, at = 4;

	abi_check(c, array, 4ull * count, "string pointer array");
	abi_check(c, buf, size - 4, "string buffer");
	abi_copy(c->mem + buf, p + 4, size - 4);
	for (i = 0; i < count; i++) {
		abi_put_le32(c->mem + array + 4ull * i, buf + (at - 4));
		while (p[at])
			at++;
		at++;
	}
	return E_SUCCESS;
}

/* ---- random_get (WasiRandom) from the pool the JVM refills ---- */

static uint32_t random_get(struct abi_ctx *c, uint32_t ptr, uint32_t len)
{
	struct gate_abi_area *a = c->area;
	struct abi_state *st = c->st;
	uint8_t *pool = (uint8_t *)a + a->random_offset;

	abi_check(c, ptr, len, "random_get buffer");
	if (st->random_ptr != ptr || st->random_len != len)
		st->random_done = 0; /* not the retry of a call a RANDOM stop interrupted */
	if (st->random_done == 0 && a->random_used + len > a->random_limit) {
		struct abi_msg m;

		abi_msg_begin(c, &m);
		abi_msg_str(&m, "random_get of ");
		abi_msg_u64(&m, len);
		abi_msg_str(&m, " bytes exceeds the limit of ");
		abi_msg_u64(&m, a->random_limit);
		abi_msg_str(&m, " bytes (");
		abi_msg_u64(&m, a->random_used);
		abi_msg_str(&m, " used)");
		abi_msg_stop(c, &m, GATE_ABI_STOP_DEFICIENCY);
	}
	while (st->random_done < len) {
		uint32_t n = len - st->random_done;

		if (a->random_count == 0) {
			st->random_ptr = ptr;
			st->random_len = len;
			abi_stop(c, GATE_ABI_STOP_RANDOM, 0);
		}
		if (n > a->random_count)
			n = a->random_count;
		/* the top of the pool first; used bytes are wiped, none is handed out twice */
		abi_copy(c->mem + ptr + st->random_done, pool + a->random_count - n, n);
		abi_zero(pool + a->random_count - n, n);
		a->random_count -= n;
		a->random_used += n;
		st->random_done += n;
	}
	st->random_done = 0;
	st->random_ptr = 0;
	st->random_len = 0;
	return E_SUCCESS;
}

/* ---- dispatch ---- */

static int output_flushed(struct abi_ctx *c, void *arg)
{
	(void)arg;
	return c->st->output.len == 0;
}

static uint32_t wasi(struct abi_ctx *c, uint32_t id, const uint64_t *a)
{
	uint32_t a0 = arg32(a, 0), a1 = arg32(a, 1), a2 = arg32(a, 2), a3 = arg32(a, 3);

	switch (id) {
	case GATE_ABI_FN_FD:
		return PACKET_FD;
	case GATE_ABI_FN_ARGS_SIZES_GET:
		return strings_sizes(c, 0, a0, a1);
	case GATE_ABI_FN_ARGS_GET:
		return strings_get(c, 0, a0, a1);
	case GATE_ABI_FN_ENVIRON_SIZES_GET:
		return strings_sizes(c, 1, a0, a1);
	case GATE_ABI_FN_ENVIRON_GET:
		return strings_get(c, 1, a0, a1);
	case GATE_ABI_FN_CLOCK_RES_GET:
		return clock_res_get(c, a0, a1);
	case GATE_ABI_FN_CLOCK_TIME_GET:
		return clock_time_get(c, a0, a2);
	case GATE_ABI_FN_FD_WRITE:
		return fd_write(c, a0, a1, a2, a3);
	case GATE_ABI_FN_FD_READ:
		return fd_read(c, a0, a1, a2, a3);
	case GATE_ABI_FN_FD_FDSTAT_GET:
		return fdstat(c, a0, a1);
	case GATE_ABI_FN_FD_FILESTAT_GET:
		return filestat(c, a0, a1);
	case GATE_ABI_FN_FD_FDSTAT_SET_FLAGS:
		return is_open(a0) ? E_PERM : E_BADF;
	case GATE_ABI_FN_FD_PRESTAT_GET:
	case GATE_ABI_FN_FD_PRESTAT_DIR_NAME:
		return E_BADF; /* no preopened directories: ends wasi-libc's scan */
	case GATE_ABI_FN_POLL_ONEOFF:
		return abi_poll_oneoff(c, a0, a1, a2, a3);
	case GATE_ABI_FN_PROC_EXIT:
		abi_wait_until(c, output_flushed, 0, ABI_FOREVER);
		c->area->exit_value = a0;
		abi_stop(c, GATE_ABI_STOP_EXIT, 0);
	case GATE_ABI_FN_SCHED_YIELD:
		abi_exchange(c);
		return E_SUCCESS;
	case GATE_ABI_FN_PROC_RAISE:
		return E_NOSYS;
	case GATE_ABI_FN_RANDOM_GET:
		return random_get(c, a0, a1);
	case GATE_ABI_FN_ESPIPE_GROUP:
		return is_open(a0) ? E_SPIPE : E_BADF;
	case GATE_ABI_FN_ENOTSUP_GROUP:
		return is_open(a0) ? E_NOTSUP : E_BADF;
	case GATE_ABI_FN_ENOENT_GROUP:
		return E_NOENT;
	default: /* GATE_ABI_FN_ENOTSOCK_GROUP */
		return E_NOTSOCK;
	}
}

void abi_call(struct abi_ctx *c, uint32_t function, uint64_t *slots)
{
	struct gate_abi_area *a = c->area;
	uint32_t binding, id;

	c->st = (struct abi_state *)((uint8_t *)a + a->state_offset);
	if (function >= a->import_count)
		abi_stop(c, GATE_ABI_STOP_NONE, "no binding for the imported function");
	binding = ((const uint16_t *)((const uint8_t *)a + a->bindings_offset))[function];
	id = binding & GATE_ABI_FN_ID_MASK;
	if ((binding & ~(GATE_ABI_FN_ID_MASK | GATE_ABI_FN_UNSTABLE)) || id == GATE_ABI_FN_NONE ||
	    id > GATE_ABI_FN_MAX)
		abi_stop(c, GATE_ABI_STOP_NONE, "bad binding for the imported function");
	c->unstable = (binding & GATE_ABI_FN_UNSTABLE) != 0;
	/* The JVM creates the state zeroed (untouched pages cost nothing: no clearing here). */
	if (c->st->magic == 0)
		c->st->magic = ABI_STATE_MAGIC;
	if (!state_valid(c->st))
		abi_stop(c, GATE_ABI_STOP_NONE, "the ABI state is damaged");
	if (id == GATE_ABI_FN_IO) {
		gate_io(c, slots);
		return;
	}
	slots[0] = wasi(c, id, slots);
}
