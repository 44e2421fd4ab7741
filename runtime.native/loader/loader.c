/* SPDX-License-Identifier: Apache-2.0 */
/*
 * gate-loader: the first code of an instance process (DESIGN.md §2). Receives the
 * start record and the instance's fds from the container, maps the instance, locks
 * the process down and jumps to the runtime, which unmaps this image. Any failure
 * exits with a GATE_LOADER_* code: nothing is retried once something went wrong.
 */
#include <stddef.h>
#include <stdint.h>

#include "filter.h"
#include "gate/abi.h"
#include "gate/protocol.h"
#include "nolibc.h"
#include "record.h"
#include "runtime.h"
#include "vdso.h"

extern char __loader_begin[], __loader_end[];

/* Slack for the vDSO and vvar pages in the address-space limit. */
#define AS_SLACK 0x100000ull
/* The kernel's initial stack is at most RLIMIT_STACK (64 KiB, spawn.c) below its top. */
#define OLD_STACK_SPAN 0x40000ull
#define PICK_TRIES 16

#define check(cond, code)                \
	do {                             \
		if (!(cond))             \
			sys_exit(code);  \
	} while (0)

/* Compiler-emitted calls (struct copies) land here; there is no libc. */
void *memcpy(void *dst, const void *src, size_t n)
{
	char *d = dst;
	const char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	char *d = dst;

	while (n--)
		*d++ = (char)c;
	return dst;
}

struct auxv {
	uint64_t vdso;
	uint64_t execfn;
};

static struct auxv read_auxv(uint64_t *sp)
{
	uint64_t argc = sp[0];
	uint64_t *p = sp + 1 + argc + 1;
	struct auxv a = { 0, 0 };

	/* Spawned with argv = {name} and an empty environment, nothing else. */
	check(argc == 1 && *p == 0, GATE_LOADER_ARGS);
	for (p++; p[0]; p += 2) {
		if (p[0] == K_AT_SYSINFO_EHDR)
			a.vdso = p[1];
		else if (p[0] == K_AT_EXECFN)
			a.execfn = p[1];
	}
	check(a.execfn != 0, GATE_LOADER_ARGS);
	return a;
}

struct received {
	struct gate_start rec;
	int fd[GATE_START_FDS];
};

static void receive(struct received *r)
{
	union {
		struct k_cmsghdr h;
		char buf[sizeof(struct k_cmsghdr) + 4 * (GATE_START_FDS + 1)];
	} ctl;
	char extra;
	struct k_iovec iov[2] = { { &r->rec, sizeof r->rec }, { &extra, 1 } };
	struct k_msghdr msg = { 0, 0, iov, 2, &ctl, sizeof ctl, 0 };
	long n;
	unsigned i;

	do
		n = sys3(NR_recvmsg, 0, &msg, 0);
	while (n == -K_EINTR);
	check(n > 0, GATE_LOADER_RECV);
	check(n == sizeof r->rec && !(msg.flags & (K_MSG_CTRUNC | K_MSG_TRUNC)),
	      GATE_LOADER_MESSAGE);
	check(msg.controllen >= sizeof ctl.h && ctl.h.level == K_SOL_SOCKET &&
		      ctl.h.type == K_SCM_RIGHTS &&
		      ctl.h.len == sizeof ctl.h + 4 * GATE_START_FDS,
	      GATE_LOADER_MESSAGE);
	for (i = 0; i < GATE_START_FDS; i++)
		memcpy(&r->fd[i], ctl.buf + sizeof ctl.h + 4 * i, 4);
}

/* One getrandom() serves every placement of a start (usually four picks). The pool
 * lives on the stack: the loader has no writable data segment (loader.ld). */
struct rng {
	uint64_t pool[8];
	unsigned avail;
};

static void fill(struct rng *g)
{
	check(sys3(NR_getrandom, g->pool, sizeof g->pool, 0) == sizeof g->pool, GATE_LOADER_RANDOM);
	g->avail = sizeof g->pool / sizeof g->pool[0];
}

static uint64_t random64(struct rng *g)
{
	if (!g->avail)
		fill(g);
	return g->pool[--g->avail];
}

