/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Gate native runtime: the ABI between generated code and the runtime (DESIGN.md §5).
 * Plain #defines so that assembly sources can include it too.
 */
#ifndef GATE_ABI_H
#define GATE_ABI_H

/* The runtime area lies directly below the text; slot k is at text - AREA + 16 k. */
#define GATE_RT_AREA 0x4000
#define GATE_RT_SLOT_SIZE 16
/* Bytes mapped below the text for the runtime: the slot table and what follows it fill
 * the last GATE_RT_AREA bytes; the program ABI's code lies below (DESIGN.md §9). */
#define GATE_RT_MAP 0x10000

#define GATE_SLOT_TRAP 0
#define GATE_SLOT_EXIT 1
#define GATE_SLOT_READ 2
#define GATE_SLOT_WRITE 3
#define GATE_SLOT_POLL 4
#define GATE_SLOT_TIME 5
#define GATE_SLOT_RANDOM 6
#define GATE_SLOT_GROW 7
#define GATE_SLOT_SIZE 8
#define GATE_SLOT_HOST 9
#define GATE_SLOT_COUNT 10

/* Offset of slot k from the text base (negative). */
#define GATE_SLOT_OFFSET(k) (-GATE_RT_AREA + GATE_RT_SLOT_SIZE * (k))

/* ORed into rbx (the stack limit register) to request suspension. */
#define GATE_SUSPEND_BITS 0x4000000000000001

/* Bytes below the stack limit kept for runtime calls. */
#define GATE_STACK_RESERVE 1024

/* poll slot result bits */
#define GATE_POLL_IN 1
#define GATE_POLL_OUT 2
#define GATE_POLL_IN_HUP 4
#define GATE_POLL_OUT_ERR 8

/*
 * host slot (DESIGN.md §5): a request of two u32 {GATE_HOST_REQUEST, function} on fd 1,
 * then a reply of two u32 {command, 0} on fd 0.
 */
#define GATE_HOST_REQUEST 0x54534f48 /* "HOST" */
#define GATE_HOST_CONTINUE 0
#define GATE_HOST_STOP 1

/* time slot clocks */
#define GATE_CLOCK_REALTIME 0
#define GATE_CLOCK_MONOTONIC 1

/* Linear memory reservation: base + u32 + offset (< 2^31) + 16-byte access. */
#define GATE_MEMORY_RESERVE 0x180010000

/* Address range the loader places text, stack and memory in. */
#define GATE_ADDR_MIN 0x100000000
#define GATE_ADDR_MAX 0x400000000000

/* The loader image is linked here and unmapped before generated code runs. */
#define GATE_LOADER_ADDR 0x10000000

/* Size of the alternate signal stack. */
#define GATE_ALTSTACK_SIZE 0x10000

#endif
