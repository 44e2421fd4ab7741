/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Gate native runtime: the ABI area (the program ABI served inside the sandbox,
 * DESIGN.md §9, /work/notes/s8/abi-native.md). A page-aligned range of the state
 * memfd, after the linear-memory maximum, mapped shared and read-write at a random
 * address; the start record's abi_offset/abi_size name it. The JVM writes the
 * configuration fields, the runtime the result fields and its private state.
 * Every layout here is fixed and mirrored in Java (gate.executor AbiArea).
 * All fields little-endian; offsets in the comments are bytes from the area start.
 */
#ifndef GATE_ABI_AREA_H
#define GATE_ABI_AREA_H

#include <stdint.h>

#define GATE_ABI_MAGIC 0x30494241u /* "ABI0" */
#define GATE_ABI_VERSION 1u

/* The header takes the first GATE_ABI_HEADER_SIZE bytes of the area. */
#define GATE_ABI_HEADER_SIZE 256u
/* Upper bound of start.abi_size. */
#define GATE_ABI_MAX_SIZE 0x1000000u
/* Room the JVM reserves at message_offset for a reason text. */
#define GATE_ABI_MESSAGE_SIZE 512u
/* Limits the runtime enforces on the configuration (fail closed: INTERNAL_ERROR). */
#define GATE_ABI_MAX_IMPORTS 65536u
#define GATE_ABI_MIN_SEND_SIZE 16u
#define GATE_ABI_MAX_SEND_SIZE 65536u
/* Bytes of runtime-private state the runtime needs at state_offset (state_size must
 * be at least this). Its layout is the runtime's business (loader/abi_state.h). */
#define GATE_ABI_STATE_SIZE 0x200000u

struct gate_abi_area {
	uint32_t magic;              /*   0 JVM: GATE_ABI_MAGIC */
	uint32_t version;            /*   4 JVM: GATE_ABI_VERSION */
	uint32_t area_size;          /*   8 JVM: == start.abi_size */
	uint32_t import_count;       /*  12 JVM: imported functions (function indexes 0..n-1) */
	uint32_t bindings_offset;    /*  16 JVM: uint16_t[import_count], GATE_ABI_FN_* */
	uint32_t args_offset;        /*  20 JVM: u32 count, then count NUL-terminated strings */
	uint32_t args_size;          /*  24 JVM: bytes at args_offset */
	uint32_t env_offset;         /*  28 JVM: same layout as args */
	uint32_t env_size;           /*  32 JVM */
	uint32_t max_send_size;      /*  36 JVM: AbiConfig.maxSendSize */
	uint64_t time_resolution_ns; /*  40 JVM: >= 1 */
	uint64_t random_limit;       /*  48 JVM: total bytes random_get may hand out */
	uint64_t random_used;        /*  56 RT: bytes handed out so far (JVM zeroes at creation) */
	uint32_t random_offset;      /*  64 JVM: the random pool */
	uint32_t random_capacity;    /*  68 JVM: its size */
	uint32_t random_count;       /*  72 JVM before every start, RT counts down */
	uint32_t stop_reason;        /*  76 RT: GATE_ABI_STOP_*, JVM zeroes before every start */
	uint32_t exit_value;         /*  80 RT: proc_exit's argument */
	uint32_t message_offset;     /*  84 JVM: GATE_ABI_MESSAGE_SIZE bytes of room */
	uint32_t message_len;        /*  88 RT: bytes of the reason (UTF-8) */
	uint32_t state_offset;       /*  92 JVM: runtime-private state, zero at creation */
	uint32_t state_size;         /*  96 JVM: >= GATE_ABI_STATE_SIZE */
	uint32_t reserved0;          /* 100 zero (alignment of the next field) */
	uint64_t monotonic_base_ns;  /* 104 JVM: program clock value where ABI monotonic is 0 */
	uint8_t reserved[GATE_ABI_HEADER_SIZE - 112]; /* 112 zero */
};

_Static_assert(sizeof(struct gate_abi_area) == GATE_ABI_HEADER_SIZE, "gate_abi_area layout");

/* Bindings: function id, | GATE_ABI_FN_UNSTABLE for imports from wasi_unstable. */
#define GATE_ABI_FN_UNSTABLE 0x100u
#define GATE_ABI_FN_ID_MASK 0xffu

enum gate_abi_fn {
	GATE_ABI_FN_NONE = 0,
	GATE_ABI_FN_IO = 1,                 /* gate.io_N */
	GATE_ABI_FN_FD = 2,                 /* gate.fd_N */
	GATE_ABI_FN_ARGS_SIZES_GET = 3,
	GATE_ABI_FN_ARGS_GET = 4,
	GATE_ABI_FN_ENVIRON_SIZES_GET = 5,
	GATE_ABI_FN_ENVIRON_GET = 6,
	GATE_ABI_FN_CLOCK_RES_GET = 7,
	GATE_ABI_FN_CLOCK_TIME_GET = 8,
	GATE_ABI_FN_FD_WRITE = 9,
	GATE_ABI_FN_FD_READ = 10,
	GATE_ABI_FN_FD_FDSTAT_GET = 11,
	GATE_ABI_FN_FD_FILESTAT_GET = 12,
	GATE_ABI_FN_FD_FDSTAT_SET_FLAGS = 13,
	GATE_ABI_FN_FD_PRESTAT_GET = 14,
	GATE_ABI_FN_FD_PRESTAT_DIR_NAME = 15,
	GATE_ABI_FN_POLL_ONEOFF = 16,
	GATE_ABI_FN_PROC_EXIT = 17,
	GATE_ABI_FN_SCHED_YIELD = 18,
	GATE_ABI_FN_PROC_RAISE = 19,
	GATE_ABI_FN_RANDOM_GET = 20,
	GATE_ABI_FN_ESPIPE_GROUP = 21,  /* fd_seek fd_tell fd_pread fd_pwrite fd_readdir ... (arg 0 = fd) */
	GATE_ABI_FN_ENOTSUP_GROUP = 22, /* fd_close fd_renumber fd_fdstat_set_rights (arg 0 = fd) */
	GATE_ABI_FN_ENOENT_GROUP = 23,  /* path_* */
	GATE_ABI_FN_ENOTSOCK_GROUP = 24, /* sock_* */
	GATE_ABI_FN_MAX = 24,
};

/* stop_reason: how a run ended inside the ABI (contract §6). */
enum gate_abi_stop {
	GATE_ABI_STOP_NONE = 0,
	GATE_ABI_STOP_EXIT = 1,       /* proc_exit; exit_value; process exit 2 (code 0) or 3 */
	GATE_ABI_STOP_VIOLATION = 2,  /* trap 28, message, final */
	GATE_ABI_STOP_DEFICIENCY = 3, /* trap 27 at the import site, message, resumable */
	GATE_ABI_STOP_SUSPENDED = 4,  /* trap 2 at the import site, resumable */
	GATE_ABI_STOP_RANDOM = 5,     /* trap 29 at the import site: refill the pool, resume */
	GATE_ABI_STOP_INPUT = 6,      /* trap 29, final: the session's stream does not frame */
};

/* Packet code of the runtime's own channel to the JVM on fd 1 (contract §7). */
#define GATE_ABI_CODE_RUNTIME (-3)

#endif
