/* SPDX-License-Identifier: Apache-2.0 */
#include "vdso.h"

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/* The ELF64 structures, as far as the lookup needs them. */
struct elf_ehdr {
	uint8_t ident[16];
	uint16_t type, machine;
	uint32_t version;
	uint64_t entry, phoff, shoff;
	uint32_t flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf_phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

struct elf_shdr {
	uint32_t name, type;
	uint64_t flags, addr, offset, size;
	uint32_t link, info;
	uint64_t addralign, entsize;
};

struct elf_sym {
	uint32_t name;
	uint8_t info, other;
	uint16_t shndx;
	uint64_t value, size;
};

#define PT_LOAD 1
#define SHT_DYNSYM 11

uint64_t gate_vdso_lookup(uint64_t base, const char *name)
{
	const struct elf_ehdr *eh = (const void *)base;
	const struct elf_phdr *ph = (const void *)(base + eh->phoff);
	const struct elf_shdr *sh = (const void *)(base + eh->shoff);
	uint64_t bias = base;
	unsigned i, j;

	if (!base)
		return 0;
	for (i = 0; i < eh->phnum; i++)
		if (ph[i].type == PT_LOAD) {
			bias = base + ph[i].offset - ph[i].vaddr;
			break;
		}
	for (i = 0; i < eh->shnum; i++) {
		const struct elf_sym *sym;
		const char *names;

		if (sh[i].type != SHT_DYNSYM || sh[i].link >= eh->shnum)
			continue;
		sym = (const void *)(base + sh[i].offset);
		names = (const char *)(base + sh[sh[i].link].offset);
		for (j = 0; j < sh[i].size / sizeof *sym; j++)
			if (sym[j].shndx && streq(names + sym[j].name, name))
				return bias + sym[j].value;
	}
	return 0;
}
