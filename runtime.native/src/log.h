/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Diagnostics of gate-container: every line names the program and pid; the
 * *_errno variants name the failed call (as the format says) and append errno text.
 * The die variants exit(1): once the sandbox is partly built, nothing continues.
 */
#ifndef GATE_LOG_H
#define GATE_LOG_H

#include <stdnoreturn.h>

/**
 * gate_log: write "gate-container[pid]: message" to stderr.
 * @err: errno to append as ": text", or 0
 * @fmt: printf format
 */
void gate_log(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/** gate_die: gate_log(), then _exit(1). */
noreturn void gate_die(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define warn_errno(...) gate_log(errno, __VA_ARGS__)
#define die(...) gate_die(0, __VA_ARGS__)
#define die_errno(...) gate_die(errno, __VA_ARGS__)

#endif
