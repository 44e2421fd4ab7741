/* Calls import 0 (u32 at memory 0) times with argument 99, then exits 0: with an ABI
 * area bound to proc_raise the runtime answers in process, else the host does. */
#include "prog.h"

	sub	$64, %rsp
	mov	(%r14), %r12d
1:	test	%r12d, %r12d
	jz	2f
	movq	$99, 16(%rsp)
	xor	%edi, %edi
	call	SLOT(GATE_SLOT_HOST)
	dec	%r12d
	jmp	1b
2:	xor	%edi, %edi
	call	SLOT(GATE_SLOT_EXIT)
