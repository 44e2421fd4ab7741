/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Symbol lookup in the vDSO image the kernel maps into every process. Freestanding:
 * used by the loader and by its unit test.
 */
#ifndef GATE_VDSO_H
#define GATE_VDSO_H

#include <stdint.h>

/**
 * gate_vdso_lookup: address of a defined dynamic symbol of the vDSO.
 * @base: the vDSO's ELF header (auxv AT_SYSINFO_EHDR), or 0
 * @name: symbol name, e.g. "__vdso_clock_gettime"
 *
 * Walks the section headers for the dynamic symbol table; the vDSO is a
 * kernel-provided image and trusted to be well formed.
 *
 * Return: the symbol's address, or 0 if @base is 0 or there is no such symbol.
 */
uint64_t gate_vdso_lookup(uint64_t base, const char *name) __attribute__((nonnull(2)));

#endif
