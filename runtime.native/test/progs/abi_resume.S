/* A caller and an import stub shaped like the compiler's (gate.compiler RUNTIME-NEEDS.md
 * §3-4): the caller's outgoing area holds fd_read(0, iov 0, 1, nread 8) (import 4),
 * the stub pushes rbp and calls the host slot. After a suspension in the call the host
 * makes the resume entry (pop rbp; ret) enter the stub again; the call is retried.
 * The errno goes to memory at 12, then exit 0. */
#include "prog.h"

	jmp	start
	.balign	16
	.globl	abi_resume_entry
abi_resume_entry:
	pop	%rbp
	ret
start:
	sub	$64, %rsp
	movq	$0, 0(%rsp)
	movq	$0, 8(%rsp)
	movq	$1, 16(%rsp)
	movq	$8, 24(%rsp)
	call	stub		/* a local label: the flat binary has no relocations */
	mov	0(%rsp), %eax
	mov	%eax, 12(%r14)
	xor	%edi, %edi
	call	SLOT(GATE_SLOT_EXIT)

	.globl	abi_resume_stub
abi_resume_stub:
stub:
	push	%rbp
	mov	%rsp, %rbp
	mov	$4, %edi
	call	SLOT(GATE_SLOT_HOST)
	.globl	abi_resume_return
abi_resume_return:
	pop	%rbp
	ret
