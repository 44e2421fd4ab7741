/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Start record rules (DESIGN.md §4). Pure and freestanding: used by the loader,
 * which fails closed on any violation, and by the unit tests.
 */
#ifndef GATE_RECORD_H
#define GATE_RECORD_H

#include <stdint.h>

#include "gate/protocol.h"

/**
 * gate_record_check: validate every field of a start record.
 * @s: the record as received
 *
 * Return: 0 if usable, GATE_LOADER_MAGIC for a wrong magic or version, or
 * GATE_LOADER_RECORD for any size, address, limit or reserved byte out of range.
 */
int gate_record_check(const struct gate_start *s) __attribute__((nonnull));

/**
 * gate_state_size: bytes the state memfd must have for this record: vars, guard,
 * stack, globals and the whole memory maximum.
 * @s: a record accepted by gate_record_check()
 */
uint64_t gate_state_size(const struct gate_start *s) __attribute__((nonnull));

/**
 * gate_fd_size: bytes the state memfd must have: gate_state_size(), or the end of the
 * ABI area if there is one.
 * @s: a record accepted by gate_record_check()
 */
uint64_t gate_fd_size(const struct gate_start *s) __attribute__((nonnull));

/**
 * gate_pick_addr: map a random number to an address for a mapping of @size bytes.
 * @r: random bits
 * @size: bytes the mapping needs above the returned address
 * @below: bytes it needs below the returned address
 * @align: power of two
 *
 * Return: an @align-aligned address a with [a - below, a + size) inside
 * [GATE_ADDR_MIN, GATE_ADDR_MAX), or 0 if nothing fits.
 */
uint64_t gate_pick_addr(uint64_t r, uint64_t size, uint64_t below, uint64_t align);

/**
 * gate_addr_ok: whether [addr - below, addr + size) lies in the placement range
 * and addr is @align-aligned.
 */
int gate_addr_ok(uint64_t addr, uint64_t size, uint64_t below, uint64_t align);

#endif
