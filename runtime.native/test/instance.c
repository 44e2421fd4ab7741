/* SPDX-License-Identifier: Apache-2.0 */
#define _GNU_SOURCE
#include "instance.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../loader/record.h"
#include "sys.h"

uint64_t inst_sent_ns;

const struct inst_opts inst_defaults = {
	.memory_pages = 1,
	.max_pages = 16,
	.stack_size = 65536,
	.globals_size = 4096,
};

int ctr_start(const char *bin, const char *const *args, struct ctr *c)
{
	const char *argv[16] = { bin };
	struct gate_reply r;
	int sv[2], i, status;

	for (i = 0; args && args[i] && i < 14; i++)
		argv[i + 1] = args[i];
	memset(c, 0, sizeof *c);
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return -1;
	c->pid = fork();
	if (c->pid < 0)
		return -1;
	if (c->pid == 0) {
		if (dup2(sv[1], 3) != 3)
			_exit(127);
		execv(bin, (char **)argv);
		_exit(127);
	}
	close(sv[1]);
	c->sock = sv[0];
	if (ctr_wait(c, 0, &r, 20000) == 0 && r.kind == GATE_REPLY_HELLO) {
		c->hello_flags = r.flags;
		return 0;
	}
	close(c->sock);
	kill(c->pid, SIGKILL);
	if (waitpid(c->pid, &status, 0) == c->pid && WIFEXITED(status) && WEXITSTATUS(status) == 3)
		return 3;
	return -1;
}

