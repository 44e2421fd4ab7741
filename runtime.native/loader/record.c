/* SPDX-License-Identifier: Apache-2.0 */
#include "record.h"

#include "gate/abi.h"
#include "gate/abi_area.h"

#define KIB 1024ull
#define MIB (1024 * KIB)
#define GIB (1024 * MIB)

static int page_multiple(uint64_t n)
{
	return (n & (GATE_PAGE - 1)) == 0;
}

int gate_addr_ok(uint64_t addr, uint64_t size, uint64_t below, uint64_t align)
{
	if (addr & (align - 1))
		return 0;
	if (addr < GATE_ADDR_MIN + below)
		return 0;
	return addr <= GATE_ADDR_MAX && size <= GATE_ADDR_MAX - addr;
}

uint64_t gate_pick_addr(uint64_t r, uint64_t size, uint64_t below, uint64_t align)
{
	uint64_t lo = (GATE_ADDR_MIN + below + align - 1) & ~(align - 1);
	uint64_t hi;

	if (size > GATE_ADDR_MAX || lo > GATE_ADDR_MAX - size)
		return 0;
	hi = (GATE_ADDR_MAX - size) & ~(align - 1); /* highest usable address */
	if (hi < lo)
		return 0;
	return lo + (r % ((hi - lo) / align + 1)) * align;
}

int gate_record_check(const struct gate_start *s)
{
	unsigned i;

	if (s->magic != GATE_START_MAGIC || s->version != GATE_START_VERSION)
		return GATE_LOADER_MAGIC;
	if (s->flags & ~GATE_START_RESUME)
		return GATE_LOADER_RECORD;
	for (i = 0; i < sizeof s->reserved; i++)
		if (s->reserved[i])
			return GATE_LOADER_RECORD;
	if (s->text_size == 0 || s->text_size > GIB || !page_multiple(s->text_size))
		return GATE_LOADER_RECORD;
	if (s->stack_size < 16 * KIB || s->stack_size > 64 * MIB ||
	    !page_multiple(s->stack_size))
		return GATE_LOADER_RECORD;
	if (s->globals_size > MIB || !page_multiple(s->globals_size))
		return GATE_LOADER_RECORD;
	if (s->max_memory_pages > 65536 || s->memory_pages > s->max_memory_pages)
		return GATE_LOADER_RECORD;
	if (s->entry >= s->text_size || s->time_mask_bits > 30)
		return GATE_LOADER_RECORD;
	if (s->cpu_limit_s > 1000000)
		return GATE_LOADER_RECORD;
	/* The ABI area: both fields or neither; after everything else in the memfd. */
	if ((s->abi_offset == 0) != (s->abi_size == 0))
		return GATE_LOADER_RECORD;
	if (s->abi_size && (s->abi_size > GATE_ABI_MAX_SIZE || !page_multiple(s->abi_size) ||
			    s->abi_size < GATE_ABI_HEADER_SIZE || !page_multiple(s->abi_offset) ||
			    s->abi_offset < gate_state_size(s) || s->abi_offset > 1ull << 44))
		return GATE_LOADER_RECORD;
	if (s->text_addr &&
	    !gate_addr_ok(s->text_addr, s->text_size, GATE_RT_MAP, GATE_PAGE))
		return GATE_LOADER_RECORD;
	if (s->stack_addr &&
	    !gate_addr_ok(s->stack_addr, GATE_STACK_OFFSET + s->stack_size, 0, GATE_PAGE))
		return GATE_LOADER_RECORD;
	if (s->memory_addr &&
	    !gate_addr_ok(s->memory_addr, GATE_MEMORY_RESERVE, s->globals_size, 1ull << 32))
		return GATE_LOADER_RECORD;
	return 0;
}

uint64_t gate_fd_size(const struct gate_start *s)
{
	return s->abi_size ? s->abi_offset + s->abi_size : gate_state_size(s);
}

uint64_t gate_state_size(const struct gate_start *s)
{
	return GATE_STACK_OFFSET + (uint64_t)s->stack_size + s->globals_size +
	       (uint64_t)s->max_memory_pages * GATE_WASM_PAGE;
}
