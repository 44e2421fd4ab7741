/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The two packet streams (gate.abi PacketInput, PacketOutput, SendRules, Blocking):
 * fd 0 is split by code into the stdio channel and the program's packet input; the
 * program's send stream is framed and validated before a byte of a packet is queued
 * for fd 1, where whole packets only go, the program's and the ABI's own.
 */
#include "abi.h"

/* ---- input (README §1) ---- */

static __attribute__((noreturn)) void bad_input(struct abi_ctx *c, uint32_t size)
{
	struct abi_msg m;

	abi_msg_begin(c, &m);
	abi_msg_str(&m, "session packet size ");
	abi_msg_u64(&m, size);
	abi_msg_str(&m, " is outside [8, 65536]");
	abi_msg_stop(c, &m, GATE_ABI_STOP_INPUT);
}

static void dispatch(struct abi_ctx *c, const uint8_t *p, uint32_t size, uint32_t padded)
{
	struct abi_state *st = c->st;
	int code = (int16_t)(p[4] | p[5] << 8);
	int domain = p[6] & 0x0f;

	if (code == ABI_CODE_STDIO) {
		abi_stdio_receive(c, domain, p + ABI_HEADER, size - ABI_HEADER);
		return;
	}
	if (code == ABI_CODE_DISCOVERY && (domain == ABI_DOMAIN_CALL || domain == ABI_DOMAIN_INFO) &&
	    size >= ABI_HEADER + 2) {
		uint32_t total = p[8] | p[9] << 8;

		if (total > ABI_MAX_SERVICES)
			total = ABI_MAX_SERVICES;
		if (total > st->discovered)
			st->discovered = total;
	}
	abi_ring_put(&st->program, st->program_buf, ABI_PROGRAM_CAP, p, padded);
}

static void dispatch_whole_packets(struct abi_ctx *c)
{
	struct abi_state *st = c->st;
	uint32_t at = 0;

	while (st->input_fill - at >= ABI_HEADER) {
		uint32_t size = abi_le32(st->input + at);
		uint32_t padded;

		if (size < ABI_HEADER || size > ABI_PACKET_MAX)
			bad_input(c, size);
		padded = abi_padded(size);
		if (st->input_fill - at < padded)
			break;
		dispatch(c, st->input + at, size, padded);
		at += padded;
	}
	/* memmove: the source lies above the destination, a forward copy is safe. */
	if (at) {
		uint32_t i, left = st->input_fill - at;

		for (i = 0; i < left; i++)
			st->input[i] = st->input[at + i];
		st->input_fill = left;
	}
}

int abi_accepting(struct abi_ctx *c)
{
	return !c->st->input_ended && c->st->program.len < ABI_PROGRAM_QUEUE_LIMIT;
}

void abi_read_available(struct abi_ctx *c)
{
	struct abi_state *st = c->st;

	while (abi_accepting(c)) {
		long n = abi_plat_read(st->input + st->input_fill, ABI_INPUT_BUFFER - st->input_fill);

		if (n == -ABI_EAGAIN)
			return;
		if (n <= 0) {
			st->input_ended = 1;
			abi_stdio_session_ended(c);
			return;
		}
		st->input_fill += (uint32_t)n;
		dispatch_whole_packets(c);
	}
}

/* ---- output ---- */

uint64_t abi_output_limit(struct abi_ctx *c)
{
	return 2ull * c->area->max_send_size;
}

int abi_output_room(struct abi_ctx *c)
{
	return c->st->output.len < abi_output_limit(c);
}

void abi_flush(struct abi_ctx *c)
{
	struct abi_ring *r = &c->st->output;

	while (r->len) {
		uint32_t k = ABI_OUTPUT_CAP - r->head < r->len ? ABI_OUTPUT_CAP - r->head : r->len;
		long n = abi_plat_write(c->st->output_buf + r->head, k);

		if (n == -ABI_EAGAIN || n == 0)
			return;
		if (n < 0 || (uint64_t)n > k) {
			/* The JVM's end is gone: nothing will ever read what is queued. */
			r->len = 0;
		} else {
			r->head = (r->head + (uint32_t)n) % ABI_OUTPUT_CAP;
			r->len -= (uint32_t)n;
		}
	}
	r->head = 0;
}

