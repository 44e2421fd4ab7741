/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers shared by the driver's tests: loading programs, running them. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "driver.h"

struct prog load(const char *name)
{
	struct prog p;

	if (prog_load(progs_dir, name, &p) < 0) {
		fprintf(stderr, "cannot load program %s from %s\n", name, progs_dir);
		exit(2);
	}
	return p;
}

/* Run @name to completion; return its DONE reply (kind 0 on failure). */
struct gate_reply run(struct ctr *c, const char *name, const struct inst_opts *o,
			     char *out, size_t outlen, ssize_t *outn, struct gate_vars *vars)
{
	struct prog p = load(name);
	struct gate_reply r = { 0 };
	struct inst in;
	ssize_t n;

	if (inst_start(c, next_id++, &p, o, &in) < 0) {
		CHECK(0, "start %s", name);
		return r;
	}
	close(in.in_w);
	in.in_w = -1;
	n = out ? inst_output(&in, out, outlen) : 0;
	if (outn)
		*outn = n;
	if (ctr_wait(c, in.id, &r, WAIT_MS) < 0)
		CHECK(0, "no reply for %s", name);
	if (vars && inst_vars(&in, vars) < 0)
		CHECK(0, "read vars of %s", name);
	inst_close(&in);
	close(p.fd);
	return r;
}

void expect(const struct gate_reply *r, int status, int code, const char *what)
{
	CHECK(r->kind == GATE_REPLY_DONE && r->status == status && r->code == code,
	      "%s: kind %u status %u code %d, want status %d code %d", what, r->kind, r->status,
	      r->code, status, code);
}
