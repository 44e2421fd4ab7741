/* Makes the raw system call described at memory offset 0 (u64 nr, a0..a5; if the
 * u64 at offset 64 is nonzero, a0 is relative to the memory base), writes its result
 * (8 bytes) and exits 0: a stand-in for compromised generated code. */
#include "prog.h"
	mov	0(%r14), %rax
	mov	8(%r14), %rdi
	mov	16(%r14), %rsi
	mov	24(%r14), %rdx
	mov	32(%r14), %r10
	mov	40(%r14), %r8
	mov	48(%r14), %r9
	cmpq	$0, 64(%r14)
	je	1f
	add	%r14, %rdi
1:	syscall
	mov	%rax, 56(%r14)
	mov	$56, %edi
	mov	$8, %esi
	call	SLOT(GATE_SLOT_WRITE)
	xor	%edi, %edi
	call	SLOT(GATE_SLOT_EXIT)
