/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The integration driver (driver.c) and its test files: shared state and helpers.
 */
#ifndef GATE_TEST_DRIVER_H
#define GATE_TEST_DRIVER_H

#include <stdint.h>
#include <sys/types.h>

#include "check.h"
#include "gate/abi.h"
#include "instance.h"

/* Only a guard against hangs, never a measured bound. */
#define WAIT_MS 60000

extern const char *container_bin;
extern const char *progs_dir;
extern uint32_t next_id;

/** load: the text memfd of a test program; exits the driver if it is missing. */
struct prog load(const char *name);

/** run: run @name to completion; its DONE reply (kind 0 on failure), output and vars. */
struct gate_reply run(struct ctr *c, const char *name, const struct inst_opts *o, char *out,
		      size_t outlen, ssize_t *outn, struct gate_vars *vars);

/** expect: check a DONE reply's typed status and code. */
void expect(const struct gate_reply *r, int status, int code, const char *what);

/** start_loop: start @name and leave it running. Return 0 or -1. */
int start_loop(struct ctr *c, const char *name, struct prog *p, struct inst *in,
	       const struct inst_opts *o);

/* procfs.c */
int children(long pid, long *out, int max);
int maps_has(const char *pid, const char *prefix);
int maps_has_word(const char *pid, const char *word);
int maps_has_text(const char *pid);

/* t_programs.c */
void test_hello(struct ctr *c);
void test_syscalls(struct ctr *c);
void test_traps(struct ctr *c);
void test_grow(struct ctr *c);
void test_io(struct ctr *c);
void test_host(struct ctr *c);
void test_random_time(struct ctr *c);

/* t_lifecycle.c */
void test_pool(struct ctr *c);
void test_suspend_kill(struct ctr *c);
void test_protocol(struct ctr *c);
void test_resume(struct ctr *c);
void test_many(struct ctr *c);
void test_garbage(struct ctr *c);
void test_handout(struct ctr *c);

/* t_abi.c */
void test_abi(struct ctr *c);
void bench_abi(struct ctr *c, uint32_t calls);

/* t_sandbox.c */
void test_maps(struct ctr *c);
void test_probe(void);
void test_probe_plain(void);

/* bench.c */
long rss_kib(const char *pid);
void bench(struct ctr *c, int runs);
/* the same starts in hand-out mode: the record goes straight to a handed-out process */
void bench_handout(struct ctr *c, int runs);

#endif
