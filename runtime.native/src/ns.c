/* SPDX-License-Identifier: Apache-2.0 */
#define _GNU_SOURCE
#include "ns.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <sched.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "log.h"

#define NS_FLAGS                                                                        \
	(CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC |     \
	 CLONE_NEWUTS | CLONE_NEWCGROUP)

/* Where the new root is built; any directory of the host tree works. */
#define NEW_ROOT "/tmp"

static volatile sig_atomic_t container_pid;
/* Container side: read end of the pipe whose write end the host side keeps open for
 * its whole life, so that the container can tell whether it is still there. */
static int host_alive_fd = -1;

static void write_file(pid_t pid, const char *name, const char *text)
{
	char path[64];
	int fd;
	size_t len = strlen(text);

	snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, name);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		die_errno("open(%s, O_WRONLY)", path);
	if (write(fd, text, len) != (ssize_t)len)
		die_errno("write(%s, \"%s\")", path, text);
	close(fd);
}

static void write_maps(pid_t pid, const struct gate_ids *ids)
{
	char map[64];

	/* Unprivileged: the kernel only allows mapping our own ids and no setgroups. */
	if (!ids->privileged)
		write_file(pid, "setgroups", "deny");
	snprintf(map, sizeof map, "%d %u 1\n", GATE_INSIDE_ID, (unsigned)ids->uid);
	write_file(pid, "uid_map", map);
	snprintf(map, sizeof map, "%d %u 1\n", GATE_INSIDE_ID, (unsigned)ids->gid);
	write_file(pid, "gid_map", map);
}

static void forward(int sig)
{
	if (container_pid > 0)
		kill(container_pid, sig);
}

static void supervise(pid_t pid)
{
	int status;

	container_pid = pid;
	signal(SIGTERM, forward);
	signal(SIGINT, forward);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			die_errno("waitpid(%d)", (int)pid);
	if (WIFEXITED(status))
		_exit(WEXITSTATUS(status));
	gate_log(0, "container killed by signal %d", WTERMSIG(status));
	_exit(1);
}

int gate_ns_enter(const struct gate_ids *ids)
{
	int go[2];
	pid_t pid;
	char c = 0;

	if (pipe2(go, O_CLOEXEC) < 0)
		die_errno("pipe2(O_CLOEXEC)");
	pid = (pid_t)syscall(SYS_clone, NS_FLAGS | SIGCHLD, 0, 0, 0, 0);
	if (pid < 0) {
		int e = errno;

		close(go[0]);
		close(go[1]);
		errno = e;
		return -1;
	}
	if (pid == 0) {
		close(go[1]);
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0)
			die_errno("prctl(PR_SET_PDEATHSIG)");
		/* Wait until the parent wrote our id maps (or died: EOF). */
		if (read(go[0], &c, 1) != 1)
			die("host side exited before the id maps were written");
		host_alive_fd = go[0];
		return 0;
	}
	close(go[0]);
	write_maps(pid, ids);
	/* Inherited by every instance: under memory pressure the kernel kills sandboxed
	 * processes before anything else of the host (raising it needs no privilege). */
	write_file(pid, "oom_score_adj", GATE_OOM_SCORE_ADJ);
	if (write(go[1], &c, 1) != 1)
		die_errno("write(go pipe)");
	/* go[1] stays open until the host side exits (gate_ns_sandbox checks it). */
	supervise(pid);
	return -1;
}

static void set_ids(const struct gate_ids *ids, uid_t uid, gid_t gid)
{
	/* Supplementary groups only go away if the kernel lets us call setgroups. */
	if (ids->privileged && setgroups(0, NULL) < 0)
		die_errno("setgroups(0)");
	if (setresgid(gid, gid, gid) < 0)
		die_errno("setresgid(%u)", (unsigned)gid);
	if (setresuid(uid, uid, uid) < 0)
		die_errno("setresuid(%u)", (unsigned)uid);
}

static void build_root(void)
{
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		die_errno("mount(/, MS_REC|MS_PRIVATE)");
	/* One inode (the root directory itself): nothing can ever be created in it. */
	if (mount("gate", NEW_ROOT, "tmpfs", MS_NODEV | MS_NOSUID | MS_NOEXEC,
		  "mode=0555,size=4k,nr_inodes=1") < 0)
		die_errno("mount(tmpfs, %s)", NEW_ROOT);
	if (chdir(NEW_ROOT) < 0)
		die_errno("chdir(%s)", NEW_ROOT);
	/* pivot_root(".", ".") stacks the old root on top; detaching "." removes it. */
	if (syscall(SYS_pivot_root, ".", ".") < 0)
		die_errno("pivot_root(., .)");
	if (umount2(".", MNT_DETACH) < 0)
		die_errno("umount2(old root, MNT_DETACH)");
	if (chdir("/") < 0)
		die_errno("chdir(/)");
	if (mount(NULL, "/", NULL,
		  MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NODEV | MS_NOSUID | MS_NOEXEC, NULL) < 0)
		die_errno("mount(/, MS_REMOUNT|MS_RDONLY)");
}

void gate_ns_sandbox(const struct gate_ids *ids)
{
	if (sethostname("", 0) < 0)
		die_errno("sethostname(\"\")");
	if (setdomainname("", 0) < 0)
		die_errno("setdomainname(\"\")");
	build_root();
	set_ids(ids, GATE_INSIDE_ID, GATE_INSIDE_ID);
	/* Changing the effective ids cleared PDEATHSIG (prctl(2)): set it again, then make
	 * sure the host side did not exit in between (its end of the go pipe is closed). */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0)
		die_errno("prctl(PR_SET_PDEATHSIG)");
	{
		struct pollfd p = { host_alive_fd, POLLIN, 0 };

		if (poll(&p, 1, 0) != 0)
			die("host side exited during the sandbox set-up");
		close(host_alive_fd);
		host_alive_fd = -1;
	}
	/* uid 0 must not exist here: with CAP_SETUID still held, only an unmapped id
	 * makes setresuid fail with EINVAL. */
	if (setresuid(0, 0, 0) == 0 || errno != EINVAL)
		die_errno("setresuid(0) did not fail with EINVAL: uid 0 is mapped");
}

void gate_ns_plain(const struct gate_ids *ids)
{
	write_file(getpid(), "oom_score_adj", GATE_OOM_SCORE_ADJ);
	if (geteuid() == 0)
		set_ids(ids, ids->uid, ids->gid);
}

void gate_drop_privileges(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	int cap;

	/* Bounding set first: it needs CAP_SETPCAP, which capset below removes. */
	for (cap = 0; prctl(PR_CAPBSET_READ, cap) >= 0; cap++)
		if (prctl(PR_CAPBSET_DROP, cap) < 0 && errno != EPERM)
			die_errno("prctl(PR_CAPBSET_DROP, %d)", cap);
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 && errno != EINVAL)
		die_errno("prctl(PR_CAP_AMBIENT_CLEAR_ALL)");
	memset(d, 0, sizeof d);
	if (syscall(SYS_capset, &h, d) < 0)
		die_errno("capset(0)");
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		die_errno("prctl(PR_SET_NO_NEW_PRIVS)");
	if (prctl(PR_SET_DUMPABLE, 0) < 0)
		die_errno("prctl(PR_SET_DUMPABLE, 0)");
}
