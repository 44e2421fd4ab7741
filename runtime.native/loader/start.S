/* SPDX-License-Identifier: Apache-2.0 */
/* Loader entry: hand the initial stack (argc, argv, envp, auxv) to loader_main. */
	.section .text.start, "ax"
	.globl _start
_start:
	mov	%rsp, %rdi
	and	$-16, %rsp
	call	loader_main
	ud2

	.section .note.GNU-stack, "", @progbits
