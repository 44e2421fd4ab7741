/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Seccomp program of an instance (DESIGN.md §2 "Seccomp filter"). Pure and
 * freestanding: linked into the loader (no libc) and into the unit test.
 */
#ifndef GATE_FILTER_H
#define GATE_FILTER_H

#include <linux/filter.h>
#include <stdint.h>

/* Longest program gate_filter_build() emits. */
#define GATE_FILTER_MAX 40

/**
 * gate_filter_build: emit the seccomp program of one instance.
 * @out: room for GATE_FILTER_MAX instructions
 * @memory_addr: linear memory base (4 GiB aligned)
 * @max_bytes: maximum linear memory size in bytes (0 .. 4 GiB)
 *
 * The program checks the architecture first, kills x32 system calls, allows read on
 * fd 0, write on fd 1, close, ppoll, rt_sigreturn and exit_group, and mprotect only
 * to PROT_READ|PROT_WRITE inside [memory_addr, memory_addr + max_bytes). clock_gettime
 * (the vDSO's fallback) fails with ENOSYS. Everything else kills the process.
 *
 * Return: the number of instructions written, or 0 when @memory_addr is not 4 GiB
 * aligned or @max_bytes exceeds 4 GiB.
 */
unsigned gate_filter_build(struct sock_filter *out, uint64_t memory_addr, uint64_t max_bytes)
	__attribute__((nonnull));

#endif
