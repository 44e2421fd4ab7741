/* Writes "hello\n" through the write slot, then exits 0. */
#include "prog.h"
	movl	$0x6c6c6568, (%r14)	/* "hell" */
	movw	$0x0a6f, 4(%r14)	/* "o\n" */
	xor	%edi, %edi
	mov	$6, %esi
	call	SLOT(GATE_SLOT_WRITE)
	cmp	$6, %rax
	jne	1f
	xor	%edi, %edi
	call	SLOT(GATE_SLOT_EXIT)
1:	mov	$1, %edi
	call	SLOT(GATE_SLOT_EXIT)
