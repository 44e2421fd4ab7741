/* Unbounded recursion with the function-entry stack check of generated code. */
#include "prog.h"
f:	lea	-64(%rsp), %rcx
	cmp	%rbx, %rcx
	jb	1f
	sub	$56, %rsp
	call	f
	add	$56, %rsp
	ret
1:	mov	$4, %edi
	call	SLOT(GATE_SLOT_TRAP)
