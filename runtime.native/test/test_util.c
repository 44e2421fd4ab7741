/* SPDX-License-Identifier: Apache-2.0 */
/* Status decoding, request validation, number parsing (src/util.c). */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "check.h"
#include "util.h"

static struct gate_reply decode(int how, int value, uint64_t cpu_ns, uint64_t hard,
				uint32_t flags)
{
	struct gate_death d = { how, value, cpu_ns, hard, flags };

	return gate_decode(&d, 7);
}

#define STATUS(r, s, c)                                                             \
	CHECK((r).status == (s) && (r).code == (c), "status %u code %d", (r).status, \
	      (r).code)

int main(void)
{
	struct gate_reply r;
	struct gate_request q;
	uint64_t v;

	r = decode(CLD_EXITED, 0, 5, 0, 0);
	CHECK(r.id == 7 && r.kind == GATE_REPLY_DONE && r.cpu_ns == 5, "header");
	STATUS(r, GATE_STATUS_EXIT, 0);
	STATUS(decode(CLD_EXITED, 3, 0, 0, 0), GATE_STATUS_EXIT, 3);
	STATUS(decode(CLD_EXITED, 4, 0, 0, 0), GATE_STATUS_LOADER, 4);
	STATUS(decode(CLD_EXITED, 13, 0, 0, 0), GATE_STATUS_LOADER, 13);
	STATUS(decode(CLD_EXITED, 102, 0, 0, 0), GATE_STATUS_TRAP, 2);
	STATUS(decode(CLD_EXITED, 105, 0, 0, 0), GATE_STATUS_TRAP, 5);
	STATUS(decode(CLD_EXITED, 130, 0, 0, 0), GATE_STATUS_TRAP, 30);
	STATUS(decode(CLD_EXITED, 131, 0, 0, 0), GATE_STATUS_LOADER, 131);
	STATUS(decode(CLD_KILLED, SIGSYS, 0, 0, 0), GATE_STATUS_SECCOMP, SIGSYS);
	STATUS(decode(CLD_DUMPED, SIGSYS, 0, 0, 0), GATE_STATUS_SECCOMP, SIGSYS);
	STATUS(decode(CLD_KILLED, SIGXCPU, 0, 0, 0), GATE_STATUS_TRAP, 2);
	STATUS(decode(CLD_KILLED, SIGKILL, 0, 0, GATE_DONE_KILL_REQUESTED), GATE_STATUS_KILLED,
	       SIGKILL);
	STATUS(decode(CLD_KILLED, SIGKILL, 2000000000ull, 2, 0), GATE_STATUS_CPU_LIMIT, SIGKILL);
	STATUS(decode(CLD_KILLED, SIGKILL, 1000000000ull, 2, 0), GATE_STATUS_SIGNAL, SIGKILL);
	STATUS(decode(CLD_KILLED, SIGKILL, 5000000000ull, 0, 0), GATE_STATUS_SIGNAL, SIGKILL);
	STATUS(decode(CLD_KILLED, SIGSEGV, 0, 0, 0), GATE_STATUS_SIGNAL, SIGSEGV);
	/* a kill request wins over the CPU limit: the JVM asked for it */
	STATUS(decode(CLD_KILLED, SIGKILL, 3000000000ull, 2, GATE_DONE_KILL_REQUESTED),
	       GATE_STATUS_KILLED, SIGKILL);

	memset(&q, 0, sizeof q);
	q.op = GATE_OP_KILL;
	q.id = 5;
	CHECK_EQ(gate_request_check(&q, sizeof q, 0), 0);
	CHECK_EQ(gate_request_check(&q, sizeof q, 1), EINVAL);
	CHECK_EQ(gate_request_check(&q, sizeof q + 1, 0), EINVAL);
	q.id = GATE_MAX_ID;
	CHECK_EQ(gate_request_check(&q, sizeof q, 0), EINVAL);
	q.id = 5;
	q.flags = 1;
	CHECK_EQ(gate_request_check(&q, sizeof q, 0), EINVAL);
	q.flags = 0;
	q.op = GATE_OP_START;
	CHECK_EQ(gate_request_check(&q, sizeof q + sizeof(struct gate_start), 4), 0);
	CHECK_EQ(gate_request_check(&q, sizeof q + sizeof(struct gate_start), 3), EINVAL);
	CHECK_EQ(gate_request_check(&q, sizeof q, 4), EINVAL);
	q.op = GATE_OP_POOL;
	q.arg = GATE_MAX_POOL;
	CHECK_EQ(gate_request_check(&q, sizeof q, 0), 0);
	q.arg = GATE_MAX_POOL + 1;
	CHECK_EQ(gate_request_check(&q, sizeof q, 0), EINVAL);
	q.op = GATE_OP_HANDOUT;
	q.arg = 1;
	CHECK_EQ(gate_request_check(&q, sizeof q, 0), 0);
	q.arg = 2;
	CHECK_EQ(gate_request_check(&q, sizeof q, 0), EINVAL);
	q.op = GATE_OP_CLAIM;
	q.id = GATE_HANDOUT_ID_MIN;
	q.arg = 30;
	CHECK_EQ(gate_request_check(&q, sizeof q, 0), 0);
	CHECK_EQ(gate_request_check(&q, sizeof q, 1), EINVAL);
	q.id = 5;
	q.op = 0;
	q.arg = 0;
	CHECK_EQ(gate_request_check(&q, sizeof q, 0), EINVAL);

	CHECK(gate_parse_uint("64", 64, &v) == 0 && v == 64, "64");
	CHECK_EQ(gate_parse_uint("65", 64, &v), -1);
	CHECK_EQ(gate_parse_uint("7", 5, &v), -1);
	CHECK_EQ(gate_parse_uint("", 5, &v), -1);
	CHECK_EQ(gate_parse_uint("1x", 5, &v), -1);
	CHECK_EQ(gate_parse_uint("-1", 5, &v), -1);
	CHECK(gate_parse_uint("18446744073709551615", ~0ull, &v) == 0 && v == ~0ull, "max");
	CHECK_EQ(gate_parse_uint("18446744073709551616", ~0ull, &v), -1);
	return check_report("test_util");
}
