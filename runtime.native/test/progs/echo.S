/* Copies input to output with the poll, read and write slots until input ends;
 * checks for suspension after every poll like a library loop would. */
#include "prog.h"
1:	mov	$1, %edi
	xor	%esi, %esi
	call	SLOT(GATE_SLOT_POLL)
	test	$1, %bl
	jnz	9f
	test	$(GATE_POLL_IN | GATE_POLL_IN_HUP), %eax
	jz	1b
	xor	%edi, %edi
	mov	$4096, %esi
	call	SLOT(GATE_SLOT_READ)
	test	%rax, %rax
	jz	8f
	js	7f
	mov	%rax, %rsi
	xor	%edi, %edi
	call	SLOT(GATE_SLOT_WRITE)
	jmp	1b
8:	xor	%edi, %edi		/* nothing read although readable: end of input */
	call	SLOT(GATE_SLOT_EXIT)
7:	mov	$1, %edi
	call	SLOT(GATE_SLOT_EXIT)
9:	mov	$2, %edi
	call	SLOT(GATE_SLOT_TRAP)
