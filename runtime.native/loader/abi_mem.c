/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The ABI's view of the program's memory (gate.abi GuestMemory, IoVecs): every
 * pointer and length is a u32 program value, checked against the current memory
 * size before any byte moves; out of bounds is an ABI violation (README §3). Also
 * the byte rings of the ABI state and the reason texts of stops.
 */
#include "abi.h"

typedef uint64_t __attribute__((may_alias, aligned(1))) unaligned_u64;

void abi_copy(void *dst, const void *src, uint64_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	for (; n >= 8; n -= 8, d += 8, s += 8)
		*(unaligned_u64 *)d = *(const unaligned_u64 *)s;
	while (n--)
		*d++ = *s++;
}

void abi_zero(void *dst, uint64_t n)
{
	uint8_t *d = dst;

	for (; n >= 8; n -= 8, d += 8)
		*(unaligned_u64 *)d = 0;
	while (n--)
		*d++ = 0;
}

/* ---- reason texts (README §3: the reason goes to the debug output) ---- */

void abi_msg_begin(struct abi_ctx *c, struct abi_msg *m)
{
	m->buf = (char *)c->area + c->area->message_offset;
	m->len = 0;
}

void abi_msg_str(struct abi_msg *m, const char *s)
{
	while (*s && m->len < GATE_ABI_MESSAGE_SIZE)
		m->buf[m->len++] = *s++;
}

void abi_msg_u64(struct abi_msg *m, uint64_t v)
{
	char digits[24];
	int n = 0;

	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n && m->len < GATE_ABI_MESSAGE_SIZE)
		m->buf[m->len++] = digits[--n];
}

void abi_msg_i64(struct abi_msg *m, int64_t v)
{
	if (v < 0) {
		abi_msg_str(m, "-");
		abi_msg_u64(m, -(uint64_t)v);
	} else {
		abi_msg_u64(m, (uint64_t)v);
	}
}

void abi_msg_stop(struct abi_ctx *c, struct abi_msg *m, uint32_t reason)
{
	c->area->message_len = m->len;
	c->area->stop_reason = reason;
	abi_plat_stop(c);
}

void abi_stop(struct abi_ctx *c, uint32_t reason, const char *msg)
{
	struct abi_msg m;

	abi_msg_begin(c, &m);
	if (msg)
		abi_msg_str(&m, msg);
	abi_msg_stop(c, &m, reason);
}

/* ---- pointers ---- */

/* "WHAT[ SUFFIX][ INDEX] [start, end) is outside memory of N bytes" (GuestMemory.check). */
static __attribute__((noreturn)) void outside(struct abi_ctx *c, const char *what, const char *suffix,
					      int64_t index, uint64_t start, uint64_t len)
{
	struct abi_msg m;

	abi_msg_begin(c, &m);
	abi_msg_str(&m, what);
	abi_msg_str(&m, suffix);
	if (index >= 0) {
		abi_msg_str(&m, " ");
		abi_msg_u64(&m, (uint64_t)index);
	}
	if (!c->has_memory) {
		abi_msg_str(&m, " given, but the program has no memory");
	} else {
		abi_msg_str(&m, " [");
		abi_msg_u64(&m, start);
		abi_msg_str(&m, ", ");
		abi_msg_u64(&m, start + len);
		abi_msg_str(&m, ") is outside memory of ");
		abi_msg_u64(&m, c->mem_size);
		abi_msg_str(&m, " bytes");
	}
	abi_msg_stop(c, &m, GATE_ABI_STOP_VIOLATION);
}

void abi_check(struct abi_ctx *c, uint32_t ptr, uint64_t len, const char *what)
{
	if (!c->has_memory || (uint64_t)ptr + len > c->mem_size)
		outside(c, what, "", -1, ptr, len);
}

void abi_put_u32(struct abi_ctx *c, uint32_t ptr, uint32_t v, const char *what)
{
	abi_check(c, ptr, 4, what);
	abi_put_le32(c->mem + ptr, v);
}

void abi_put_u64(struct abi_ctx *c, uint32_t ptr, uint64_t v, const char *what)
{
	abi_check(c, ptr, 8, what);
	abi_put_le32(c->mem + ptr, (uint32_t)v);
	abi_put_le32(c->mem + ptr + 4, (uint32_t)(v >> 32));
}

/* Reads at a checked address. */
uint32_t abi_get_u32(struct abi_ctx *c, uint64_t at)
{
	return abi_le32(c->mem + at);
}

uint64_t abi_get_u64(struct abi_ctx *c, uint64_t at)
{
	return abi_le32(c->mem + at) | (uint64_t)abi_le32(c->mem + at + 4) << 32;
}

