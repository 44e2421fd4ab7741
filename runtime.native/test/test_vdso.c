/* SPDX-License-Identifier: Apache-2.0 */
/* vDSO symbol lookup (loader/vdso.c) against this process's own vDSO. */
#include <sys/auxv.h>
#include <time.h>

#include "check.h"
#include "vdso.h"

typedef int (*clock_fn)(clockid_t, struct timespec *);

static long long ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000ll + t->tv_nsec;
}

int main(void)
{
	uint64_t base = getauxval(AT_SYSINFO_EHDR);
	uint64_t fn = gate_vdso_lookup(base, "__vdso_clock_gettime");
	struct timespec a, b, c;

	CHECK(base != 0, "no vDSO");
	CHECK(fn != 0, "__vdso_clock_gettime not found");
	CHECK_EQ(gate_vdso_lookup(base, "__vdso_no_such_function"), 0);
	CHECK_EQ(gate_vdso_lookup(0, "__vdso_clock_gettime"), 0);
	if (fn) {
		/* the found function is a working clock: ordered between two libc reads */
		clock_gettime(CLOCK_MONOTONIC, &a);
		CHECK_EQ(((clock_fn)fn)(CLOCK_MONOTONIC, &b), 0);
		clock_gettime(CLOCK_MONOTONIC, &c);
		CHECK(ns(&a) <= ns(&b) && ns(&b) <= ns(&c), "%lld %lld %lld", ns(&a), ns(&b),
		      ns(&c));
	}
	return check_report("test_vdso");
}
