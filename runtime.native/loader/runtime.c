/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The runtime functions behind the slots (DESIGN.md §5), the signal handler
 * (DESIGN.md §6) and the last steps of entering the program. Compiled position
 * independent, with rbx reserved (-ffixed-rbx: the suspend handler may rewrite the
 * saved rbx whenever the interrupted pc is in the runtime area) and without vector
 * registers. Everything it uses lives in the runtime block.
 */
#include <stddef.h>
#include <stdint.h>

#include "gate/abi.h"
#include "gate/protocol.h"
#include "nolibc.h"
#include "runtime.h"

_Static_assert(offsetof(struct rt_config, init_rsp) == RT_CFG_INIT_RSP, "asm offset");
_Static_assert(offsetof(struct rt_config, init_rbx) == RT_CFG_INIT_RBX, "asm offset");
_Static_assert(offsetof(struct rt_config, entry) == RT_CFG_ENTRY, "asm offset");
_Static_assert(offsetof(struct rt_config, text_addr) == RT_CFG_TEXT, "asm offset");
_Static_assert(offsetof(struct rt_config, memory_addr) == RT_CFG_MEMORY, "asm offset");
_Static_assert(offsetof(struct rt_config, vars) == RT_CFG_VARS, "asm offset");
_Static_assert(offsetof(struct rt_config, resume) == RT_CFG_RESUME, "asm offset");
_Static_assert(offsetof(struct rt_config, abi_stack) == RT_CFG_ABI_STACK, "asm offset");
_Static_assert(offsetof(struct gate_vars, suspend) == RT_VARS_SUSPEND, "asm offset");

/* In .data, not .bss: the loader copies the block's bytes. */
struct rt_config rt_cfg __attribute__((section(".data.rt_cfg"))) = { .init_rsp = 1 };

typedef long (*clock_fn)(long clock, struct k_timespec *ts);


#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define NS 1000000000ll

static struct gate_vars *vars(void)
{
	return (struct gate_vars *)rt_cfg.vars;
}

static int64_t clock_ns(long clock, uint64_t mask)
{
	struct k_timespec ts;

	if (!rt_cfg.vdso_clock || ((clock_fn)rt_cfg.vdso_clock)(clock, &ts) != 0)
		return -1;
	return ts.sec * NS + (int64_t)((uint64_t)ts.nsec & ~mask);
}

/* The program's monotonic clock continues from the value it was started with. */
static int64_t monotonic(void)
{
	int64_t now = clock_ns(CLOCK_MONOTONIC, rt_cfg.time_mask);

	if (now < 0)
		return (int64_t)rt_cfg.mono_start;
	return now - rt_cfg.mono_base + (int64_t)rt_cfg.mono_start;
}

/*
 * Record where the program stopped, then exit. @pc is an absolute address (kept
 * as a text offset if it is in the text), @sp the stack pointer to resume from.
 */
static __attribute__((noreturn)) void finish(int code, uint64_t pc, uint64_t sp)
{
	struct gate_vars *v = vars();

	v->trap_pc = pc >= rt_cfg.text_addr && pc < rt_cfg.text_end ? pc - rt_cfg.text_addr
								     : ~0ull;
	v->sp_offset = sp - rt_cfg.stack_bottom;
	v->monotonic_ns = (uint64_t)monotonic();
	v->exit_code = (uint32_t)code;
	v->state = GATE_VARS_STOPPED;
	/* The end of the output tells the JVM that the run is over (DESIGN.md §2): it
	 * need not wait for the teardown of this process and the container's reap. From
	 * then on the next run of this instance may be using the stack and the state
	 * (shared memfd mappings at the same addresses), so nothing may be written after
	 * close: no call (a pushed return address), only registers until exit_group. */
	__asm__ volatile("syscall\n\t"
			 "mov %[code], %%edi\n"
			 "1:\tmov %[nr_exit], %%eax\n\t"
			 "syscall\n\t"
			 "jmp 1b"
			 :
			 : "a"(NR_close), "D"(1), [code] "r"(code), [nr_exit] "i"(NR_exit_group)
			 : "rcx", "r11", "memory");
	__builtin_unreachable();
}

void rt_stop(int code, uint64_t pc, uint64_t sp)
{
	finish(code, pc, sp);
}

int64_t rt_clock(int clock)
{
	if (clock == 0)
		return clock_ns(CLOCK_REALTIME, rt_cfg.time_mask);
	if (clock == 1)
		return monotonic();
	return clock_ns(CLOCK_MONOTONIC, 0);
}

static __attribute__((noreturn)) void trap(uint32_t id, uint64_t pc, uint64_t sp)
{
	if (id == GATE_TRAP_CALL_STACK_EXHAUSTED && vars()->suspend)
		id = GATE_TRAP_SUSPENDED;
	if (id > GATE_TRAP_MAX)
		id = GATE_TRAP_INTERNAL_ERROR;
	finish(GATE_EXIT_TRAP_BASE + (int)id, pc, sp);
}

