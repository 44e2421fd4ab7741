/* SPDX-License-Identifier: Apache-2.0 */
/*
 * WASI stdin and stdout as stream 0 of the reserved code -2 (README §2, gate.abi
 * StdioChannel): stdout sends within the credit the session granted, stdin grants
 * capacity only when the program reads, and buffers what arrives.
 */
#include "abi.h"

#define STREAM 0u
#define MAX_CREDIT 0x7fffffff

void abi_stdio_receive(struct abi_ctx *c, int domain, const uint8_t *p, uint32_t len)
{
	struct abi_state *st = c->st;

	if (domain == ABI_DOMAIN_FLOW) {
		for (; len >= 8; p += 8, len -= 8) {
			int32_t increment = (int32_t)abi_le32(p + 4);

			if (abi_le32(p) != STREAM)
				continue;
			if (increment > 0) {
				st->stdout_credit += increment;
				if (st->stdout_credit > MAX_CREDIT)
					st->stdout_credit = MAX_CREDIT;
			} else {
				st->stdout_closed = 1; /* 0 closes, negative is an error code */
			}
		}
	} else if (domain == ABI_DOMAIN_DATA && len >= ABI_DATA_PREFIX) {
		uint32_t n = len - ABI_DATA_PREFIX;

		if (abi_le32(p) != STREAM || st->stdin_ended)
			return;
		if (n == 0) {
			st->stdin_ended = 1;
			return;
		}
		if (n > ABI_STDIN_CAP - st->stdin.len)
			abi_stop(c, GATE_ABI_STOP_INPUT, "stdin data far beyond the capacity granted");
		abi_ring_put(&st->stdin, st->stdin_buf, ABI_STDIN_CAP, p + ABI_DATA_PREFIX, n);
		st->stdin_outstanding -= n;
		if (st->stdin_outstanding < 0)
			st->stdin_outstanding = 0;
	}
}

void abi_stdio_session_ended(struct abi_ctx *c)
{
	c->st->stdin_ended = 1;
	c->st->stdout_closed = 1;
}

int abi_can_write_stdout(struct abi_ctx *c)
{
	return !c->st->stdout_closed && c->st->stdout_credit > 0 && abi_output_room(c);
}

/* Sends as much of @src as credit and queue room allow, in packets of at most
 * max_send_size - 16 bytes; returns how many bytes. */
uint64_t abi_write_stdout(struct abi_ctx *c, struct abi_iov *src)
{
	struct abi_state *st = c->st;
	uint64_t written = 0;
	uint32_t max_chunk = c->area->max_send_size - ABI_HEADER - ABI_DATA_PREFIX;

	while (src->remaining && abi_can_write_stdout(c)) {
		uint64_t n = src->remaining;
		uint32_t size;
		uint8_t head[16] = { 0 };
		static const uint8_t zero[8] = { 0 };

		if (n > (uint64_t)st->stdout_credit)
			n = (uint64_t)st->stdout_credit;
		if (n > max_chunk)
			n = max_chunk;
		if (n == 0)
			break;
		size = ABI_HEADER + ABI_DATA_PREFIX + (uint32_t)n;
		abi_put_le32(head, size);
		head[4] = 0xfe; /* code -2 */
		head[5] = 0xff;
		head[6] = ABI_DOMAIN_DATA;
		abi_ring_put(&st->output, st->output_buf, ABI_OUTPUT_CAP, head, sizeof head);
		abi_ring_from_iov(c, &st->output, st->output_buf, ABI_OUTPUT_CAP, src, (uint32_t)n);
		abi_ring_put(&st->output, st->output_buf, ABI_OUTPUT_CAP, zero,
			     abi_padded(size) - size);
		st->stdout_credit -= (int64_t)n;
		written += n;
		abi_flush(c);
	}
	return written;
}

/*
 * The program wants stdin: top the session's grant up to the window when half of it
 * is used. Idempotent, so a call retried after a suspension does not grant twice.
 * Without room for the flow packet now it grants later (every wait asks again).
 */
void abi_request_stdin(struct abi_ctx *c)
{
	struct abi_state *st = c->st;
	int64_t used = (int64_t)st->stdin.len + st->stdin_outstanding;
	uint8_t p[16] = { 0 };
	uint32_t increment;

	if (st->stdin_ended || used > ABI_STDIN_WINDOW / 2 ||
	    ABI_OUTPUT_CAP - st->output.len < sizeof p)
		return;
	increment = ABI_STDIN_WINDOW - (uint32_t)used;
	st->stdin_outstanding += increment;
	abi_put_le32(p, sizeof p);
	p[4] = 0xfe; /* code -2 */
	p[5] = 0xff;
	p[6] = ABI_DOMAIN_FLOW;
	abi_put_le32(p + 8, STREAM);
	abi_put_le32(p + 12, increment);
	abi_ring_put(&st->output, st->output_buf, ABI_OUTPUT_CAP, p, sizeof p);
	abi_flush(c);
}

int abi_stdin_ready(struct abi_ctx *c)
{
	return c->st->stdin.len != 0 || c->st->stdin_ended;
}
