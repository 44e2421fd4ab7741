/* Memory bomb: grows one page at a time until refused, touches the last page, then
 * writes the final size (4 bytes) and exits 0. */
#include "prog.h"
1:	mov	$1, %edi
	call	SLOT(GATE_SLOT_GROW)
	cmp	$0xffffffff, %eax
	jne	1b
	call	SLOT(GATE_SLOT_SIZE)
	mov	%eax, %ecx
	shl	$16, %rcx
	movb	$1, -1(%r14, %rcx)	/* last byte of memory must be writable */
	mov	%eax, (%r14)
	xor	%edi, %edi
	mov	$4, %esi
	call	SLOT(GATE_SLOT_WRITE)
	xor	%edi, %edi
	call	SLOT(GATE_SLOT_EXIT)
