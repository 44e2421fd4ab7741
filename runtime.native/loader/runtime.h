/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The runtime copied into an instance's runtime area (DESIGN.md §5, §6): its
 * configuration record, filled in by the loader in the copy, and the symbols the
 * loader needs to find in the image. The runtime is position independent: every
 * reference inside it is pc-relative (the Makefile checks the relocations).
 */
#ifndef GATE_RUNTIME_H
#define GATE_RUNTIME_H

#ifndef __ASSEMBLER__
#include <linux/filter.h>
#include <stdint.h>

#include "filter.h"

/**
 * struct rt_config - what the runtime knows about its instance; read-only once the
 * runtime area is made executable. The first fields are read by runtime_entry.S at
 * the offsets RT_CFG_* below.
 */
struct rt_config {
	uint64_t init_rsp;
	uint64_t init_rbx;
	uint64_t entry;
	uint64_t text_addr;
	uint64_t memory_addr;
	uint64_t vars;
	uint64_t resume;
	uint64_t abi_stack; /* top of the stack ABI calls run on (the alternate signal stack) */
	uint64_t text_end;
	uint64_t area_addr;
	uint64_t guard_addr;
	uint64_t stack_bottom;
	uint64_t max_pages;
	uint64_t vdso_clock;
	uint64_t time_mask;
	int64_t mono_base;
	uint64_t mono_start;
	uint64_t unmap_loader_addr;
	uint64_t unmap_loader_len;
	uint64_t unmap_stack_addr;
	uint64_t unmap_stack_len;
	uint64_t abi_addr; /* the ABI area (abi_area.h), 0 = none: host calls go to the JVM */
	uint64_t abi_size;
	struct sock_fprog fprog;
	struct sock_filter filter[GATE_FILTER_MAX];
};

#pragma GCC visibility push(hidden)
extern struct rt_config rt_cfg;

/* Labels inside the runtime (runtime_entry.S, runtime.c). */
extern char rt_low_begin[], rt_block_begin[], rt_block_end[];
extern char rt_start[], rt_returned[], rt_restorer[];
extern char rt_poll_window[], rt_poll_syscall[], rt_poll_interrupted[];
void rt_signal(int sig, void *info, void *uc);
long rt_ppoll(void *fds, unsigned long n, void *timeout);
/* For the ABI (abi_sandbox.c): end the run with an exit code at an import site, the
 * clocks (ABI_CLOCK_*), and the calls the host slot and the exit path make. */
__attribute__((noreturn)) void rt_stop(int code, uint64_t pc, uint64_t sp);
int64_t rt_clock(int clock);
void rt_abi_call(uint32_t function, uint64_t pc, uint64_t sp);
void rt_abi_exit(uint32_t unused, uint64_t pc, uint64_t sp);
/* Call fn(a, b, c) on the ABI stack (runtime_entry.S): the wasm stack guarantees only
 * GATE_STACK_RESERVE bytes below the limit, too little for the ABI. */
void rt_abi_switch(uint32_t a, uint64_t b, uint64_t c, void (*fn)(uint32_t, uint64_t, uint64_t));
#pragma GCC visibility pop

#endif

#define RT_CFG_INIT_RSP 0
#define RT_CFG_INIT_RBX 8
#define RT_CFG_ENTRY 16
#define RT_CFG_TEXT 24
#define RT_CFG_MEMORY 32
#define RT_CFG_VARS 40
#define RT_CFG_RESUME 48
#define RT_CFG_ABI_STACK 56

/* offsetof(struct gate_vars, suspend) */
#define RT_VARS_SUSPEND 64

#endif