int ctr_stop(struct ctr *c)
{
	int status;

	close(c->sock);
	if (waitpid(c->pid, &status, 0) != c->pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int ctr_send(struct ctr *c, uint16_t op, uint32_t id, uint32_t arg, const void *payload,
	     size_t len, const int *fds, int nfds)
{
	char buf[256];
	struct gate_request req = { .op = op, .id = id, .arg = arg };

	if (len > sizeof buf - sizeof req)
		return -1;
	memcpy(buf, &req, sizeof req);
	if (len)
		memcpy(buf + sizeof req, payload, len);
	return gate_send_fds(c->sock, buf, sizeof req + len, fds, nfds);
}

/* One reply; an IDLE one's start socket is kept for ctr_wait_idle. */
static int receive(struct ctr *c, struct gate_reply *r)
{
	int fd, nfds;

	if (gate_recv_fds(c->sock, r, sizeof *r, &fd, &nfds, 1) != sizeof *r)
		return -1;
	if (nfds == 0)
		return 0;
	if (r->kind != GATE_REPLY_IDLE || c->nidle == 64) {
		close(fd);
		return -1;
	}
	c->idle_id[c->nidle] = r->id;
	c->idle_sock[c->nidle++] = fd;
	return 0;
}

int ctr_wait(struct ctr *c, uint32_t id, struct gate_reply *r, int timeout_ms)
{
	int i;

	for (;;) {
		struct pollfd p = { c->sock, POLLIN, 0 };

		for (i = 0; i < c->npending; i++)
			if (c->pending[i].id == id) {
				*r = c->pending[i];
				c->pending[i] = c->pending[--c->npending];
				return 0;
			}
		if (poll(&p, 1, timeout_ms) <= 0)
			return -1;
		if (receive(c, r) < 0)
			return -1;
		if (r->kind == GATE_REPLY_IDLE)
			continue;
		if (r->id == id)
			return 0;
		if (c->npending == 64)
			return -1;
		c->pending[c->npending++] = *r;
	}
}

int prog_load(const char *dir, const char *name, struct prog *p)
{
	char path[512], buf[65536];
	int fd, mfd;
	ssize_t n;

	snprintf(path, sizeof path, "%s/%s.bin", dir, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof buf);
	close(fd);
	if (n <= 0)
		return -1;
	mfd = memfd_create("gate-text", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (mfd < 0 || write(mfd, buf, (size_t)n) != n)
		return -1;
	p->size = (uint32_t)((n + 4095) & ~4095);
	if (ftruncate(mfd, p->size) < 0 ||
	    fcntl(mfd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW) < 0)
		return -1;
	p->fd = mfd;
	return 0;
}

/* The record, state and pipes of a start; @fds are what the START carries. */
static int prepare(uint32_t id, const struct prog *p, const struct inst_opts *o,
		   struct inst *out, int *fds)
{
	int in[2], outp[2];
	struct gate_start *s = &out->rec;

	memset(out, 0, sizeof *out);
	out->id = id;
	s->magic = GATE_START_MAGIC;
	s->version = GATE_START_VERSION;
	s->text_size = p->size;
	s->stack_size = o->stack_size;
	s->globals_size = o->globals_size;
	s->memory_pages = o->memory_pages;
	s->max_memory_pages = o->max_pages;
	s->cpu_limit_s = o->cpu_limit_s;
	s->time_mask_bits = o->time_mask_bits;
	s->monotonic_ns = o->monotonic_ns;
	s->flags = o->flags;
	s->entry = o->entry;
	s->text_addr = o->text_addr;
	s->stack_addr = o->stack_addr;
	s->memory_addr = o->memory_addr;
	if (o->abi_size) {
		s->abi_offset = gate_state_size(s);
		s->abi_size = o->abi_size;
	}
	if (o->state_fd > 0)
		out->state = dup(o->state_fd);
	else
		out->state = memfd_create("gate-state", MFD_CLOEXEC);
	if (out->state < 0 || ftruncate(out->state, (off_t)gate_fd_size(s)) < 0)
		return -1;
	if (o->abi_image_len && o->state_fd <= 0 &&
	    pwrite(out->state, o->abi_image, o->abi_image_len, (off_t)s->abi_offset) !=
		    (ssize_t)o->abi_image_len)
		return -1;
	if (o->mem_init_len &&
	    pwrite(out->state, o->mem_init, o->mem_init_len,
		   (off_t)(GATE_STACK_OFFSET + s->stack_size + s->globals_size)) !=
		    (ssize_t)o->mem_init_len)
		return -1;
	if (pipe2(in, O_CLOEXEC) < 0 || pipe2(outp, O_CLOEXEC) < 0)
		return -1;
	fds[GATE_FD_INPUT] = in[0];
	fds[GATE_FD_OUTPUT] = outp[1];
	fds[GATE_FD_TEXT] = p->fd;
	fds[GATE_FD_STATE] = out->state;
	out->in_w = in[1];
	out->out_r = outp[0];
	{
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		inst_sent_ns = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
	}
	return 0;
}

int inst_start(struct ctr *c, uint32_t id, const struct prog *p, const struct inst_opts *o,
	       struct inst *out)
{
	int fds[GATE_START_FDS];
	int r;

	if (prepare(id, p, o, out, fds) < 0)
		return -1;
	r = ctr_send(c, GATE_OP_START, id, 0, &out->rec, sizeof out->rec, fds, GATE_START_FDS);
	close(fds[GATE_FD_INPUT]);
	close(fds[GATE_FD_OUTPUT]);
	return r;
}

int inst_start_handed(struct ctr *c, uint32_t id, int sock, const struct prog *p,
		      const struct inst_opts *o, struct inst *out)
{
	int fds[GATE_START_FDS];
	int r;

	if (prepare(id, p, o, out, fds) < 0)
		return -1;
	/* CLAIM first, as the JVM does: after the record the sender has nothing left to do. */
	r = ctr_send(c, GATE_OP_CLAIM, id, o->cpu_limit_s, NULL, 0, NULL, 0);
	if (r == 0)
		r = gate_send_fds(sock, &out->rec, sizeof out->rec, fds, GATE_START_FDS);
	close(fds[GATE_FD_INPUT]);
	close(fds[GATE_FD_OUTPUT]);
	close(sock);
	return r;
}

int ctr_wait_idle(struct ctr *c, uint32_t *id, int *sock, int timeout_ms)
{
	for (;;) {
		struct pollfd p = { c->sock, POLLIN, 0 };
		struct gate_reply r;

		if (c->nidle) { /* the newest, as the JVM takes it */
			c->nidle--;
			*id = c->idle_id[c->nidle];
			*sock = c->idle_sock[c->nidle];
			return 0;
		}
		if (poll(&p, 1, timeout_ms) <= 0 || receive(c, &r) < 0)
			return -1;
		if (r.kind == GATE_REPLY_IDLE)
			continue;
		if (c->npending == 64)
			return -1;
		c->pending[c->npending++] = r;
	}
}

ssize_t inst_output(struct inst *in, void *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(in->out_r, (char *)buf + got, len - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

int inst_vars(const struct inst *in, struct gate_vars *v)
{
	return pread(in->state, v, sizeof *v, 0) == sizeof *v ? 0 : -1;
}

void inst_close(struct inst *in)
{
	if (in->in_w >= 0)
		close(in->in_w);
	close(in->out_r);
	close(in->state);
	in->in_w = -1;
}