void abi_exchange(struct abi_ctx *c)
{
	abi_flush(c);
	abi_read_available(c);
}

/* ---- send rules (README §3) ---- */

static __attribute__((noreturn)) void violation2(struct abi_ctx *c, const char *a, int64_t n,
						 const char *b)
{
	struct abi_msg m;

	abi_msg_begin(c, &m);
	abi_msg_str(&m, a);
	abi_msg_i64(&m, n);
	abi_msg_str(&m, b);
	abi_msg_stop(c, &m, GATE_ABI_STOP_VIOLATION);
}

static uint32_t checked_header(struct abi_ctx *c)
{
	struct abi_state *st = c->st;
	uint32_t size = abi_le32(st->partial);
	int code = (int16_t)(st->partial[4] | st->partial[5] << 8);
	uint32_t domain = st->partial[6];
	uint32_t index = st->partial[7];

	if (code >= 0 && (uint32_t)code >= st->discovered)
		abi_read_available(c); /* a discovery reply already in the pipe counts */
	if (size < ABI_HEADER || size > c->area->max_send_size) {
		struct abi_msg m;

		abi_msg_begin(c, &m);
		abi_msg_str(&m, "packet size ");
		abi_msg_u64(&m, size);
		abi_msg_str(&m, " is outside [8, ");
		abi_msg_u64(&m, c->area->max_send_size);
		abi_msg_str(&m, "]");
		abi_msg_stop(c, &m, GATE_ABI_STOP_VIOLATION);
	}
	if (domain > ABI_DOMAIN_DATA)
		violation2(c, "packet domain byte ", domain, " is not 0..3 (high bits must be zero)");
	if (index != 0)
		violation2(c, "packet index ", index, " must be 0 when sent");
	if (code == ABI_CODE_DISCOVERY) {
		if (domain != ABI_DOMAIN_CALL)
			violation2(c, "code -1 is only for discovery calls, not domain ", domain, "");
	} else if (code == ABI_CODE_STDIO) {
		abi_stop(c, GATE_ABI_STOP_VIOLATION, "code -2 is reserved for the ABI's stdio channel");
	} else if (code < 0) {
		violation2(c, "negative code ", code, " is reserved");
	} else if ((uint32_t)code >= st->discovered) {
		struct abi_msg m;

		abi_msg_begin(c, &m);
		abi_msg_str(&m, "code ");
		abi_msg_u64(&m, (uint32_t)code);
		abi_msg_str(&m, " was not discovered (");
		abi_msg_u64(&m, st->discovered);
		abi_msg_str(&m, " known)");
		abi_msg_stop(c, &m, GATE_ABI_STOP_VIOLATION);
	}
	if (domain == ABI_DOMAIN_DATA && size < ABI_HEADER + ABI_DATA_PREFIX)
		violation2(c, "data packet of ", size, " bytes lacks stream id and note");
	if (domain == ABI_DOMAIN_FLOW && (size - ABI_HEADER) % 8 != 0)
		violation2(c, "flow packet content of ", size - ABI_HEADER, " bytes is not whole entries");
	return size;
}

/* A discovery request: u16 count (<= 256), then count names of 1..127 bytes, exactly. */
static void check_content(struct abi_ctx *c, uint32_t size)
{
	const uint8_t *p = c->st->partial;
	uint32_t at = ABI_HEADER, count, i;

	if ((int16_t)(p[4] | p[5] << 8) != ABI_CODE_DISCOVERY)
		return;
	if (size < at + 2)
		abi_stop(c, GATE_ABI_STOP_VIOLATION, "discovery request lacks its name count");
	count = p[at] | p[at + 1] << 8;
	at += 2;
	if (count > ABI_MAX_SERVICES)
		violation2(c, "discovery request names ", count, " services, more than 256");
	for (i = 0; i < count; i++) {
		uint32_t length;

		if (at >= size)
			violation2(c, "discovery request ends before name ", i, "");
		length = p[at];
		if (length < 1 || length > ABI_MAX_NAME) {
			struct abi_msg m;

			abi_msg_begin(c, &m);
			abi_msg_str(&m, "discovery name ");
			abi_msg_u64(&m, i);
			abi_msg_str(&m, " has length ");
			abi_msg_u64(&m, length);
			abi_msg_str(&m, ", not 1..127");
			abi_msg_stop(c, &m, GATE_ABI_STOP_VIOLATION);
		}
		at += 1 + length;
		if (at > size)
			violation2(c, "discovery name ", i, " runs past the packet");
	}
	if (at != size)
		violation2(c, "", size - at, " bytes follow the last discovery name");
}

