/* SPDX-License-Identifier: Apache-2.0 */
/* Tests of the sandbox: the container probe and a running instance's mappings. */
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

/* Running instances of this container (its descendants that map a text memfd and
 * no longer the loader): host side -> container -> instances, or container ->
 * instances without namespaces. */
static int instance_pids(const struct ctr *c, long *out, int max)
{
	long level1[256], level2[256];
	int i, j, n = 0, n1 = children(c->pid, level1, 256);

	for (i = 0; i < n1; i++) {
		int n2 = children(level1[i], level2, 256);
		char name[32];

		snprintf(name, sizeof name, "%ld", level1[i]);
		if (n < max && maps_has_text(name))
			out[n++] = level1[i];
		for (j = 0; j < n2 && n < max; j++) {
			snprintf(name, sizeof name, "%ld", level2[j]);
			if (maps_has_text(name))
				out[n++] = level2[j];
		}
	}
	return n;
}

/* Shared_Clean + Shared_Dirty (KiB) of the text mapping of @pid: pages that other
 * processes map too. (The page is "dirty" in the page cache because the driver
 * wrote the memfd; the mapping itself is read-only.) */
static long text_shared_kib(long pid)
{
	char path[64], line[512];
	long kib = -1, clean = -1, dirty = -1;
	int in_text = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/smaps", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f)) {
		if (strchr(line, '-') && strstr(line, " r-xp "))
			in_text = strstr(line, "memfd:gate-text") != NULL;
		else if (in_text && sscanf(line, "Shared_Clean: %ld", &clean) == 1)
			continue;
		else if (in_text && sscanf(line, "Shared_Dirty: %ld", &dirty) == 1)
			break;
	}
	fclose(f);
	if (clean >= 0 && dirty >= 0)
		kib = clean + dirty;
	return kib;
}

static int oom_score_adj(long pid)
{
	char path[64];
	int v = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/oom_score_adj", pid);
	f = fopen(path, "r");
	if (f) {
		if (fscanf(f, "%d", &v) != 1)
			v = -1;
		fclose(f);
	}
	return v;
}

/*
 * What the loader leaves (no loader image, no original stack, no heap), and one
 * copy of the code for two instances of the same program.
 */
void test_maps(struct ctr *c)
{
	struct prog p;
	struct inst a, b;
	struct gate_reply r;
	long pids[8];
	int n = 0, attempts, i;

	if (start_loop(c, "loop", &p, &a, &inst_defaults) < 0)
		return;
	if (inst_start(c, next_id++, &p, &inst_defaults, &b) < 0)
		CHECK(0, "second instance");
	/* Polling only until both have entered the program: no duration is asserted. */
	for (attempts = 0; attempts < 5000 && n < 2; attempts++) {
		n = instance_pids(c, pids, 8);
		if (n < 2)
			usleep(1000);
	}
	CHECK_EQ(n, 2);
	for (i = 0; i < n; i++) {
		char name[32];

		snprintf(name, sizeof name, "%ld", pids[i]);
		CHECK(!maps_has(name, "10000000-"), "loader image still mapped in %ld", pids[i]);
		CHECK(!maps_has_word(name, "[stack]"), "original stack still mapped in %ld", pids[i]);
		CHECK(!maps_has_word(name, "[heap]"), "heap in %ld", pids[i]);
		CHECK(oom_score_adj(pids[i]) == 1000, "oom_score_adj of %ld: %d", pids[i],
		      oom_score_adj(pids[i]));
		/* the text page is mapped by both instances: one copy, counted as shared. An
		 * instance that has just left the loader may not have touched its text yet: poll
		 * (no duration is asserted). */
		for (attempts = 0; attempts < 5000 && text_shared_kib(pids[i]) < 4; attempts++)
			usleep(1000);
		CHECK(text_shared_kib(pids[i]) >= 4, "text of %ld not shared: %ld KiB", pids[i],
		      text_shared_kib(pids[i]));
	}
	ctr_send(c, GATE_OP_KILL, a.id, 0, NULL, 0, NULL, 0);
	ctr_send(c, GATE_OP_KILL, b.id, 0, NULL, 0, NULL, 0);
	CHECK(ctr_wait(c, a.id, &r, WAIT_MS) == 0, "kill reply");
	CHECK(ctr_wait(c, b.id, &r, WAIT_MS) == 0, "kill reply");
	inst_close(&a);
	inst_close(&b);
	close(p.fd);
}

static int probe(const char *flag, char *buf, size_t len)
{
	char cmd[1024];
	FILE *f;
	size_t n;

	snprintf(cmd, sizeof cmd, "%s --probe %s 2>&1", container_bin, flag);
	f = popen(cmd, "r");
	if (!f)
		return -1;
	n = fread(buf, 1, len - 1, f);
	buf[n] = 0;
	return pclose(f);
}

void test_probe(void)
{
	char out[4096];
	int st = probe("", out, sizeof out);

	if (WIFEXITED(st) && WEXITSTATUS(st) == 3) {
		printf("SKIP sandbox probe: the kernel refuses user namespaces here\n");
		return;
	}
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "probe status %d: %s", st, out);
	CHECK(strstr(out, "namespaces=yes\n"), "%s", out);
	CHECK(strstr(out, "\nuid=1\ngid=1\n"), "no root inside: %s", out);
	CHECK(strstr(out, "setuid0=Invalid argument\n"), "uid 0 unmapped: %s", out);
	CHECK(strstr(out, "\npid=2\n"), "own pid namespace: %s", out);
	CHECK(strstr(out, "hostname=\n"), "%s", out);
	CHECK(strstr(out, "interfaces=lo:down\n"), "network: %s", out);
	CHECK(strstr(out, "root_entries=0\nroot_writable=no\n"), "root fs: %s", out);
	CHECK(strstr(out, "etc_passwd=No such file or directory\n"), "%s", out);
	CHECK(strstr(out, "proc=No such file or directory\n"), "%s", out);
	CHECK(strstr(out, "fork=Resource temporarily unavailable\n"), "%s", out);
	printf("%s", out);
}

/* Without namespaces, host root still drops to nobody and keeps no privilege. */
void test_probe_plain(void)
{
	char out[4096];
	int st = probe("--no-namespaces", out, sizeof out);

	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "probe status %d: %s", st, out);
	CHECK(strstr(out, "namespaces=no\n"), "%s", out);
	if (geteuid() == 0)
		CHECK(strstr(out, "\nuid=65534\ngid=65534\n"), "host root mapped to nobody: %s",
		      out);
	CHECK(strstr(out, "setuid0=Operation not permitted\n"), "%s", out);
	CHECK(strstr(out, "fork=Resource temporarily unavailable\n"), "%s", out);
}
