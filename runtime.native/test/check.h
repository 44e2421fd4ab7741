/* SPDX-License-Identifier: Apache-2.0 */
/* Minimal test helpers: a failed check prints where and why and counts a failure. */
#ifndef GATE_TEST_CHECK_H
#define GATE_TEST_CHECK_H

#include <stdio.h>

extern int check_failures;
extern int check_count;

#define CHECK(cond, ...)                                                          \
	do {                                                                      \
		check_count++;                                                    \
		if (!(cond)) {                                                    \
			check_failures++;                                         \
			fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__,   \
				__LINE__, #cond);                                 \
			fprintf(stderr, __VA_ARGS__);                             \
			fputc('\n', stderr);                                      \
		}                                                                 \
	} while (0)

#define CHECK_EQ(a, b)                                                            \
	CHECK((long long)(a) == (long long)(b), "%lld != %lld", (long long)(a),   \
	      (long long)(b))

/** check_report: print "name: N checks, M failed" and return the exit status. */
int check_report(const char *name);

#endif
