/* Endless loop with a suspension check at its back-edge, as generated code has. */
#include "prog.h"
1:	test	$1, %bl
	jnz	2f
	jmp	1b
2:	mov	$2, %edi
	call	SLOT(GATE_SLOT_TRAP)
