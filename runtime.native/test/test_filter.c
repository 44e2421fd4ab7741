/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The seccomp program, instruction by instruction (DESIGN.md §2), written out by
 * hand here so that a change in filter.c cannot silently change the policy.
 */
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <string.h>

#include "check.h"
#include "filter.h"

#define LD(k) { BPF_LD | BPF_W | BPF_ABS, 0, 0, k }
#define JEQ(k, t, f) { BPF_JMP | BPF_JEQ | BPF_K, t, f, k }
#define KILL { BPF_RET | BPF_K, 0, 0, SECCOMP_RET_KILL_PROCESS }
#define ALLOW { BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ALLOW }

static const struct sock_filter with_memory[] = {
	/* 0 */ LD(8),                                /* instruction_pointer: no install-time emulation */
	/* 1 */ LD(4),
	/* 2 */ JEQ(AUDIT_ARCH_X86_64, 0, 34),        /* -> 37 kill */
	/* 3 */ LD(0),
	/* 4 */ { BPF_JMP | BPF_JGE | BPF_K, 32, 0, 0x40000000 },
	/* 5 */ JEQ(0, 9, 0),                          /* read -> 15 */
	/* 6 */ JEQ(1, 10, 0),                         /* write -> 17 */
	/* 7 */ JEQ(10, 11, 0),                        /* mprotect -> 19 */
	/* 8 */ JEQ(3, 29, 0),                         /* close -> 38 */
	/* 9 */ JEQ(271, 28, 0),                       /* ppoll */
	/* 10 */ JEQ(15, 27, 0),                        /* rt_sigreturn */
	/* 11 */ JEQ(231, 26, 0),                      /* exit_group */
	/* 12 */ JEQ(228, 1, 0),                       /* clock_gettime -> 14 */
	/* 13 */ KILL,
	/* 14 */ { BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ERRNO | 38 },
	/* 15 */ LD(16), JEQ(0, 21, 20),               /* read: fd 0 */
	/* 17 */ LD(16), JEQ(1, 19, 18),               /* write: fd 1 */
	/* 19 */ LD(32), JEQ(3, 0, 16),                /* prot == RW */
	/* 21 */ LD(36), JEQ(0, 0, 14),
	/* 23 */ LD(20), JEQ(0x1234, 0, 12),           /* addr high half */
	/* 25 */ LD(28), JEQ(0, 0, 10),                /* len < 4 GiB */
	/* 27 */ LD(24), JEQ(0, 8, 0),                 /* len != 0 */
	/* 29 */ { BPF_ALU | BPF_SUB | BPF_K, 0, 0, 1 },
	/* 30 */ { BPF_JMP | BPF_JGT | BPF_K, 6, 0, 0xfffff },
	/* 31 */ { BPF_MISC | BPF_TAX, 0, 0, 0 },
	/* 32 */ { BPF_LD | BPF_IMM, 0, 0, 0xfffff },
	/* 33 */ { BPF_ALU | BPF_SUB | BPF_X, 0, 0, 0 },
	/* 34 */ { BPF_MISC | BPF_TAX, 0, 0, 0 },
	/* 35 */ LD(16),
	/* 36 */ { BPF_JMP | BPF_JGT | BPF_X, 0, 1, 0 },
	/* 37 */ KILL,
	/* 38 */ ALLOW,
};

static const struct sock_filter without_memory[] = {
	/* 0 */ LD(8),
	/* 1 */ LD(4),
	/* 2 */ JEQ(AUDIT_ARCH_X86_64, 0, 16),        /* -> 19 kill */
	/* 3 */ LD(0),
	/* 4 */ { BPF_JMP | BPF_JGE | BPF_K, 14, 0, 0x40000000 },
	/* 5 */ JEQ(0, 9, 0),
	/* 6 */ JEQ(1, 10, 0),
	/* 7 */ JEQ(10, 11, 0),                        /* mprotect -> 19 kill */
	/* 8 */ JEQ(3, 11, 0),
	/* 9 */ JEQ(271, 10, 0),
	/* 10 */ JEQ(15, 9, 0),
	/* 11 */ JEQ(231, 8, 0),
	/* 12 */ JEQ(228, 1, 0),
	/* 13 */ KILL,
	/* 14 */ { BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ERRNO | 38 },
	/* 15 */ LD(16), JEQ(0, 3, 2),
	/* 17 */ LD(16), JEQ(1, 1, 0),
	/* 19 */ KILL,
	/* 20 */ ALLOW,
};

static void expect_program(const struct sock_filter *want, unsigned n, uint64_t base,
			   uint64_t max)
{
	struct sock_filter got[GATE_FILTER_MAX];
	unsigned i, len = gate_filter_build(got, base, max);

	CHECK_EQ(len, n);
	for (i = 0; i < n && i < len; i++)
		CHECK(!memcmp(&got[i], &want[i], sizeof got[i]),
		      "insn %u: got {%#x, %u, %u, %#x} want {%#x, %u, %u, %#x}", i, got[i].code,
		      got[i].jt, got[i].jf, got[i].k, want[i].code, want[i].jt, want[i].jf,
		      want[i].k);
}

int main(void)
{
	struct sock_filter buf[GATE_FILTER_MAX];

	expect_program(with_memory, sizeof with_memory / sizeof with_memory[0],
		       0x123400000000ull, 16 * 65536);
	expect_program(without_memory, sizeof without_memory / sizeof without_memory[0],
		       0x123400000000ull, 0);
	/* the largest memory: max - 1 still fits in 32 bits */
	CHECK_EQ(gate_filter_build(buf, 0x200000000ull, 1ull << 32), 39);
	CHECK_EQ(buf[30].k, 0xffffffffu);
	CHECK_EQ(buf[32].k, 0xffffffffu);
	/* refused inputs */
	CHECK_EQ(gate_filter_build(buf, 0x123400001000ull, 65536), 0);
	CHECK_EQ(gate_filter_build(buf, 0x200000000ull, (1ull << 32) + 1), 0);
	return check_report("test_filter");
}
