/* Reads the monotonic clock twice and a random byte; writes the three values
 * (24 bytes) and exits 0. */
#include "prog.h"
	mov	$1, %edi
	call	SLOT(GATE_SLOT_TIME)
	mov	%rax, 0(%r14)
	mov	$1, %edi
	call	SLOT(GATE_SLOT_TIME)
	mov	%rax, 8(%r14)
	call	SLOT(GATE_SLOT_RANDOM)
	mov	%rax, 16(%r14)
	xor	%edi, %edi
	mov	$24, %esi
	call	SLOT(GATE_SLOT_WRITE)
	xor	%edi, %edi
	call	SLOT(GATE_SLOT_EXIT)