uint64_t rt_trap(uint32_t id, uint32_t unused, uint64_t pc, uint64_t sp)
{
	(void)unused;
	trap(id, pc, sp);
}

uint64_t rt_exit(uint32_t code, uint32_t unused, uint64_t pc, uint64_t sp)
{
	(void)unused;
	if (code > GATE_EXIT_MAX_NORMAL)
		trap(GATE_TRAP_INTERNAL_ERROR, pc, sp);
	if (rt_cfg.abi_addr)
		rt_abi_switch(0, pc, sp, rt_abi_exit); /* queued ABI output goes out first */
	finish((int)code, pc, sp);
}

/* Linear-memory range check; out of bounds is the program's trap, not an error. */
static uint64_t checked(uint32_t ptr, uint32_t len, uint64_t pc, uint64_t sp)
{
	if ((uint64_t)ptr + len > (uint64_t)vars()->memory_pages * GATE_WASM_PAGE)
		trap(GATE_TRAP_MEMORY_OUT_OF_BOUNDS, pc, sp);
	return rt_cfg.memory_addr + ptr;
}

static int64_t io_result(long r)
{
	return r == -K_EAGAIN || r == -K_EINTR ? 0 : r;
}

int64_t rt_read(uint32_t ptr, uint32_t len, uint64_t pc, uint64_t sp)
{
	uint64_t buf = checked(ptr, len, pc, sp);

	return io_result(sys3(NR_read, 0, buf, len));
}

int64_t rt_write(uint32_t ptr, uint32_t len, uint64_t pc, uint64_t sp)
{
	uint64_t buf = checked(ptr, len, pc, sp);

	return io_result(sys3(NR_write, 1, buf, len));
}

int64_t rt_poll(uint32_t want_in, uint32_t want_out, uint64_t pc, uint64_t sp)
{
	struct k_pollfd fds[2] = {
		{ 0, (short)(want_in ? K_POLLIN : 0), 0 },
		{ 1, (short)(want_out ? K_POLLOUT : 0), 0 },
	};
	int64_t bits = 0;
	long r;

	(void)pc;
	(void)sp;
	r = rt_ppoll(fds, 2, 0);
	if (r < 0)
		return r == -K_EINTR ? 0 : r;
	if (fds[0].revents & K_POLLIN)
		bits |= GATE_POLL_IN;
	if (fds[0].revents & (K_POLLHUP | K_POLLERR))
		bits |= GATE_POLL_IN_HUP;
	if (fds[1].revents & K_POLLOUT)
		bits |= GATE_POLL_OUT;
	if (fds[1].revents & (K_POLLHUP | K_POLLERR))
		bits |= GATE_POLL_OUT_ERR;
	return bits;
}

int64_t rt_time(uint32_t clock, uint32_t unused, uint64_t pc, uint64_t sp)
{
	(void)unused;
	(void)pc;
	(void)sp;
	if (clock == GATE_CLOCK_REALTIME)
		return clock_ns(CLOCK_REALTIME, rt_cfg.time_mask);
	if (clock == GATE_CLOCK_MONOTONIC)
		return monotonic();
	return -1;
}

int64_t rt_random(uint32_t a, uint32_t b, uint64_t pc, uint64_t sp)
{
	struct gate_vars *v = vars();

	(void)a;
	(void)b;
	(void)pc;
	(void)sp;
	if (v->random_avail == 0 || v->random_avail > sizeof v->random)
		return -1;
	v->random_avail--;
	return v->random[sizeof v->random - 1 - v->random_avail];
}

/* memory.grow: mprotect inside the reservation; the seccomp filter allows exactly this. */
int64_t rt_grow(uint32_t delta, uint32_t unused, uint64_t pc, uint64_t sp)
{
	struct gate_vars *v = vars();
	uint64_t old = v->memory_pages;
	uint64_t addr = rt_cfg.memory_addr + old * GATE_WASM_PAGE;
	uint64_t len = (uint64_t)delta * GATE_WASM_PAGE;

	(void)unused;
	(void)pc;
	(void)sp;
	if (old + delta > rt_cfg.max_pages)
		return 0xffffffff;
	/* The filter wants len < 4 GiB: growing from 0 to 65536 pages takes two calls. */
	while (len) {
		uint64_t part = len > 0x80000000ull ? 0x80000000ull : len;

		if (sys3(NR_mprotect, addr, part, K_PROT_READ | K_PROT_WRITE) != 0)
			return 0xffffffff;
		addr += part;
		len -= part;
	}
	v->memory_pages = (uint32_t)(old + delta);
	return (int64_t)old;
}

int64_t rt_size(uint32_t a, uint32_t b, uint64_t pc, uint64_t sp)
{
	(void)a;
	(void)b;
	(void)pc;
	(void)sp;
	return vars()->memory_pages;
}

