/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The ABI's platform inside the instance process (DESIGN.md §9): fd 0 and fd 1 as
 * the loader left them (non-blocking), ppoll through the suspend-safe window of
 * runtime_entry.S, the vDSO clocks of the runtime, and stops as traps or exits at
 * the import site. Part of the runtime block (same flags as runtime.c).
 */
#include <stdint.h>

#include "abi.h"
#include "gate/abi.h"
#include "gate/protocol.h"
#include "nolibc.h"
#include "runtime.h"

#define NS 1000000000ll

static long io_result(long r)
{
	return r == -K_EINTR ? -ABI_EAGAIN : r;
}

long abi_plat_read(void *buf, uint32_t n)
{
	return io_result(sys3(NR_read, 0, buf, n));
}

long abi_plat_write(const void *buf, uint32_t n)
{
	return io_result(sys3(NR_write, 1, buf, n));
}

int abi_plat_wait(int in, int out, int64_t timeout_ns)
{
	struct k_pollfd fds[2] = {
		{ in ? 0 : -1, K_POLLIN, 0 },
		{ out ? 1 : -1, K_POLLOUT, 0 },
	};
	struct k_timespec ts, *tp = 0;
	long r;

	if (timeout_ns >= 0) {
		ts.sec = timeout_ns / NS;
		ts.nsec = timeout_ns % NS;
		tp = &ts;
	}
	/* rt_ppoll returns -EINTR without waiting once the suspend flag is set, also when
	 * the signal arrives between its check and the syscall (DESIGN.md §6). */
	r = rt_ppoll(fds, 2, tp);
	if (r == -K_EINTR && ((struct gate_vars *)rt_cfg.vars)->suspend)
		return ABI_WAIT_SUSPENDED;
	return 0;
}

void abi_plat_wait_writable(void)
{
	struct k_pollfd w = { 1, K_POLLOUT, 0 };

	sys4(NR_ppoll, &w, 1, 0, 0);
}

int64_t abi_plat_clock(int clock)
{
	return rt_clock(clock);
}

void abi_plat_stop(struct abi_ctx *c)
{
	switch (c->area->stop_reason) {
	case GATE_ABI_STOP_EXIT:
		rt_stop(c->area->exit_value == 0 ? 2 : 3, c->pc, c->sp);
	case GATE_ABI_STOP_VIOLATION:
		rt_stop(GATE_EXIT_TRAP_BASE + GATE_TRAP_ABI_VIOLATION, c->pc, c->sp);
	case GATE_ABI_STOP_DEFICIENCY:
		rt_stop(GATE_EXIT_TRAP_BASE + GATE_TRAP_ABI_DEFICIENCY, c->pc, c->sp);
	case GATE_ABI_STOP_SUSPENDED:
		rt_stop(GATE_EXIT_TRAP_BASE + GATE_TRAP_SUSPENDED, c->pc, c->sp);
	default: /* RANDOM, INPUT, or a configuration the runtime cannot use */
		rt_stop(GATE_EXIT_TRAP_BASE + GATE_TRAP_INTERNAL_ERROR, c->pc, c->sp);
	}
}

static int context(struct abi_ctx *c, uint64_t pc, uint64_t sp)
{
	struct gate_abi_area *a = (struct gate_abi_area *)rt_cfg.abi_addr;

	c->area = a;
	c->st = 0;
	c->mem = (uint8_t *)rt_cfg.memory_addr;
	c->mem_size = (uint64_t)((struct gate_vars *)rt_cfg.vars)->memory_pages * GATE_WASM_PAGE;
	c->has_memory = rt_cfg.max_pages > 0;
	c->unstable = 0;
	c->pc = pc;
	c->sp = sp;
	return abi_area_valid(a, rt_cfg.abi_size);
}

void rt_abi_call(uint32_t function, uint64_t pc, uint64_t sp)
{
	struct abi_ctx c;

	if (!context(&c, pc, sp)) {
		/* Fail closed; the header is inside the mapping (abi_size >= one page). */
		c.area->stop_reason = GATE_ABI_STOP_NONE;
		abi_plat_stop(&c);
	}
	/* Arguments and the result: the import stub's outgoing area (contract §5). */
	abi_call(&c, function, (uint64_t *)(sp + 24));
}

void rt_abi_exit(uint32_t unused, uint64_t pc, uint64_t sp)
{
	struct abi_ctx c;

	(void)unused;
	if (!context(&c, pc, sp))
		return;
	c.st = (struct abi_state *)((uint8_t *)c.area + c.area->state_offset);
	/* Flushes only a state a call has checked (abi_call); the queue indexes are used. */
	if (c.st->magic == ABI_STATE_MAGIC && c.st->output.head < ABI_OUTPUT_CAP &&
	    c.st->output.len <= ABI_OUTPUT_CAP)
		abi_flush_at_exit(&c);
}
