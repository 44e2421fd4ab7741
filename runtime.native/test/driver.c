/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Integration tests: plays the JVM against a real gate-container and runs the
 * hand-written programs of progs/ as instances.
 *   driver GATE_CONTAINER PROGS_DIR [--bench N | --bench-only N]
 * The instance tests run twice: in a container with namespaces (skipped with a
 * message when the kernel refuses user namespaces) and with --no-namespaces.
 */
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


const char *container_bin;
const char *progs_dir;
uint32_t next_id = 1;
static int bench_runs;
static int bench_only;

static int run_all(const char *flag)
{
	const char *args[] = { flag, NULL };
	struct ctr c;
	int st = ctr_start(container_bin, flag ? args : NULL, &c);

	if (st == 3)
		return 3;
	if (st != 0) {
		CHECK(0, "container did not start");
		return -1;
	}
	CHECK(flag || (c.hello_flags & GATE_HELLO_NAMESPACES), "hello flags %u", c.hello_flags);
	if (bench_only) {
		bench(&c, bench_runs);
		CHECK(ctr_send(&c, GATE_OP_HANDOUT, 0, 1, NULL, 0, NULL, 0) == 0, "hand-out on");
		bench_handout(&c, bench_runs);
		CHECK_EQ(ctr_stop(&c), 0);
		return 0;
	}
	test_hello(&c);
	test_syscalls(&c);
	test_grow(&c);
	test_io(&c);
	test_host(&c);
	test_abi(&c);
	test_suspend_kill(&c);
	test_protocol(&c);
	/* Instances are not dumpable: their maps are readable only with CAP_SYS_PTRACE
	 * over them, which the invoker has inside its own user namespace or as root. */
	if (flag && geteuid() != 0)
		printf("SKIP instance maps with --no-namespaces: unprivileged users cannot read "
		       "a non-dumpable process's maps\n");
	else
		test_maps(&c);
	test_resume(&c);
	test_random_time(&c);
	test_pool(&c);
	test_many(&c);
	test_garbage(&c);
	if (bench_runs)
		bench(&c, bench_runs);
	test_handout(&c); /* last: it leaves the container in hand-out mode */
	if (bench_runs)
		bench_handout(&c, bench_runs);
	CHECK_EQ(ctr_stop(&c), 0);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: driver GATE_CONTAINER PROGS_DIR [--bench N | --bench-only N]\n");
		return 2;
	}
	container_bin = argv[1];
	progs_dir = argv[2];
	if (argc == 5 && (!strcmp(argv[3], "--bench") || !strcmp(argv[3], "--bench-only"))) {
		bench_runs = atoi(argv[4]);
		bench_only = !strcmp(argv[3], "--bench-only");
	}
	signal(SIGPIPE, SIG_IGN);
	if (!bench_only) {
		test_probe();
		test_probe_plain();
	}
	if (run_all(NULL) == 3)
		printf("SKIP namespaces: the kernel refuses them here; "
		       "the instance tests run with --no-namespaces only\n");
	/* the instance hardening must hold without namespaces too */
	if (!bench_only) {
		run_all("--no-namespaces");
	}
	return check_report("driver");
}
