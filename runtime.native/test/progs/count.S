/* Counts at memory[0] until it reaches the limit at memory[8], then writes the count
 * (8 bytes) and exits 0. The back-edge suspension check calls the trap slot, so a
 * suspended run can be resumed: the resume entry at offset 0x40 is a plain `ret`
 * that returns from that trap call into the loop. */
#include "prog.h"
	jmp	1f
	.balign	0x40
resume:
	ret
	.balign	16
1:	incq	(%r14)
	mov	(%r14), %rax
	cmp	8(%r14), %rax
	jae	2f
	test	$1, %bl
	jz	1b
	mov	$2, %edi
	call	SLOT(GATE_SLOT_TRAP)
	jmp	1b
2:	xor	%edi, %edi
	mov	$8, %esi
	call	SLOT(GATE_SLOT_WRITE)
	xor	%edi, %edi
	call	SLOT(GATE_SLOT_EXIT)