static void complete_packet(struct abi_ctx *c)
{
	struct abi_state *st = c->st;
	uint32_t size = st->partial_size, padded = abi_padded(size);

	check_content(c, size);
	abi_zero(st->partial + size, padded - size); /* the session gets zero padding */
	abi_ring_put(&st->output, st->output_buf, ABI_OUTPUT_CAP, st->partial, padded);
	st->partial_fill = 0;
	st->partial_size = 0;
}

uint64_t abi_take_program_bytes(struct abi_ctx *c, struct abi_iov *src)
{
	struct abi_state *st = c->st;
	uint64_t taken = 0;

	while (src->remaining && abi_output_room(c)) {
		uint32_t want = st->partial_size ? abi_padded(st->partial_size) - st->partial_fill
						 : ABI_HEADER - st->partial_fill;
		uint32_t n = src->remaining < want ? (uint32_t)src->remaining : want;

		abi_iov_take(c, src, st->partial + st->partial_fill, n);
		st->partial_fill += n;
		taken += n;
		if (!st->partial_size && st->partial_fill == ABI_HEADER)
			st->partial_size = checked_header(c);
		if (st->partial_size && st->partial_fill == abi_padded(st->partial_size))
			complete_packet(c);
	}
	abi_flush(c);
	return taken;
}

/*
 * Debug output (fd 2) as a code -3 data packet of the runtime's channel (contract
 * §7): header, stream 0, note 0, then the bytes. Waits (interruptibly) for room.
 */
static int debug_fits(struct abi_ctx *c, void *arg)
{
	return ABI_OUTPUT_CAP - c->st->output.len >= *(uint32_t *)arg;
}

void abi_send_debug(struct abi_ctx *c, struct abi_iov *src, uint32_t n)
{
	struct abi_state *st = c->st;
	uint32_t size = ABI_HEADER + ABI_DATA_PREFIX + n, padded = abi_padded(size);
	uint8_t head[16] = { 0 };
	static const uint8_t zero[8] = { 0 };

	abi_wait_until(c, debug_fits, &padded, ABI_FOREVER);
	abi_put_le32(head, size);
	head[4] = (uint8_t)GATE_ABI_CODE_RUNTIME;
	head[5] = 0xff;
	head[6] = ABI_DOMAIN_DATA;
	abi_ring_put(&st->output, st->output_buf, ABI_OUTPUT_CAP, head, sizeof head);
	abi_ring_from_iov(c, &st->output, st->output_buf, ABI_OUTPUT_CAP, src, n);
	abi_ring_put(&st->output, st->output_buf, ABI_OUTPUT_CAP, zero, padded - size);
	abi_flush(c);
}

/* ---- waiting (README §5) ---- */

int abi_wait_until(struct abi_ctx *c, abi_ready_fn ready, void *arg, int64_t deadline)
{
	for (;;) {
		int64_t now;
		int r;

		abi_exchange(c);
		if (ready(c, arg))
			return 1;
		now = abi_plat_clock(ABI_CLOCK_DEADLINE);
		if (deadline != ABI_FOREVER && now >= deadline)
			return 0;
		/* An ended stream is always readable, and input the ABI does not take stays
		 * readable: waiting for either would spin. */
		r = abi_plat_wait(abi_accepting(c), c->st->output.len != 0,
				  deadline == ABI_FOREVER ? -1 : deadline - now);
		if (r == ABI_WAIT_SUSPENDED)
			abi_stop(c, GATE_ABI_STOP_SUSPENDED, 0);
	}
}

void abi_flush_at_exit(struct abi_ctx *c)
{
	for (;;) {
		abi_flush(c);
		if (c->st->output.len == 0)
			return;
		abi_plat_wait_writable();
	}
}
