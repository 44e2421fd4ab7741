/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `gate-container --probe`: print what a process inside the sandbox sees, one
 * "key=value" line each, from a child hardened exactly like an instance process up
 * to its exec. For operators and for the tests (test/driver.c).
 */
#ifndef GATE_PROBE_H
#define GATE_PROBE_H

/**
 * gate_probe: fork a hardened child that prints the report to stdout; wait for it.
 * @namespaces: whether the sandbox has namespaces (reported as such)
 *
 * Return: the child's exit status (0 if it could report).
 */
int gate_probe(int namespaces);

#endif