static long map(uint64_t addr, uint64_t len, int prot, int flags, int fd, uint64_t off)
{
	return sys6(NR_mmap, (long)addr, (long)len, prot, flags | K_MAP_FIXED_NOREPLACE, fd,
		    (long)off);
}

/*
 * Map [addr - below, addr + size) with @fn at a given address, or at random ones
 * until one is free. A given address that is taken is an error, never a retry.
 */
typedef int (*map_fn)(uint64_t addr, const struct received *r);

static uint64_t place(uint64_t addr, uint64_t size, uint64_t below, uint64_t align,
		      map_fn fn, const struct received *r, struct rng *g)
{
	int i;

	if (addr) {
		check(fn(addr, r) == 0, GATE_LOADER_MAP);
		return addr;
	}
	for (i = 0; i < PICK_TRIES; i++) {
		int e;

		addr = gate_pick_addr(random64(g), size, below, align);
		check(addr != 0, GATE_LOADER_RECORD);
		e = fn(addr, r);
		if (e == 0)
			return addr;
		check(e == -K_EEXIST, GATE_LOADER_MAP);
	}
	sys_exit(GATE_LOADER_MAP);
}

static int map_code(uint64_t text, const struct received *r)
{
	long e = map(text - GATE_RT_MAP, GATE_RT_MAP, K_PROT_READ | K_PROT_WRITE,
		     K_MAP_PRIVATE | K_MAP_ANONYMOUS, -1, 0);

	if (e < 0)
		return (int)e;
	/* Private and read-only: every instance shares the page cache copy. */
	e = map(text, r->rec.text_size, K_PROT_READ | K_PROT_EXEC, K_MAP_PRIVATE,
		r->fd[GATE_FD_TEXT], 0);
	if (e < 0)
		sys2(NR_munmap, text - GATE_RT_MAP, GATE_RT_MAP);
	return e < 0 ? (int)e : 0;
}

static int map_stack(uint64_t addr, const struct received *r)
{
	long e = map(addr, GATE_STACK_OFFSET + r->rec.stack_size, K_PROT_READ | K_PROT_WRITE,
		     K_MAP_SHARED, r->fd[GATE_FD_STATE], 0);

	if (e < 0)
		return (int)e;
	check(sys3(NR_mprotect, addr + GATE_PAGE, GATE_PAGE, K_PROT_NONE) == 0, GATE_LOADER_MAP);
	return 0;
}

static int map_memory(uint64_t base, const struct received *r)
{
	uint64_t gs = r->rec.globals_size;
	uint64_t max = (uint64_t)r->rec.max_memory_pages * GATE_WASM_PAGE;
	uint64_t rw = gs + (uint64_t)r->rec.memory_pages * GATE_WASM_PAGE;
	long e;

	/* The whole guard range first, so nothing else can ever be placed inside it. */
	e = map(base - gs, gs + GATE_MEMORY_RESERVE, K_PROT_NONE,
		K_MAP_PRIVATE | K_MAP_ANONYMOUS | K_MAP_NORESERVE, -1, 0);
	if (e < 0)
		return (int)e;
	if (gs + max) {
		e = sys6(NR_mmap, (long)(base - gs), (long)(gs + max), K_PROT_NONE,
			 K_MAP_SHARED | K_MAP_FIXED, r->fd[GATE_FD_STATE],
			 (long)(GATE_STACK_OFFSET + r->rec.stack_size));
		check(e == (long)(base - gs), GATE_LOADER_MAP);
	}
	if (rw)
		check(sys3(NR_mprotect, base - gs, rw, K_PROT_READ | K_PROT_WRITE) == 0,
		      GATE_LOADER_MAP);
	return 0;
}

static int map_altstack(uint64_t addr, const struct received *r)
{
	long e = map(addr, GATE_ALTSTACK_SIZE, K_PROT_READ | K_PROT_WRITE,
		     K_MAP_PRIVATE | K_MAP_ANONYMOUS, -1, 0);

	(void)r;
	return e < 0 ? (int)e : 0;
}

