/* Loads from memory base + 0xfffffff0: far beyond one page, inside the guard. */
#include "prog.h"
	mov	$0xfffffff0, %eax
	mov	0x7ffffff0(%r14, %rax), %rcx
	xor	%edi, %edi
	call	SLOT(GATE_SLOT_EXIT)