/*
 * Moves all of @len bytes through fd 0 (read) or 1 (write), waiting while the pipe is
 * empty or full. Unlike the poll slot this wait ignores the suspend flag: during a host
 * call the host decides whether the instance stops (DESIGN.md §5, host slot).
 */
static int transfer(long nr, int fd, void *buf, uint32_t len)
{
	char *p = buf;

	while (len) {
		long r = sys3(nr, fd, p, len);

		if (r == -K_EAGAIN || r == -K_EINTR) {
			struct k_pollfd w = { fd, (short)(nr == NR_read ? K_POLLIN : K_POLLOUT), 0 };

			sys4(NR_ppoll, &w, 1, 0, 0);
			continue;
		}
		if (r <= 0)
			return -1;
		p += r;
		len -= (uint32_t)r;
	}
	return 0;
}

/*
 * A call of an imported function: the import stub's frame is the stopped state the host
 * reads (trap_pc, sp_offset as for a trap); the host writes the results into the
 * caller's outgoing area and answers CONTINUE, or STOP to end the run right here as a
 * trap 29 at this call, which it then retries or reports.
 */
int64_t rt_host(uint32_t function, uint32_t unused, uint64_t pc, uint64_t sp)
{
	struct gate_vars *v = vars();
	uint32_t msg[2] = { GATE_HOST_REQUEST, function };

	(void)unused;
	if (rt_cfg.abi_addr) {
		rt_abi_switch(function, pc, sp, rt_abi_call); /* the ABI in process */
		return 0;
	}
	v->trap_pc = pc - rt_cfg.text_addr;
	v->sp_offset = sp - rt_cfg.stack_bottom;
	if (transfer(NR_write, 1, msg, sizeof msg) != 0 ||
	    transfer(NR_read, 0, msg, sizeof msg) != 0 || msg[0] != GATE_HOST_CONTINUE)
		trap(GATE_TRAP_INTERNAL_ERROR, pc, sp);
	return 0;
}

/* Kernel ucontext: uc_mcontext (struct sigcontext) starts at byte 40. */
#define UC_REG(uc, i) (((uint64_t *)((char *)(uc) + 40))[i])
#define REG_RBX 11
#define REG_RSP 15
#define REG_RIP 16
#define SI_ADDR(info) (*(uint64_t *)((char *)(info) + 16))

static void on_suspend(void *uc)
{
	uint64_t pc = UC_REG(uc, REG_RIP);

	vars()->suspend = 1;
	/* Only code we wrote keeps rbx as the limit register; the vDSO may not. */
	if (pc >= rt_cfg.area_addr && pc < rt_cfg.text_end)
		UC_REG(uc, REG_RBX) |= GATE_SUSPEND_BITS;
	if (pc >= (uint64_t)rt_poll_window && pc <= (uint64_t)rt_poll_syscall)
		UC_REG(uc, REG_RIP) = (uint64_t)rt_poll_interrupted;
}

static __attribute__((noreturn)) void on_fault(void *info, void *uc)
{
	uint64_t pc = UC_REG(uc, REG_RIP);
	uint64_t sp = UC_REG(uc, REG_RSP);
	uint64_t addr = SI_ADDR(info);
	uint32_t id = GATE_TRAP_MEMORY_OUT_OF_BOUNDS;

	if (pc < rt_cfg.text_addr || pc >= rt_cfg.text_end)
		id = GATE_TRAP_INTERNAL_ERROR;
	else if (addr >= rt_cfg.guard_addr && addr < rt_cfg.stack_bottom)
		id = GATE_TRAP_CALL_STACK_EXHAUSTED;
	trap(id, pc, sp);
}

void rt_signal(int sig, void *info, void *uc)
{
	if (sig == K_SIGXCPU)
		on_suspend(uc);
	else
		on_fault(info, uc);
}

/* Called on the wasm stack: the loader image and its stack can go now. */
void rt_init(void)
{
	if (sys2(NR_munmap, rt_cfg.unmap_loader_addr, rt_cfg.unmap_loader_len) != 0 ||
	    sys2(NR_munmap, rt_cfg.unmap_stack_addr, rt_cfg.unmap_stack_len) != 0)
		sys_exit(GATE_LOADER_UNMAP);
	vars()->state = GATE_VARS_RUNNING;
}

/*
 * rbx is set: unblock the suspend signal, then install seccomp. The filter comes
 * last because it forbids rt_sigprocmask and seccomp themselves.
 */
void rt_enable(void)
{
	uint64_t set = K_SIGBIT(K_SIGXCPU);

	if (sys4(NR_rt_sigprocmask, K_SIG_UNBLOCK, &set, 0, 8) != 0)
		sys_exit(GATE_LOADER_SIGNALS);
	if (sys3(NR_seccomp, K_SECCOMP_SET_MODE_FILTER, 0, &rt_cfg.fprog) != 0)
		sys_exit(GATE_LOADER_SECCOMP);
}
