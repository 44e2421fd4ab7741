/* fd_read(0, iov 0, 1, nread 8) through the ABI (import 4): blocks until stdin data
 * arrives or the host suspends the instance; then fd_write(1) of what it read
 * (import 0) and a normal exit, whose path flushes the queued output. */
#include "prog.h"

	sub	$64, %rsp
	movq	$0, 16(%rsp)
	movq	$0, 24(%rsp)
	movq	$1, 32(%rsp)
	movq	$8, 40(%rsp)
	mov	$4, %edi
	call	SLOT(GATE_SLOT_HOST)
	.globl	abi_read_return
abi_read_return:
	mov	8(%r14), %eax		/* bytes read: the new iovec length */
	mov	%eax, 4(%r14)
	movq	$1, 16(%rsp)
	mov	$0, %edi
	call	SLOT(GATE_SLOT_HOST)
	xor	%edi, %edi
	call	SLOT(GATE_SLOT_EXIT)
