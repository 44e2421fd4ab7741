/* SPDX-License-Identifier: Apache-2.0 */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void vlog(int err, const char *fmt, va_list ap)
{
	char buf[512];
	int n = snprintf(buf, sizeof buf, "gate-container[%d]: ", (int)getpid());

	if (n < 0 || (size_t)n >= sizeof buf)
		return;
	n += vsnprintf(buf + n, sizeof buf - (size_t)n, fmt, ap);
	if (n >= 0 && (size_t)n < sizeof buf && err)
		n += snprintf(buf + n, sizeof buf - (size_t)n, ": %s", strerror(err));
	if (n < 0 || (size_t)n >= sizeof buf - 1)
		n = (int)sizeof buf - 2;
	buf[n++] = '\n';
	/* One write per line so lines of different processes do not interleave. */
	if (write(STDERR_FILENO, buf, (size_t)n) < 0)
		return;
}

void gate_log(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(err, fmt, ap);
	va_end(ap);
}

void gate_die(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(err, fmt, ap);
	va_end(ap);
	_exit(1);
}
