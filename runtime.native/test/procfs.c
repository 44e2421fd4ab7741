/* SPDX-License-Identifier: Apache-2.0 */
/* /proc readers of the driver: children, maps. */
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

/* Children of @pid (needs CONFIG_PROC_CHILDREN); returns their number. */
int children(long pid, long *out, int max)
{
	char path[64];
	FILE *f;
	int n = 0;

	snprintf(path, sizeof path, "/proc/%ld/task/%ld/children", pid, pid);
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (n < max && fscanf(f, "%ld", &out[n]) == 1)
		n++;
	fclose(f);
	return n;
}

int maps_has(const char *pid, const char *prefix)
{
	char path[300], line[256];
	FILE *f;
	int found = 0;

	snprintf(path, sizeof path, "/proc/%s/maps", pid);
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, prefix, strlen(prefix)))
			found = 1;
	fclose(f);
	return found;
}

/* Whether the maps of @pid mention @word anywhere. */
int maps_has_word(const char *pid, const char *word)
{
	char path[300], line[512];
	FILE *f;
	int found = 0;

	snprintf(path, sizeof path, "/proc/%s/maps", pid);
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof line, f))
		if (strstr(line, word))
			found = 1;
	fclose(f);
	return found;
}

/* A running instance: the text memfd is mapped and the loader image is gone. */
int maps_has_text(const char *pid)
{
	return maps_has_word(pid, "memfd:gate-text") && !maps_has(pid, "10000000-");
}
