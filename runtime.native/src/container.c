/* SPDX-License-Identifier: Apache-2.0 */
/*
 * gate-container: main. The order of the steps is the security argument
 * (DESIGN.md §1); each comment says why a step comes where it does.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "executor.h"
#include "gate/protocol.h"
#include "log.h"
#include "ns.h"
#include "probe.h"
#include "spawn.h"
#include "sys.h"
#include "util.h"

extern const char gate_loader_image[], gate_loader_image_end[];

#define EXIT_USAGE 2
#define EXIT_NO_NAMESPACES 3
#define DEFAULT_POOL 4
#define NOBODY 65534

struct options {
	uint64_t pool;
	struct gate_ids ids;
	int namespaces;
	int probe;
};

static void usage(void)
{
	fprintf(stderr,
		"usage: gate-container [--pool N] [--uid HOSTUID --gid HOSTGID] [--no-namespaces]\n"
		"                      [--probe]\n"
		"The control socket (SOCK_SEQPACKET) must be fd %d unless --probe is given.\n",
		GATE_CONTROL_FD);
	_exit(EXIT_USAGE);
}

static struct options parse(int argc, char **argv)
{
	struct options o = { DEFAULT_POOL, { getuid(), getgid(), geteuid() == 0 }, 1, 0 };
	uint64_t v;
	int i;

	/* Host root is never mapped into the container: default to nobody. */
	if (o.ids.privileged) {
		o.ids.uid = NOBODY;
		o.ids.gid = NOBODY;
	}
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--no-namespaces")) {
			o.namespaces = 0;
		} else if (!strcmp(a, "--probe")) {
			o.probe = 1;
		} else if (!strcmp(a, "--pool") && val && !gate_parse_uint(val, GATE_MAX_POOL, &v)) {
			o.pool = v;
			i++;
		} else if (!strcmp(a, "--uid") && val && o.ids.privileged &&
			   !gate_parse_uint(val, 0xfffffffe, &v) && v != 0) {
			o.ids.uid = (uid_t)v;
			i++;
		} else if (!strcmp(a, "--gid") && val && o.ids.privileged &&
			   !gate_parse_uint(val, 0xfffffffe, &v) && v != 0) {
			o.ids.gid = (gid_t)v;
			i++;
		} else {
			usage();
		}
	}
	return o;
}

static void check_control(void)
{
	int type;
	socklen_t len = sizeof type;

	if (getsockopt(GATE_CONTROL_FD, SOL_SOCKET, SO_TYPE, &type, &len) < 0 ||
	    type != SOCK_SEQPACKET)
		die("fd %d is not a SOCK_SEQPACKET socket", GATE_CONTROL_FD);
	if (fcntl(GATE_CONTROL_FD, F_SETFD, FD_CLOEXEC) < 0)
		die_errno("fcntl(%d, F_SETFD, FD_CLOEXEC)", GATE_CONTROL_FD);
	/* Replies are sent blocking (DESIGN.md §3); receiving uses MSG_DONTWAIT. */
	if (fcntl(GATE_CONTROL_FD, F_SETFL, 0) < 0)
		die_errno("fcntl(%d, F_SETFL, 0)", GATE_CONTROL_FD);
}

/* Two fds per running instance (pidfd, and the start socket while idle). */
static void raise_nofile(void)
{
	struct rlimit l;

	if (getrlimit(RLIMIT_NOFILE, &l) < 0)
		die_errno("getrlimit(RLIMIT_NOFILE)");
	if (l.rlim_cur < l.rlim_max && gate_limit(RLIMIT_NOFILE, l.rlim_max, l.rlim_max) < 0)
		die_errno("setrlimit(RLIMIT_NOFILE, %llu)", (unsigned long long)l.rlim_max);
	if (l.rlim_max < 2 * 1024)
		gate_log(0, "warning: RLIMIT_NOFILE %llu limits the number of instances",
			 (unsigned long long)l.rlim_max);
}

int main(int argc, char **argv)
{
	struct options o = parse(argc, argv);
	int loader_fd;

	if (!o.probe)
		check_control();
	/* The loader must exist as an fd before the mount namespace hides every file. */
	loader_fd = gate_exec_memfd("gate-loader", gate_loader_image,
				    (size_t)(gate_loader_image_end - gate_loader_image));
	if (loader_fd < 0)
		die_errno("memfd_create(gate-loader)");
	/* A vanished JVM shows up as EOF or EPIPE on the control socket, which ends
	 * the container. No PDEATHSIG here: it fires when the JVM *thread* that
	 * started us ends, not the JVM. */
	gate_default_signals();
	signal(SIGPIPE, SIG_IGN);

	if (o.namespaces) {
		if (gate_ns_enter(&o.ids) < 0) {
			gate_log(errno, "clone(CLONE_NEWUSER|CLONE_NEWPID|...)");
			_exit(EXIT_NO_NAMESPACES);
		}
		gate_ns_sandbox(&o.ids);
	} else {
		gate_log(0, "warning: running without namespaces");
		gate_ns_plain(&o.ids);
	}
	/* Capabilities last: the sandbox steps above need them. */
	gate_drop_privileges();
	if (gate_limit(RLIMIT_CORE, 0, 0) < 0)
		die_errno("setrlimit(RLIMIT_CORE, 0)");
	raise_nofile();

	if (o.probe)
		return gate_probe(o.namespaces);
	return gate_serve(GATE_CONTROL_FD, loader_fd, (unsigned)o.pool,
			  o.namespaces ? GATE_HELLO_NAMESPACES : 0);
}
