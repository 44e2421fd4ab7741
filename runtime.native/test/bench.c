/* SPDX-License-Identifier: Apache-2.0 */
/* Figures (no assertions): start latency and idle pool RSS. */
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

static double realtime_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

long rss_kib(const char *pid)
{
	char path[300], line[256];
	long kib = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%s/status", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmRSS: %ld", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

/* Figures, not assertions: start latency from a pre-spawned process to the first
 * output byte, and the resident size of idle pooled processes. */
void bench(struct ctr *c, int runs)
{
	struct prog p = load("stamp");
	double *lat = calloc((size_t)runs, sizeof *lat);
	double *first = calloc((size_t)runs, sizeof *first);
	int i, n = 0;
	long total = 0, count = 0;

	for (i = 0; i < runs && lat && first; i++) {
		struct inst in;
		struct gate_reply r;
		uint64_t stamp;
		double t1;

		usleep(2000); /* let the container refill its pool */
		if (inst_start(c, next_id++, &p, &inst_defaults, &in) < 0)
			break;
		if (inst_output(&in, &stamp, sizeof stamp) == sizeof stamp) {
			t1 = realtime_us();
			first[n] = (double)stamp / 1e3 - (double)inst_sent_ns / 1e3;
			lat[n++] = t1 - (double)inst_sent_ns / 1e3;
		}
		ctr_wait(c, in.id, &r, WAIT_MS);
		inst_close(&in);
	}
	if (n) {
		qsort(lat, (size_t)n, sizeof *lat, cmp_double);
		qsort(first, (size_t)n, sizeof *first, cmp_double);
		printf("bench: START sent -> first program instruction, %d runs: median %.0f us, "
		       "p90 %.0f us, min %.0f us\n",
		       n, first[n / 2], first[n * 9 / 10], first[0]);
		printf("bench: START sent -> output read by the driver, %d runs: median %.0f us, "
		       "p90 %.0f us, min %.0f us\n",
		       n, lat[n / 2], lat[n * 9 / 10], lat[0]);
	}
	free(first);
	free(lat);
	close(p.fd);
	/* idle pooled processes: children of the container that still have the loader
	 * image mapped (they wait in recvmsg) */
	usleep(100000);
	{
		/* host-side process -> container (pid 1 inside) -> pooled processes */
		long ctr[4], pool[256];
		char name[32];
		int k, np = children(c->pid, ctr, 4) == 1 ? children(ctr[0], pool, 256) : 0;

		for (k = 0; k < np; k++) {
			snprintf(name, sizeof name, "%ld", pool[k]);
			if (maps_has(name, "10000000-")) {
				total += rss_kib(name);
				count++;
			}
		}
	}
	if (count)
		printf("bench: %ld idle pooled processes, mean VmRSS %ld KiB\n", count,
		       total / count);
	bench_abi(c, 20000);
}

/* Figures: START -> first instruction in hand-out mode (no container hop). */
void bench_handout(struct ctr *c, int runs)
{
	struct prog p = load("stamp");
	double *first = calloc((size_t)runs, sizeof *first);
	int i, n = 0;

	for (i = 0; i < runs && first; i++) {
		struct inst in;
		struct gate_reply r;
		uint64_t stamp;
		uint32_t id;
		int sock;

		usleep(2000); /* let the container refill its pool */
		if (ctr_wait_idle(c, &id, &sock, WAIT_MS) < 0) {
			fprintf(stderr, "bench_handout: no idle process (run %d)\n", i);
			break;
		}
		if (inst_start_handed(c, id, sock, &p, &inst_defaults, &in) < 0) {
			fprintf(stderr, "bench_handout: direct start failed (run %d): %s\n", i, strerror(errno));
			break;
		}
		if (inst_output(&in, &stamp, sizeof stamp) == sizeof stamp)
			first[n++] = (double)stamp / 1e3 - (double)inst_sent_ns / 1e3;
		ctr_wait(c, in.id, &r, WAIT_MS);
		inst_close(&in);
	}
	if (n) {
		qsort(first, (size_t)n, sizeof *first, cmp_double);
		printf("bench: hand-out mode, record sent -> first program instruction, %d runs: "
		       "median %.0f us, p90 %.0f us, min %.0f us\n",
		       n, first[n / 2], first[n * 9 / 10], first[0]);
	}
	free(first);
	close(p.fd);
}