/* The ABI area (abi_area.h): shared with the JVM, read-write, never executable. */
static int map_abi(uint64_t addr, const struct received *r)
{
	long e = map(addr, r->rec.abi_size, K_PROT_READ | K_PROT_WRITE, K_MAP_SHARED,
		     r->fd[GATE_FD_STATE], r->rec.abi_offset);

	return e < 0 ? (int)e : 0;
}

static void check_fds(const struct received *r)
{
	struct k_stat st;
	long seals = sys2(NR_fcntl, r->fd[GATE_FD_TEXT], K_F_GET_SEALS);

	/* Code is immutable: a private mapping still sees later writes to the file's
	 * pages, and a shrunk file would fault. Only a sealed memfd will do. */
	check(seals >= 0 && (seals & (K_F_SEAL_WRITE | K_F_SEAL_SHRINK)) ==
				    (K_F_SEAL_WRITE | K_F_SEAL_SHRINK),
	      GATE_LOADER_FD);
	check(sys2(NR_fstat, r->fd[GATE_FD_TEXT], &st) == 0 &&
		      (uint64_t)st.size >= r->rec.text_size,
	      GATE_LOADER_FD);
	check(sys2(NR_fstat, r->fd[GATE_FD_STATE], &st) == 0 &&
		      (uint64_t)st.size >= gate_fd_size(&r->rec),
	      GATE_LOADER_FD);
}

/* fds 0 and 1 become the instance's input and output; nothing else stays open. */
static void install_fds(const struct received *r)
{
	int in = r->fd[GATE_FD_INPUT];
	int out = r->fd[GATE_FD_OUTPUT];
	int i;

	check(sys3(NR_dup3, in, 0, 0) == 0, GATE_LOADER_FDS);
	if (out != 1)
		check(sys3(NR_dup3, out, 1, 0) == 1, GATE_LOADER_FDS);
	check(sys3(NR_close_range, 2, ~0u, 0) == 0, GATE_LOADER_FDS);
	for (i = 0; i < 2; i++) {
		long fl = sys2(NR_fcntl, i, K_F_GETFL);

		check(fl >= 0 && sys3(NR_fcntl, i, K_F_SETFL, fl | K_O_NONBLOCK) == 0,
		      GATE_LOADER_FDS);
	}
}

static void set_limit(int res, uint64_t cur, uint64_t max)
{
	struct k_rlimit l = { cur, max };

	check(sys4(NR_prlimit64, 0, res, &l, 0) == 0, GATE_LOADER_LIMITS);
}

struct cap_header {
	uint32_t version;
	int pid;
};

struct cap_data {
	uint32_t effective, permitted, inheritable;
};

/* What does not depend on the start record, done while the process waits in the pool. */
static void lock_down_early(void)
{
	struct cap_header h = { 0x20080522, 0 }; /* _LINUX_CAPABILITY_VERSION_3 */
	struct cap_data d[2] = { { 0, 0, 0 }, { 0, 0, 0 } };

	/* exec made us dumpable again; no core, no ptrace by the same uid. */
	check(sys2(NR_prctl, K_PR_SET_DUMPABLE, 0) == 0, GATE_LOADER_LIMITS);
	check(sys2(NR_prctl, K_PR_SET_NO_NEW_PRIVS, 1) == 0, GATE_LOADER_LIMITS);
	check(sys2(NR_capset, &h, d) == 0, GATE_LOADER_LIMITS);
}

static void lock_down(const struct received *r, uint64_t mapped)
{
	set_limit(K_RLIMIT_NOFILE, 2, 2);
	/* Address space: what is mapped now plus the vDSO; the loader image is still
	 * counted and goes away, so nothing can grow even before seccomp. */
	set_limit(K_RLIMIT_AS, mapped, mapped);
	if (r->rec.cpu_limit_s)
		set_limit(K_RLIMIT_CPU, r->rec.cpu_limit_s, r->rec.cpu_limit_s + 1ull);
}

