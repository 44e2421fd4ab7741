/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Test side of the control protocol: starting gate-container, building instances of
 * the hand-written programs, and collecting replies. Plays the JVM's role.
 */
#ifndef GATE_TEST_INSTANCE_H
#define GATE_TEST_INSTANCE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "gate/protocol.h"

struct ctr {
	pid_t pid;
	int sock;
	uint32_t hello_flags;
	struct gate_reply pending[64];
	int npending;
	/* hand-out mode: IDLE replies not taken yet, with their start sockets */
	uint32_t idle_id[64];
	int idle_sock[64];
	int nidle;
};

/** ctr_start: run @bin with @args (NULL-terminated) and read HELLO.
 * Return: 0, 3 if the container exited 3 (no namespaces), -1 on other failure. */
int ctr_start(const char *bin, const char *const *args, struct ctr *c);

/** ctr_stop: close the socket and wait; return the container's exit status. */
int ctr_stop(struct ctr *c);

/** ctr_send: send a request (+payload, +fds). */
int ctr_send(struct ctr *c, uint16_t op, uint32_t id, uint32_t arg, const void *payload,
	     size_t len, const int *fds, int nfds);

/** ctr_wait: the next reply for @id (others are kept), waiting up to @timeout_ms
 * as a guard against hangs. Return: 0, or -1 on timeout/failure. */
int ctr_wait(struct ctr *c, uint32_t id, struct gate_reply *r, int timeout_ms);

struct prog {
	int fd;
	uint32_t size;
};

/** prog_load: text memfd of DIR/NAME.bin, padded to a page. */
int prog_load(const char *dir, const char *name, struct prog *p);

struct inst_opts {
	uint32_t memory_pages;
	uint32_t max_pages;
	uint32_t stack_size;
	uint32_t globals_size;
	uint32_t cpu_limit_s;
	uint32_t time_mask_bits;
	uint64_t monotonic_ns;
	const void *mem_init;
	size_t mem_init_len;
	/* resume: reuse this state memfd (> 0) and these record fields */
	int state_fd;
	uint16_t flags;
	uint32_t entry;
	uint64_t text_addr, stack_addr, memory_addr;
	/* ABI area (abi_area.h): abi_size bytes after the memory maximum, starting with
	 * abi_image; abi_size 0 = none */
	uint32_t abi_size;
	const void *abi_image;
	size_t abi_image_len;
};

extern const struct inst_opts inst_defaults;

struct inst {
	uint32_t id;
	int in_w;
	int out_r;
	int state;
	struct gate_start rec;
};

/* CLOCK_REALTIME (ns) right before the last START was sent. */
extern uint64_t inst_sent_ns;

/** inst_start: create state and pipes, send START. Return 0 or -1. */
int inst_start(struct ctr *c, uint32_t id, const struct prog *p, const struct inst_opts *o,
	       struct inst *out);

/** inst_start_handed: as inst_start, but CLAIM @id, then send the record straight to
 * the handed-out process's start socket @sock (closed after). Return 0 or -1. */
int inst_start_handed(struct ctr *c, uint32_t id, int sock, const struct prog *p,
		      const struct inst_opts *o, struct inst *out);

/** ctr_wait_idle: an idle process from the IDLE replies (hand-out mode), the newest
 * one received: its id and start socket; other replies are kept for ctr_wait.
 * Return 0 or -1. */
int ctr_wait_idle(struct ctr *c, uint32_t *id, int *sock, int timeout_ms);

/** inst_output: read the whole output (until EOF) into @buf; return bytes or -1. */
ssize_t inst_output(struct inst *in, void *buf, size_t len);

/** inst_vars: read the vars page from the state memfd. */
int inst_vars(const struct inst *in, struct gate_vars *v);

/** inst_close: close the driver's fds. */
void inst_close(struct inst *in);

#endif
