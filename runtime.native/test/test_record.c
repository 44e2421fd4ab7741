/* SPDX-License-Identifier: Apache-2.0 */
/* Start record validation and address placement (loader/record.c). */
#include <string.h>

#include "check.h"
#include "gate/abi.h"
#include "record.h"

static struct gate_start good(void)
{
	struct gate_start s;

	memset(&s, 0, sizeof s);
	s.magic = GATE_START_MAGIC;
	s.version = GATE_START_VERSION;
	s.text_size = 8192;
	s.stack_size = 65536;
	s.globals_size = 4096;
	s.memory_pages = 1;
	s.max_memory_pages = 16;
	s.entry = 16;
	return s;
}

#define BAD(field, value, code)                                              \
	do {                                                                 \
		struct gate_start s = good();                                \
		s.field = value;                                             \
		CHECK(gate_record_check(&s) == (code), "%s = %s", #field, #value); \
	} while (0)

int main(void)
{
	struct gate_start s = good();
	uint64_t a;
	int i;

	CHECK_EQ(gate_record_check(&s), 0);
	CHECK_EQ(gate_state_size(&s), 8192 + 65536 + 4096 + 16 * 65536);
	BAD(magic, 0, GATE_LOADER_MAGIC);
	BAD(version, 2, GATE_LOADER_MAGIC);
	BAD(flags, 2, GATE_LOADER_RECORD);
	BAD(reserved[11], 1, GATE_LOADER_RECORD);
	BAD(abi_size, 4096, GATE_LOADER_RECORD);             /* without an offset */
	BAD(abi_offset, 1ull << 30, GATE_LOADER_RECORD);     /* without a size */
	BAD(text_size, 0, GATE_LOADER_RECORD);
	BAD(text_size, 4097, GATE_LOADER_RECORD);
	BAD(text_size, (1u << 30) + 4096, GATE_LOADER_RECORD);
	BAD(stack_size, 8192, GATE_LOADER_RECORD);
	BAD(stack_size, 65537, GATE_LOADER_RECORD);
	BAD(globals_size, 100, GATE_LOADER_RECORD);
	BAD(globals_size, (1u << 20) + 4096, GATE_LOADER_RECORD);
	BAD(max_memory_pages, 65537, GATE_LOADER_RECORD);
	BAD(memory_pages, 17, GATE_LOADER_RECORD);
	BAD(entry, 8192, GATE_LOADER_RECORD);
	BAD(time_mask_bits, 31, GATE_LOADER_RECORD);
	BAD(text_addr, 0x10000000, GATE_LOADER_RECORD);       /* below the range */
	BAD(text_addr, 0x100000001000ull + 1, GATE_LOADER_RECORD);
	BAD(text_addr, GATE_ADDR_MAX, GATE_LOADER_RECORD);
	BAD(stack_addr, 0x7ffffffff000ull, GATE_LOADER_RECORD);
	BAD(memory_addr, 0x100000001000ull, GATE_LOADER_RECORD); /* not 4 GiB aligned */
	BAD(memory_addr, GATE_ADDR_MIN, GATE_LOADER_RECORD);      /* globals below the range */
	/* ABI area: page aligned, page multiple, after the memory maximum, <= 16 MiB */
	s.abi_offset = gate_state_size(&s);
	s.abi_size = 1 << 21;
	CHECK_EQ(gate_record_check(&s), 0);
	CHECK_EQ(gate_fd_size(&s), gate_state_size(&s) + (1 << 21));
	s.abi_offset -= 4096; /* overlaps the memory maximum */
	CHECK_EQ(gate_record_check(&s), GATE_LOADER_RECORD);
	s.abi_offset += 4096 + 8;
	CHECK_EQ(gate_record_check(&s), GATE_LOADER_RECORD);
	s.abi_offset -= 8;
	s.abi_size = (1 << 24) + 4096;
	CHECK_EQ(gate_record_check(&s), GATE_LOADER_RECORD);
	s.abi_size = 4097;
	CHECK_EQ(gate_record_check(&s), GATE_LOADER_RECORD);
	s.abi_size = 0;
	s.abi_offset = 0;
	CHECK_EQ(gate_fd_size(&s), gate_state_size(&s));
	s.text_addr = 0x100000001000ull;
	s.memory_addr = 0x100000000000ull;
	CHECK_EQ(gate_record_check(&s), 0);
	s.max_memory_pages = 65536;
	s.memory_pages = 65536;
	CHECK_EQ(gate_record_check(&s), 0);

	/* placements stay in range and aligned, for any random input */
	for (i = 0; i < 1000; i++) {
		uint64_t r = (uint64_t)i * 0x9e3779b97f4a7c15ull;

		a = gate_pick_addr(r, GATE_MEMORY_RESERVE, 1 << 20, 1ull << 32);
		CHECK(a && gate_addr_ok(a, GATE_MEMORY_RESERVE, 1 << 20, 1ull << 32), "%#llx",
		      (unsigned long long)a);
		a = gate_pick_addr(r, 1 << 30, GATE_RT_MAP, 4096);
		CHECK(a && gate_addr_ok(a, 1 << 30, GATE_RT_MAP, 4096), "%#llx",
		      (unsigned long long)a);
	}
	CHECK_EQ(gate_pick_addr((GATE_ADDR_MAX - 4096 - GATE_ADDR_MIN) / 4096, 4096, 0, 4096),
		 GATE_ADDR_MAX - 4096);
	CHECK_EQ(gate_pick_addr(0, 4096, 0, 4096), GATE_ADDR_MIN);
	CHECK_EQ(gate_pick_addr(0, GATE_ADDR_MAX, 0, 4096), 0);
	return check_report("test_record");
}
