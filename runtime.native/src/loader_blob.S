/* SPDX-License-Identifier: Apache-2.0 */
/* The loader binary, embedded so that gate-container needs no file at run time. */
	.section .rodata.gate_loader, "a"
	.globl gate_loader_image, gate_loader_image_end
	.balign 16
gate_loader_image:
	.incbin LOADER_PATH
gate_loader_image_end:
	.section .note.GNU-stack, "", @progbits
