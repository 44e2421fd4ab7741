/* Asks the write slot to write past the end of memory: trap 5 from the runtime. */
#include "prog.h"
	mov	$0xfff0, %edi
	mov	$0x20, %esi
	call	SLOT(GATE_SLOT_WRITE)
	xor	%edi, %edi
	call	SLOT(GATE_SLOT_EXIT)
