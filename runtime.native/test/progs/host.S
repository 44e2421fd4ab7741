/* Calls the host slot for function 7 and exits 0 when the host lets it continue; the
 * return address of the call is the stop the host sees (trap 29 there on STOP). */
#include "prog.h"
	mov	$7, %edi
	call	SLOT(GATE_SLOT_HOST)
	.globl	host_return
host_return:
	xor	%edi, %edi
	call	SLOT(GATE_SLOT_EXIT)
