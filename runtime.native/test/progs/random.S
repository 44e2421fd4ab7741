/* Calls the random slot 33 times (the pool holds 32 bytes), writes the 33 results
 * as u64 (264 bytes) and exits 0. */
#include "prog.h"
	xor	%r12d, %r12d
1:	call	SLOT(GATE_SLOT_RANDOM)
	mov	%rax, (%r14, %r12, 8)
	inc	%r12
	cmp	$33, %r12
	jb	1b
	xor	%edi, %edi
	mov	$264, %esi
	call	SLOT(GATE_SLOT_WRITE)
	xor	%edi, %edi
	call	SLOT(GATE_SLOT_EXIT)
