/* SPDX-License-Identifier: Apache-2.0 */
#define _GNU_SOURCE
#include "probe.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "log.h"
#include "spawn.h"

static void report_interfaces(void)
{
	struct if_nameindex *ifs = if_nameindex();
	struct if_nameindex *i;
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (!ifs || s < 0) {
		printf("interfaces=error:%s\n", strerror(errno));
		return;
	}
	printf("interfaces=");
	for (i = ifs; i->if_index; i++) {
		struct ifreq req;

		memset(&req, 0, sizeof req);
		snprintf(req.ifr_name, sizeof req.ifr_name, "%s", i->if_name);
		if (ioctl(s, SIOCGIFFLAGS, &req) < 0)
			printf("%s%s:error", i == ifs ? "" : ",", i->if_name);
		else
			printf("%s%s:%s", i == ifs ? "" : ",", i->if_name,
			       (req.ifr_flags & IFF_UP) ? "up" : "down");
	}
	printf("\n");
	if_freenameindex(ifs);
	close(s);
}

static void report_root(void)
{
	DIR *d = opendir("/");
	struct dirent *e;
	int n = 0;

	if (!d) {
		printf("root_entries=error:%s\n", strerror(errno));
		return;
	}
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	printf("root_entries=%d\n", n);
	printf("root_writable=%s\n", mkdir("/x", 0700) == 0 ? "yes" : "no");
}

static void report(int namespaces)
{
	struct utsname u;
	struct rlimit l;
	pid_t pid;

	printf("namespaces=%s\n", namespaces ? "yes" : "no");
	printf("uid=%u\ngid=%u\n", (unsigned)getuid(), (unsigned)getgid());
	printf("setuid0=%s\n", setuid(0) == 0 ? "ok" : strerror(errno));
	printf("pid=%d\n", (int)getpid());
	if (uname(&u) == 0)
		printf("hostname=%s\n", u.nodename);
	report_interfaces();
	report_root();
	printf("etc_passwd=%s\n", access("/etc/passwd", F_OK) == 0 ? "visible" : strerror(errno));
	printf("proc=%s\n", access("/proc/self", F_OK) == 0 ? "visible" : strerror(errno));
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(0);
	printf("fork=%s\n", pid > 0 ? "allowed" : strerror(errno));
	if (pid > 0)
		waitpid(pid, NULL, 0);
	if (getrlimit(RLIMIT_NPROC, &l) == 0)
		printf("rlimit_nproc=%llu\n", (unsigned long long)l.rlim_cur);
	fflush(stdout);
}

int gate_probe(int namespaces)
{
	pid_t parent = getpid();
	int sv[2], status;
	pid_t pid;

	fflush(stdout);
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		die_errno("socketpair");
	pid = fork();
	if (pid < 0)
		die_errno("fork");
	if (pid == 0) {
		/* stdout is the report channel: keep it as the "keep" fd (it lands on 1). */
		int out = dup(STDOUT_FILENO);

		if (out < 0 || gate_harden_child(sv[1], out, parent) != 1 ||
		    fcntl(1, F_SETFD, 0) < 0)
			_exit(1);
		report(namespaces);
		_exit(0);
	}
	close(sv[1]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			die_errno("waitpid(%d)", (int)pid);
	close(sv[0]);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
