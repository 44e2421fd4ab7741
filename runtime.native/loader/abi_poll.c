/* SPDX-License-Identifier: Apache-2.0 */
/*
 * poll_oneoff(in, out, nsubscriptions, nevents_ptr) (gate.abi WasiPoll): fd
 * subscriptions on 0 (read: stdin has bytes or ended; asking grants stdin capacity),
 * 1 (write: stdout credit, or hang-up when closed), 2 (write: always) and 4 (read:
 * packet input; write: output room); other fds report EBADF. Clock subscriptions on
 * the realtime and monotonic clocks, relative or absolute, really wait. Subscriptions
 * are read from the program's memory as they are when the call starts (the program
 * does not run meanwhile); the events are written after all readiness is known.
 */
#include "abi.h"

#define EVENT_SIZE 32u
#define TAG_CLOCK 0u
#define TAG_FD_READ 1u
#define TAG_FD_WRITE 2u
#define SUBCLOCK_ABSTIME 1u
#define EVENT_FD_HANGUP 1u
#define MAX_TIMEOUT (INT64_MAX / 2)
#define E_BADF 8u
#define E_INVAL 28u
#define PACKET_FD 4u

struct poll_call {
	uint64_t subs;      /* address of the subscriptions in memory */
	uint32_t sub_size;  /* 48 (preview1) or 56 (wasi_unstable) */
	uint32_t n;
	int64_t start;      /* ABI_CLOCK_DEADLINE at the call */
	int64_t realtime;   /* the program's clocks at the call */
	int64_t monotonic;
};

struct sub {
	uint64_t userdata;
	uint32_t tag;
	uint32_t fd;
	uint32_t clock_error;
	int64_t deadline;
};

/* subscription: u64 userdata, u8 tag at 8, then at 16 the clock or fd_readwrite body;
 * preview 0 has a u64 identifier at 16 and the clock fields 8 bytes later. */
static void parse(struct abi_ctx *c, const struct poll_call *p, uint32_t i, struct sub *s)
{
	uint64_t at = p->subs + (uint64_t)i * p->sub_size;
	uint32_t shift = c->unstable ? 8 : 0;
	uint32_t id, flags;
	uint64_t timeout, current;
	int64_t wait;

	s->userdata = abi_get_u64(c, at);
	s->tag = c->mem[at + 8];
	s->fd = 0;
	s->clock_error = 0;
	s->deadline = p->start;
	if (s->tag != TAG_CLOCK) {
		s->fd = abi_get_u32(c, at + 16);
		return;
	}
	id = abi_get_u32(c, at + 16 + shift);
	timeout = abi_get_u64(c, at + 24 + shift);
	flags = c->mem[at + 40 + shift] | c->mem[at + 41 + shift] << 8;
	if (id != 0 && id != 1) {
		s->clock_error = E_INVAL;
		return;
	}
	if (!(flags & SUBCLOCK_ABSTIME)) {
		wait = (int64_t)timeout;
	} else {
		current = (uint64_t)(id == 0 ? p->realtime : p->monotonic);
		wait = timeout <= current ? 0 : (int64_t)(timeout - current);
	}
	if (wait < 0 || wait > MAX_TIMEOUT)
		wait = MAX_TIMEOUT; /* an unsigned timeout beyond i64: wait as long as we can */
	s->deadline = p->start + wait;
}

static int is_ready(struct abi_ctx *c, const struct sub *s)
{
	switch (s->tag) {
	case TAG_CLOCK:
		return s->clock_error || abi_plat_clock(ABI_CLOCK_DEADLINE) >= s->deadline;
	case TAG_FD_READ:
		if (s->fd == 0)
			return abi_stdin_ready(c);
		if (s->fd == PACKET_FD)
			return c->st->program.len != 0;
		return 1; /* EBADF event */
	case TAG_FD_WRITE:
		if (s->fd == 1)
			return abi_can_write_stdout(c) || c->st->stdout_closed;
		if (s->fd == PACKET_FD)
			return abi_output_room(c);
		return 1; /* fd 2 is always writable; others are an EBADF event */
	default:
		return 1; /* unknown tag: an EINVAL event */
	}
}

static int any_ready(struct abi_ctx *c, void *arg)
{
	const struct poll_call *p = arg;
	struct sub s;
	uint32_t i;

	for (i = 0; i < p->n; i++) {
		parse(c, p, i, &s);
		if (is_ready(c, &s))
			return 1;
	}
	return 0;
}

