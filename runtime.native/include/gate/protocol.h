/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Gate native runtime: wire protocol between the JVM and gate-container, the start
 * record forwarded to an instance, and the state ("vars") page an instance keeps in
 * its state memfd. Shared with the Java side: every layout here is fixed.
 *
 * Usage sequence (JVM side):
 *   1. socketpair(AF_UNIX, SOCK_SEQPACKET); start gate-container with one end as fd 3.
 *   2. read the HELLO reply.
 *   3. per instance: send struct gate_request {GATE_OP_START} + struct gate_start with
 *      SCM_RIGHTS {input, output, text, state}; later read exactly one DONE (or one
 *      ERROR if the start was refused).
 *   4. KILL / SUSPEND by id at any time; POOL to size the idle pool.
 *   5. close the socket: the container kills what is left and exits 0.
 *
 * See DESIGN.md §3 and §4 for the rules behind each field.
 */
#ifndef GATE_PROTOCOL_H
#define GATE_PROTOCOL_H

#include <stdint.h>

#define GATE_PROTOCOL_VERSION 1

/* The control socket's fd number in gate-container. */
#define GATE_CONTROL_FD 3

/* Instance ids are small integers chosen by the JVM. */
#define GATE_MAX_ID 65536u

/* Upper bound of the idle pool size (POOL op, --pool). */
#define GATE_MAX_POOL 64u

enum gate_op {
	GATE_OP_START = 1,
	GATE_OP_KILL = 2,
	GATE_OP_SUSPEND = 3,
	GATE_OP_POOL = 4,
	GATE_OP_HANDOUT = 5,
	GATE_OP_CLAIM = 6,
};

/*
 * Hand-out mode (DESIGN.md §3): idle processes get ids from here up, chosen by the
 * container; a START's id must then be below.
 */
#define GATE_HANDOUT_ID_MIN 32768u

/* Number and order of the fds a START carries. */
enum gate_start_fd {
	GATE_FD_INPUT = 0,
	GATE_FD_OUTPUT = 1,
	GATE_FD_TEXT = 2,
	GATE_FD_STATE = 3,
	GATE_START_FDS = 4,
};

struct gate_request {
	uint16_t op;
	uint16_t flags;
	uint32_t id;
	uint32_t arg;
	uint32_t reserved;
};

#define GATE_START_MAGIC 0x31657447u
#define GATE_START_VERSION 1
#define GATE_START_RESUME 1u

struct gate_start {
	uint32_t magic;
	uint16_t version;
	uint16_t flags;
	uint64_t text_addr;
	uint64_t stack_addr;
	uint64_t memory_addr;
	uint32_t text_size;
	uint32_t stack_size;
	uint32_t globals_size;
	uint32_t memory_pages;
	uint32_t max_memory_pages;
	uint32_t entry;
	uint32_t cpu_limit_s;
	uint32_t time_mask_bits;
	uint64_t monotonic_ns;
	uint64_t abi_offset; /* ABI area in the state memfd (abi_area.h), page aligned; 0 = none */
	uint32_t abi_size;   /* bytes, page multiple, <= GATE_ABI_MAX_SIZE; 0 = none */
	uint8_t reserved[12];
};

enum gate_reply_kind {
	GATE_REPLY_HELLO = 1,
	GATE_REPLY_DONE = 2,
	GATE_REPLY_ERROR = 3,
	GATE_REPLY_IDLE = 4,
};

/* HELLO flags */
#define GATE_HELLO_NAMESPACES 1u

/* DONE flags */
#define GATE_DONE_KILL_REQUESTED 1u
#define GATE_DONE_SUSPEND_REQUESTED 2u

enum gate_status {
	GATE_STATUS_EXIT = 1,
	GATE_STATUS_TRAP = 2,
	GATE_STATUS_KILLED = 3,
	GATE_STATUS_CPU_LIMIT = 4,
	GATE_STATUS_SECCOMP = 5,
	GATE_STATUS_SIGNAL = 6,
	GATE_STATUS_LOADER = 7,
};

struct gate_reply {
	uint32_t id;
	uint16_t kind;
	uint16_t status;
	int32_t code;
	uint32_t flags;
	uint64_t cpu_ns;
};

