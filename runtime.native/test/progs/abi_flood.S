/* fd_write(1, iov 0, 1, nwritten 8) (import 0) eight times, adding each count to the
 * u32 at memory 12, then returns: what the pipe has not taken by then leaves on the
 * exit path's flush. */
#include "prog.h"

	sub	$64, %rsp
	mov	$8, %r12d
1:	movq	$1, 16(%rsp)
	movq	$0, 24(%rsp)
	movq	$1, 32(%rsp)
	movq	$8, 40(%rsp)
	xor	%edi, %edi
	call	SLOT(GATE_SLOT_HOST)
	mov	8(%r14), %eax
	add	%eax, 12(%r14)
	dec	%r12d
	jnz	1b
	xor	%eax, %eax
	add	$64, %rsp
	ret
