/* Calls imported functions the way an import stub does (DESIGN.md §9): arguments in
 * the outgoing area at [rsp + 16 + 8k] when the host slot is called, the result in
 * slot 0. With an ABI area the runtime serves them in process. Imports (the test's
 * bindings): 0 fd_write, 1 poll_oneoff, 2 random_get, 3 proc_exit. Results go to
 * memory at 512, 516, 520, 524. Memory at 0 holds an iovec, at 64 a subscription. */
#include "prog.h"

.macro IMPORT fn
	mov	$\fn, %edi
	call	SLOT(GATE_SLOT_HOST)
.endm

.macro ARGS a, b, c, d
	movq	$\a, 16(%rsp)
	movq	$\b, 24(%rsp)
	movq	$\c, 32(%rsp)
	movq	$\d, 40(%rsp)
.endm

	sub	$64, %rsp
	ARGS	2, 0, 1, 8		/* fd_write(2, iov 0, 1, nwritten 8): debug */
	IMPORT	0
	mov	16(%rsp), %eax
	mov	%eax, 512(%r14)
	ARGS	1, 0, 1, 8		/* fd_write(1, ...): waits for stdout credit */
	IMPORT	0
	mov	16(%rsp), %eax
	mov	%eax, 516(%r14)
	ARGS	64, 128, 1, 120		/* poll_oneoff: one relative clock subscription */
	IMPORT	1
	mov	16(%rsp), %eax
	mov	%eax, 520(%r14)
	ARGS	256, 8, 0, 0		/* random_get(256, 8) */
	IMPORT	2
	mov	16(%rsp), %eax
	mov	%eax, 524(%r14)
	ARGS	5, 0, 0, 0		/* proc_exit(5) */
	IMPORT	3
	.globl	abi_exit_return
abi_exit_return:
	ud2