/* ---- iovecs: u32 pointer, u32 length ---- */

/* Entry @i, checked against memory (again on every use: a receive may have
 * overwritten the array, which must not let a later entry escape). */
static void iov_entry(struct abi_ctx *c, struct abi_iov *v, uint32_t i, uint32_t *ptr, uint32_t *len)
{
	uint64_t at = (uint64_t)v->ptr + 8ull * i;

	if (i >= v->count || at + 8 > c->mem_size) {
		struct abi_msg m;

		/* Only a receive into the array itself can shorten it during the call. */
		abi_msg_begin(c, &m);
		abi_msg_str(&m, v->what);
		abi_msg_str(&m, " array changed during the call");
		abi_msg_stop(c, &m, GATE_ABI_STOP_VIOLATION);
	}
	*ptr = abi_get_u32(c, at);
	*len = abi_get_u32(c, at + 4);
	if ((uint64_t)*ptr + *len > c->mem_size)
		outside(c, v->what, "", i, *ptr, *len);
}

void abi_iov_init(struct abi_ctx *c, struct abi_iov *v, uint32_t ptr, uint32_t count,
		  const char *what)
{
	uint32_t i, p, l;

	v->ptr = ptr;
	v->count = count;
	v->index = 0;
	v->offset = 0;
	v->total = 0;
	v->what = what;
	if (count > ABI_MAX_IOVECS) {
		struct abi_msg m;

		abi_msg_begin(c, &m);
		abi_msg_str(&m, what);
		abi_msg_str(&m, " count ");
		abi_msg_u64(&m, count);
		abi_msg_str(&m, " exceeds 1048576");
		abi_msg_stop(c, &m, GATE_ABI_STOP_VIOLATION);
	}
	if (!c->has_memory || (uint64_t)ptr + 8ull * count > c->mem_size)
		outside(c, what, " array", -1, ptr, 8ull * count);
	for (i = 0; i < count; i++) {
		iov_entry(c, v, i, &p, &l);
		v->total += l;
	}
	v->remaining = v->total;
}

/* The next contiguous piece of at most @n bytes: its address in memory. */
static uint8_t *iov_next(struct abi_ctx *c, struct abi_iov *v, uint32_t *n)
{
	uint32_t p, l;

	for (;;) {
		iov_entry(c, v, v->index, &p, &l);
		if (v->offset < l)
			break;
		v->index++;
		v->offset = 0;
	}
	if (*n > l - v->offset)
		*n = l - v->offset;
	p += v->offset;
	v->offset += *n;
	v->remaining -= *n;
	return c->mem + p;
}

void abi_iov_take(struct abi_ctx *c, struct abi_iov *v, uint8_t *dst, uint32_t n)
{
	while (n) {
		uint32_t k = n;
		uint8_t *src = iov_next(c, v, &k);

		abi_copy(dst, src, k);
		dst += k;
		n -= k;
	}
}

void abi_iov_put(struct abi_ctx *c, struct abi_iov *v, const uint8_t *src, uint32_t n)
{
	while (n) {
		uint32_t k = n;
		uint8_t *dst = iov_next(c, v, &k);

		abi_copy(dst, src, k);
		src += k;
		n -= k;
	}
}

/* ---- rings ---- */

void abi_ring_put(struct abi_ring *r, uint8_t *buf, uint32_t cap, const uint8_t *src, uint32_t n)
{
	uint32_t tail = (r->head + r->len) % cap;
	uint32_t first = n < cap - tail ? n : cap - tail;

	abi_copy(buf + tail, src, first);
	abi_copy(buf, src + first, n - first);
	r->len += n;
}

void abi_ring_from_iov(struct abi_ctx *c, struct abi_ring *r, uint8_t *buf, uint32_t cap,
		       struct abi_iov *v, uint32_t n)
{
	while (n) {
		uint32_t tail = (r->head + r->len) % cap;
		uint32_t k = cap - tail < n ? cap - tail : n;

		abi_iov_take(c, v, buf + tail, k);
		r->len += k;
		n -= k;
	}
}

uint32_t abi_ring_to_iov(struct abi_ctx *c, struct abi_ring *r, const uint8_t *buf, uint32_t cap,
			 struct abi_iov *v, uint64_t max)
{
	uint32_t n = max < r->len ? (uint32_t)max : r->len;
	uint32_t left = n;

	while (left) {
		uint32_t k = cap - r->head < left ? cap - r->head : left;

		abi_iov_put(c, v, buf + r->head, k);
		r->head = (r->head + k) % cap;
		r->len -= k;
		left -= k;
	}
	if (r->len == 0)
		r->head = 0;
	return n;
}
