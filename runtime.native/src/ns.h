/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Namespace and privilege setup of gate-container (DESIGN.md §1). Usage, in this
 * order (each step needs privileges the later ones drop):
 *   1. gate_ns_enter()    host side: clone into new namespaces, write id maps;
 *                         only the child returns.
 *   2. gate_ns_sandbox()  inside: names, mounts, pivot_root, read-only root, ids.
 *      or gate_ns_plain() when namespaces are disabled.
 *   3. gate_drop_privileges()  every capability, no new privileges, not dumpable.
 * A failure after step 1 is fatal (die): a half-built sandbox must not serve.
 */
#ifndef GATE_NS_H
#define GATE_NS_H

#include <stdbool.h>
#include <sys/types.h>

/**
 * struct gate_ids - host ids the container's id 1 maps to.
 * @uid: host uid
 * @gid: host gid
 * @privileged: the invoker may map other ids than its own (host root)
 */
struct gate_ids {
	uid_t uid;
	gid_t gid;
	bool privileged;
};

/* oom_score_adj of the container and (by inheritance) every instance. */
#define GATE_OOM_SCORE_ADJ "1000"

/* The only id that exists inside the user namespace. */
#define GATE_INSIDE_ID 1

/**
 * gate_ns_enter: create the container (oom_score_adj 1000). The calling (host) process becomes a
 * supervisor that waits for the container and exits with its status; it never
 * returns. The container returns 0, as pid 1 of its pid namespace.
 * @ids: mapping of id 1
 *
 * Return: 0 in the container, or -1 with errno if the kernel refused the
 * namespaces (then nothing has changed and the caller may report it).
 */
int gate_ns_enter(const struct gate_ids *ids) __attribute__((nonnull));

/**
 * gate_ns_sandbox: furnish the namespaces and become id 1. Checks that uid 0 does
 * not exist in the user namespace. Dies on any failure.
 * @ids: as given to gate_ns_enter()
 */
void gate_ns_sandbox(const struct gate_ids *ids) __attribute__((nonnull));

/**
 * gate_ns_plain: without namespaces: oom_score_adj 1000; if running as host root, switch to @ids
 * (dropping supplementary groups); otherwise keep the invoker's ids. Dies on failure.
 */
void gate_ns_plain(const struct gate_ids *ids) __attribute__((nonnull));

/**
 * gate_drop_privileges: empty the bounding, ambient, effective, permitted and
 * inheritable capability sets; set no_new_privs and not dumpable. Dies on failure.
 */
void gate_drop_privileges(void);

#endif