/* event: u64 userdata, u16 error at 8, u8 type at 10, for fd events u64 nbytes at 16
 * and u16 flags at 24; the rest zero. */
static void write_event(struct abi_ctx *c, uint64_t at, const struct sub *s)
{
	uint8_t *e = c->mem + at;
	uint32_t error = 0, flags = 0;
	uint64_t nbytes = 0;
	int read = s->tag == TAG_FD_READ;
	struct abi_state *st = c->st;

	abi_zero(e, EVENT_SIZE);
	if (s->tag == TAG_CLOCK) {
		error = s->clock_error;
	} else if (s->tag != TAG_FD_READ && s->tag != TAG_FD_WRITE) {
		error = E_INVAL;
	} else if (read && s->fd == 0) {
		nbytes = st->stdin.len;
		flags = nbytes == 0 ? EVENT_FD_HANGUP : 0;
	} else if (read && s->fd == PACKET_FD) {
		nbytes = st->program.len;
	} else if (!read && s->fd == 1) {
		nbytes = st->stdout_closed ? 0 : (uint64_t)st->stdout_credit;
		flags = st->stdout_closed ? EVENT_FD_HANGUP : 0;
	} else if (!read && s->fd == 2) {
		nbytes = ABI_MAX_DEBUG_WRITE;
	} else if (!read && s->fd == PACKET_FD) {
		nbytes = abi_output_limit(c);
	} else {
		error = E_BADF;
	}
	abi_put_le32(e, (uint32_t)s->userdata);
	abi_put_le32(e + 4, (uint32_t)(s->userdata >> 32));
	e[8] = (uint8_t)error;
	e[10] = (uint8_t)s->tag;
	if ((s->tag == TAG_FD_READ || s->tag == TAG_FD_WRITE) && error == 0) {
		abi_put_le32(e + 16, (uint32_t)nbytes);
		abi_put_le32(e + 20, (uint32_t)(nbytes >> 32));
		e[24] = (uint8_t)flags;
	}
}

uint32_t abi_poll_oneoff(struct abi_ctx *c, uint32_t in, uint32_t out, uint32_t n, uint32_t nevents)
{
	struct poll_call p;
	struct sub s;
	int64_t earliest = ABI_FOREVER;
	uint32_t i, ready = 0;
	uint8_t *bits = c->st->poll_ready;

	if (n > ABI_MAX_SUBSCRIPTIONS) {
		struct abi_msg m;

		abi_msg_begin(c, &m);
		abi_msg_str(&m, "poll_oneoff with ");
		abi_msg_u64(&m, n);
		abi_msg_str(&m, " subscriptions, more than 65536");
		abi_msg_stop(c, &m, GATE_ABI_STOP_VIOLATION);
	}
	p.sub_size = c->unstable ? 56 : 48;
	abi_check(c, in, (uint64_t)n * p.sub_size, "poll_oneoff subscriptions");
	abi_check(c, out, (uint64_t)n * EVENT_SIZE, "poll_oneoff events");
	abi_check(c, nevents, 4, "poll_oneoff event count pointer");
	if (n == 0)
		return E_INVAL;
	p.subs = in;
	p.n = n;
	p.start = abi_plat_clock(ABI_CLOCK_DEADLINE);
	p.realtime = abi_clock_value(c, 0);
	p.monotonic = abi_clock_value(c, 1);
	for (i = 0; i < n; i++) {
		parse(c, &p, i, &s);
		if (s.tag == TAG_CLOCK && s.clock_error == 0 && s.deadline < earliest)
			earliest = s.deadline;
		if (s.tag == TAG_FD_READ && s.fd == 0)
			abi_request_stdin(c);
	}
	abi_wait_until(c, any_ready, &p, earliest);
	/* Readiness of every subscription first, then the events: they may overwrite the
	 * subscriptions (the arrays may overlap). */
	for (i = 0; i < n; i++) {
		parse(c, &p, i, &s);
		if (is_ready(c, &s))
			bits[i / 8] |= (uint8_t)(1u << (i % 8));
		else
			bits[i / 8] &= (uint8_t)~(1u << (i % 8));
	}
	for (i = 0; i < n; i++) {
		if (!(bits[i / 8] & (1u << (i % 8))))
			continue;
		parse(c, &p, i, &s);
		write_event(c, out + (uint64_t)ready * EVENT_SIZE, &s);
		ready++;
	}
	abi_put_u32(c, nevents, ready, "poll_oneoff event count pointer");
	return 0;
}
