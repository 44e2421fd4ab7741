/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The container's control loop (DESIGN.md §3): serves requests from the control
 * socket, keeps the idle pool filled, reaps instance processes and replies.
 */
#ifndef GATE_EXECUTOR_H
#define GATE_EXECUTOR_H

#include <stdint.h>

/**
 * gate_serve: run until the JVM closes the control socket and every process is
 * gone. Sends HELLO first.
 * @ctl: control socket (SOCK_SEQPACKET)
 * @loader_fd: executable memfd of the loader
 * @pool: initial idle pool size (<= GATE_MAX_POOL)
 * @hello_flags: GATE_HELLO_* flags for the HELLO reply
 *
 * Return: 0 after a clean shutdown; dies on an internal failure.
 */
int gate_serve(int ctl, int loader_fd, unsigned pool, uint32_t hello_flags);

#endif
