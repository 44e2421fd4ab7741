/* SPDX-License-Identifier: Apache-2.0 */
#include "filter.h"

#include <linux/audit.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/syscall.h>

/* seccomp_data field offsets; args are 64-bit little-endian, split into halves. */
#define OFF_NR offsetof(struct seccomp_data, nr)
#define OFF_ARCH offsetof(struct seccomp_data, arch)
#define OFF_IP offsetof(struct seccomp_data, instruction_pointer)
#define OFF_LO(i) (offsetof(struct seccomp_data, args) + 8 * (i))
#define OFF_HI(i) (OFF_LO(i) + 4)

#define X32_BIT 0x40000000u
#define PROT_RW 3u /* PROT_READ | PROT_WRITE */
#define ENOSYS_ERRNO 38u

struct emitter {
	struct sock_filter *out;
	unsigned n;
};

static void emit(struct emitter *e, uint16_t code, uint8_t jt, uint8_t jf, uint32_t k)
{
	struct sock_filter *f = &e->out[e->n++];

	f->code = code;
	f->jt = jt;
	f->jf = jf;
	f->k = k;
}

/* Jump offsets are relative to the next instruction. */
static uint8_t to(const struct emitter *e, unsigned target)
{
	return (uint8_t)(target - e->n - 1);
}

static void load(struct emitter *e, uint32_t off)
{
	emit(e, BPF_LD | BPF_W | BPF_ABS, 0, 0, off);
}

/* if (A == k) fall through, else jump to @fail */
static void require_eq(struct emitter *e, uint32_t k, unsigned fail)
{
	emit(e, BPF_JMP | BPF_JEQ | BPF_K, 0, to(e, fail), k);
}

/*
 * Layout. Classic BPF only jumps forward, so the shared KILL and ALLOW returns come
 * last; the dispatch falls through into an early KILL of its own.
 */
enum {
	N_ALLOW_ONLY = 4,
	I_CLOCK = 8 + N_ALLOW_ONLY,	/* ld ip, ld arch, jeq, ld nr, jge, read, write, mprotect */
	I_EARLY_KILL = I_CLOCK + 1,
	I_NO_CLOCK = I_EARLY_KILL + 1,
	I_READ = I_NO_CLOCK + 1,
	I_WRITE = I_READ + 2,
	I_MPROTECT = I_WRITE + 2,
	N_MPROTECT = 18,
};

_Static_assert(I_MPROTECT + N_MPROTECT + 2 <= GATE_FILTER_MAX, "GATE_FILTER_MAX too small");

unsigned gate_filter_build(struct sock_filter *out, uint64_t memory_addr, uint64_t max_bytes)
{
	static const uint32_t allow_only[N_ALLOW_ONLY] = {
		__NR_close, __NR_ppoll, __NR_rt_sigreturn, __NR_exit_group,
	};
	struct emitter e = { out, 0 };
	unsigned kill = I_MPROTECT + (max_bytes ? N_MPROTECT : 0);
	unsigned allow = kill + 1;
	unsigned i;

	if ((memory_addr & 0xffffffffu) != 0 || max_bytes > 0x100000000ull)
		return 0;

	/*
	 * A load the kernel cannot evaluate ahead of time comes first (A is loaded again
	 * right after). At install, the kernel emulates a filter for every syscall number
	 * of both x86 ABIs to cache the numbers it always allows; that cache would only
	 * hold close, ppoll, rt_sigreturn and exit_group here, and building it costs
	 * about 12 us of every instance start. It stops at the first such load.
	 */
	load(&e, OFF_IP);
	/* The architecture comes next: syscall numbers mean nothing without it. */
	load(&e, OFF_ARCH);
	require_eq(&e, AUDIT_ARCH_X86_64, kill);
	load(&e, OFF_NR);
	/* x32 calls arrive with the x86-64 arch value and bit 30 set in nr. */
	emit(&e, BPF_JMP | BPF_JGE | BPF_K, to(&e, kill), 0, X32_BIT);

	emit(&e, BPF_JMP | BPF_JEQ | BPF_K, to(&e, I_READ), 0, __NR_read);
	emit(&e, BPF_JMP | BPF_JEQ | BPF_K, to(&e, I_WRITE), 0, __NR_write);
	emit(&e, BPF_JMP | BPF_JEQ | BPF_K, to(&e, max_bytes ? I_MPROTECT : kill), 0, __NR_mprotect);
	for (i = 0; i < N_ALLOW_ONLY; i++)
		emit(&e, BPF_JMP | BPF_JEQ | BPF_K, to(&e, allow), 0, allow_only[i]);

	/* The vDSO falls back to this syscall where the clocksource has no vDSO support:
	 * the program then gets "no clock" (ENOSYS) instead of dying. */
	emit(&e, BPF_JMP | BPF_JEQ | BPF_K, to(&e, I_NO_CLOCK), 0, __NR_clock_gettime);
	emit(&e, BPF_RET | BPF_K, 0, 0, SECCOMP_RET_KILL_PROCESS); /* I_EARLY_KILL */
	emit(&e, BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ERRNO | ENOSYS_ERRNO); /* I_NO_CLOCK */

	/* read(0, ...) and write(1, ...) only; fds are 32-bit in the kernel. */
	load(&e, OFF_LO(0));
	emit(&e, BPF_JMP | BPF_JEQ | BPF_K, to(&e, allow), to(&e, kill), 0);
	load(&e, OFF_LO(0));
	emit(&e, BPF_JMP | BPF_JEQ | BPF_K, to(&e, allow), to(&e, kill), 1);

	if (max_bytes) {
		/* mprotect(addr, len, PROT_READ|PROT_WRITE) inside the linear memory maximum. */
		load(&e, OFF_LO(2));
		require_eq(&e, PROT_RW, kill);
		load(&e, OFF_HI(2));
		require_eq(&e, 0, kill);
		load(&e, OFF_HI(0));
		require_eq(&e, (uint32_t)(memory_addr >> 32), kill);
		load(&e, OFF_HI(1));
		require_eq(&e, 0, kill);
		load(&e, OFF_LO(1));
		emit(&e, BPF_JMP | BPF_JEQ | BPF_K, to(&e, kill), 0, 0);
		/* With len >= 1, addr + len <= max  <=>  addr <= (max - 1) - (len - 1). */
		emit(&e, BPF_ALU | BPF_SUB | BPF_K, 0, 0, 1);
		emit(&e, BPF_JMP | BPF_JGT | BPF_K, to(&e, kill), 0, (uint32_t)(max_bytes - 1));
		emit(&e, BPF_MISC | BPF_TAX, 0, 0, 0);
		emit(&e, BPF_LD | BPF_IMM, 0, 0, (uint32_t)(max_bytes - 1));
		emit(&e, BPF_ALU | BPF_SUB | BPF_X, 0, 0, 0);
		emit(&e, BPF_MISC | BPF_TAX, 0, 0, 0);
		load(&e, OFF_LO(0));
		emit(&e, BPF_JMP | BPF_JGT | BPF_X, to(&e, kill), to(&e, allow), 0);
	}
	emit(&e, BPF_RET | BPF_K, 0, 0, SECCOMP_RET_KILL_PROCESS);
	emit(&e, BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ALLOW);
	return e.n == allow + 1 ? e.n : 0;
}