static void install_signals(uint64_t area, uint64_t altstack)
{
	uint64_t handler = area + (uint64_t)((char *)rt_signal - rt_block_begin);
	uint64_t restorer = area + (uint64_t)(rt_restorer - rt_block_begin);
	struct k_stack ss = { (void *)altstack, 0, GATE_ALTSTACK_SIZE };
	struct k_sigaction fault = { (void *)handler,
				     K_SA_SIGINFO | K_SA_ONSTACK | K_SA_RESTORER,
				     (void *)restorer, 0 };
	struct k_sigaction suspend = fault;
	struct k_sigaction ignore = { (void *)K_SIG_IGN, K_SA_RESTORER, (void *)restorer, 0 };
	uint64_t block = K_SIGBIT(K_SIGXCPU);

	/* Suspend stays blocked until the runtime has set rbx (rt_start). */
	check(sys4(NR_rt_sigprocmask, K_SIG_BLOCK, &block, 0, 8) == 0, GATE_LOADER_SIGNALS);
	check(sys2(NR_sigaltstack, &ss, 0) == 0, GATE_LOADER_SIGNALS);
	/* A fault inside the suspend handler must still end the process. */
	suspend.mask = K_SIGBIT(K_SIGXCPU);
	check(sys4(NR_rt_sigaction, K_SIGSEGV, &fault, 0, 8) == 0 &&
		      sys4(NR_rt_sigaction, K_SIGBUS, &fault, 0, 8) == 0 &&
		      sys4(NR_rt_sigaction, K_SIGXCPU, &suspend, 0, 8) == 0 &&
		      sys4(NR_rt_sigaction, K_SIGPIPE, &ignore, 0, 8) == 0,
	      GATE_LOADER_SIGNALS);
}

static struct gate_vars *init_vars(const struct received *r, uint64_t stack, uint64_t text,
				   uint64_t memory)
{
	struct gate_vars *v = (struct gate_vars *)stack;

	if (r->rec.flags & GATE_START_RESUME)
		check(v->magic == GATE_VARS_MAGIC && v->sp_offset >= GATE_STACK_RESERVE &&
			      v->sp_offset <= r->rec.stack_size && (v->sp_offset & 7) == 0,
		      GATE_LOADER_RECORD);
	v->magic = GATE_VARS_MAGIC;
	v->state = GATE_VARS_FRESH;
	v->exit_code = 0;
	v->memory_pages = r->rec.memory_pages;
	v->trap_pc = ~0ull;
	v->monotonic_ns = r->rec.monotonic_ns;
	v->text_addr = text;
	v->stack_addr = stack;
	v->memory_addr = memory;
	v->suspend = 0;
	check(sys3(NR_getrandom, v->random, sizeof v->random, 0) == sizeof v->random,
	      GATE_LOADER_RANDOM);
	v->random_avail = sizeof v->random;
	return v;
}