/* Trap ids: gate.engine.TrapId. */
enum gate_trap {
	GATE_TRAP_EXIT = 0,
	GATE_TRAP_NO_FUNCTION = 1,
	GATE_TRAP_SUSPENDED = 2,
	GATE_TRAP_UNREACHABLE = 3,
	GATE_TRAP_CALL_STACK_EXHAUSTED = 4,
	GATE_TRAP_MEMORY_OUT_OF_BOUNDS = 5,
	GATE_TRAP_INDIRECT_INDEX = 6,
	GATE_TRAP_INDIRECT_SIGNATURE = 7,
	GATE_TRAP_DIVIDE_BY_ZERO = 8,
	GATE_TRAP_INTEGER_OVERFLOW = 9,
	GATE_TRAP_BREAKPOINT = 10,
	GATE_TRAP_INVALID_CONVERSION = 11,
	GATE_TRAP_TABLE_OUT_OF_BOUNDS = 12,
	GATE_TRAP_ABI_DEFICIENCY = 27,
	GATE_TRAP_ABI_VIOLATION = 28,
	GATE_TRAP_INTERNAL_ERROR = 29,
	GATE_TRAP_KILLED = 30,
	GATE_TRAP_MAX = 30,
};

/* Instance process exit codes (DESIGN.md §7). */
#define GATE_EXIT_MAX_NORMAL 3
#define GATE_EXIT_TRAP_BASE 100

enum gate_loader_error {
	GATE_LOADER_MIN = 10,
	GATE_LOADER_ARGS = 10,        /* unexpected argv/envp/auxv */
	GATE_LOADER_RECV = 11,        /* recvmsg on fd 0 failed or peer closed */
	GATE_LOADER_MESSAGE = 12,     /* wrong size, truncated, wrong fd count */
	GATE_LOADER_MAGIC = 13,       /* magic or version */
	GATE_LOADER_RECORD = 14,      /* a size, address or limit out of range */
	GATE_LOADER_FD = 15,          /* text/state fd too small or not usable */
	GATE_LOADER_RANDOM = 16,      /* getrandom */
	GATE_LOADER_MAP = 17,         /* mmap/mprotect/collision */
	GATE_LOADER_FDS = 18,         /* dup/close_range/fcntl */
	GATE_LOADER_LIMITS = 19,      /* setrlimit/prctl/capset */
	GATE_LOADER_SIGNALS = 20,     /* sigaltstack/sigaction */
	GATE_LOADER_UNMAP = 21,       /* unmapping the loader */
	GATE_LOADER_SECCOMP = 22,     /* installing the filter */
	GATE_LOADER_VDSO = 23,        /* vDSO clock not found */
	GATE_LOADER_SPAWN = 24,       /* the container could not prepare or exec the loader */
	GATE_LOADER_MAX = 49,
};

/* State memfd layout (DESIGN.md §4). */
#define GATE_PAGE 4096u
#define GATE_WASM_PAGE 65536u
#define GATE_VARS_OFFSET 0u
#define GATE_STACK_OFFSET 8192u
#define GATE_VARS_MAGIC 0x53726176u

enum gate_vars_state {
	GATE_VARS_FRESH = 0,
	GATE_VARS_RUNNING = 1,
	GATE_VARS_STOPPED = 2,
};

struct gate_vars {
	uint32_t magic;
	uint32_t state;
	uint32_t exit_code;
	uint32_t memory_pages;
	uint64_t sp_offset;
	uint64_t trap_pc;
	uint64_t monotonic_ns;
	uint64_t text_addr;
	uint64_t stack_addr;
	uint64_t memory_addr;
	uint32_t suspend;
	uint32_t random_avail;
	uint8_t random[32];
};

_Static_assert(sizeof(struct gate_request) == 16, "gate_request layout");
_Static_assert(sizeof(struct gate_start) == 96, "gate_start layout");
_Static_assert(__builtin_offsetof(struct gate_start, abi_offset) == 72, "gate_start layout");
_Static_assert(__builtin_offsetof(struct gate_start, abi_size) == 80, "gate_start layout");
_Static_assert(sizeof(struct gate_reply) == 24, "gate_reply layout");
_Static_assert(sizeof(struct gate_vars) == 104, "gate_vars layout");

#endif