void __attribute__((noreturn)) loader_main(uint64_t *sp)
{
	struct auxv aux = read_auxv(sp);
	struct received r;
	struct rng g = { { 0 }, 0 };
	struct rt_config *cfg;
	struct gate_vars *v;
	uint64_t text, stack, memory, altstack, abi, area, block_len, low_len, old_top,
		mapped, vdso_clock;
	struct k_timespec ts;

	check(sys2(NR_prctl, K_PR_SET_PDEATHSIG, K_SIGKILL) == 0, GATE_LOADER_LIMITS);
	/* Before the record: a pooled process does this while it waits. */
	lock_down_early();
	vdso_clock = gate_vdso_lookup(aux.vdso, "__vdso_clock_gettime");
	fill(&g);
	receive(&r);
	check(gate_record_check(&r.rec) == 0, gate_record_check(&r.rec));
	check_fds(&r);

	text = place(r.rec.text_addr, r.rec.text_size, GATE_RT_MAP, GATE_PAGE, map_code, &r, &g);
	stack = place(r.rec.stack_addr, GATE_STACK_OFFSET + r.rec.stack_size, 0, GATE_PAGE,
		      map_stack, &r, &g);
	memory = place(r.rec.memory_addr, GATE_MEMORY_RESERVE, r.rec.globals_size,
		       1ull << 32, map_memory, &r, &g);
	altstack = place(0, GATE_ALTSTACK_SIZE, 0, GATE_PAGE, map_altstack, &r, &g);
	abi = r.rec.abi_size ? place(0, r.rec.abi_size, 0, GATE_PAGE, map_abi, &r, &g) : 0;
	v = init_vars(&r, stack, text, memory);

	/* The runtime block, copied whole: all its references are pc-relative. The slot
	 * table (rt_block_begin) lands at text - GATE_RT_AREA, the ABI code below it. */
	area = text - GATE_RT_AREA;
	block_len = (uint64_t)(rt_block_end - rt_block_begin);
	low_len = (uint64_t)(rt_block_begin - rt_low_begin);
	check(block_len <= GATE_RT_AREA && low_len <= GATE_RT_MAP - GATE_RT_AREA, GATE_LOADER_MAP);
	memcpy((void *)area, rt_block_begin, block_len);
	/* The ABI code runs only with an ABI area (rt_host, rt_exit): without one its
	 * pages stay untouched and cost no memory. */
	if (r.rec.abi_size)
		memcpy((void *)(area - low_len), rt_low_begin, low_len);
	cfg = (struct rt_config *)(area + (uint64_t)((char *)&rt_cfg - rt_block_begin));

	cfg->stack_bottom = stack + GATE_STACK_OFFSET;
	cfg->guard_addr = stack + GATE_PAGE;
	cfg->init_rsp = r.rec.flags & GATE_START_RESUME ? cfg->stack_bottom + v->sp_offset
							: cfg->stack_bottom + r.rec.stack_size;
	cfg->init_rbx = cfg->stack_bottom + GATE_STACK_RESERVE;
	cfg->entry = text + r.rec.entry;
	cfg->text_addr = text;
	cfg->text_end = text + r.rec.text_size;
	cfg->area_addr = text - GATE_RT_MAP;
	cfg->memory_addr = memory;
	cfg->vars = (uint64_t)v;
	cfg->resume = r.rec.flags & GATE_START_RESUME;
	cfg->max_pages = r.rec.max_memory_pages;
	cfg->abi_addr = abi;
	cfg->abi_stack = altstack + GATE_ALTSTACK_SIZE;
	cfg->abi_size = r.rec.abi_size;
	cfg->vdso_clock = vdso_clock;
	check(cfg->vdso_clock != 0, GATE_LOADER_VDSO);
	cfg->time_mask = (1ull << r.rec.time_mask_bits) - 1;
	check(((long (*)(long, struct k_timespec *))cfg->vdso_clock)(1, &ts) == 0,
	      GATE_LOADER_VDSO);
	cfg->mono_base = ts.sec * 1000000000ll + (int64_t)((uint64_t)ts.nsec & ~cfg->time_mask);
	cfg->mono_start = r.rec.monotonic_ns;
	cfg->unmap_loader_addr = (uint64_t)__loader_begin;
	cfg->unmap_loader_len = (uint64_t)(__loader_end - __loader_begin);
	old_top = (aux.execfn & ~(uint64_t)(GATE_PAGE - 1)) + GATE_PAGE;
	check((uint64_t)sp < old_top && (uint64_t)sp > old_top - OLD_STACK_SPAN, GATE_LOADER_ARGS);
	cfg->unmap_stack_addr = old_top - OLD_STACK_SPAN;
	cfg->unmap_stack_len = OLD_STACK_SPAN;
	cfg->fprog.len = (unsigned short)gate_filter_build(
		cfg->filter, memory, (uint64_t)r.rec.max_memory_pages * GATE_WASM_PAGE);
	cfg->fprog.filter = cfg->filter;
	check(cfg->fprog.len != 0, GATE_LOADER_SECCOMP);
	check(sys3(NR_mprotect, text - GATE_RT_MAP, GATE_RT_MAP, K_PROT_READ | K_PROT_EXEC) == 0,
	      GATE_LOADER_MAP);

	install_fds(&r);
	mapped = GATE_RT_MAP + r.rec.text_size + GATE_STACK_OFFSET + r.rec.stack_size +
		 r.rec.globals_size + GATE_MEMORY_RESERVE + GATE_ALTSTACK_SIZE + r.rec.abi_size +
		 (uint64_t)(__loader_end - __loader_begin) + OLD_STACK_SPAN + AS_SLACK;
	lock_down(&r, mapped);
	install_signals(area, altstack);

	((void (*)(void))(area + (uint64_t)(rt_start - rt_block_begin)))();
	sys_exit(GATE_LOADER_MAP);
}
