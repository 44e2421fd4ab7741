/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Runtime entry points (DESIGN.md §5): the slot table at the start of the runtime
 * area, the stubs that adapt the slot ABI to C, the init routine that enters the
 * program, and the pieces the signal handler must recognise by address. The linker
 * script puts this file first in the runtime block, so the slot table starts the
 * area at text - GATE_RT_AREA.
 */
#include "gate/abi.h"
#include "runtime.h"

	.section .text.rt_entry, "ax"
	.globl rt_block_begin
	.hidden rt_block_begin
rt_block_begin:

.macro SLOT target
	.balign GATE_RT_SLOT_SIZE
	jmp \target
.endm

	SLOT slot_trap		/* GATE_SLOT_TRAP */
	SLOT slot_exit		/* GATE_SLOT_EXIT */
	SLOT slot_read		/* GATE_SLOT_READ */
	SLOT slot_write		/* GATE_SLOT_WRITE */
	SLOT slot_poll		/* GATE_SLOT_POLL */
	SLOT slot_time		/* GATE_SLOT_TIME */
	SLOT slot_random	/* GATE_SLOT_RANDOM */
	SLOT slot_grow		/* GATE_SLOT_GROW */
	SLOT slot_size		/* GATE_SLOT_SIZE */
	SLOT slot_host		/* GATE_SLOT_HOST */
	.balign GATE_RT_SLOT_SIZE

/*
 * Call a C function f(edi, esi, return address, rsp at entry) on an aligned stack,
 * keeping rdx and r8-r10 (the slot ABI preserves them; C does not), then OR the
 * suspend bits into rbx if a suspend arrived meanwhile. The C side never touches
 * rbx (-ffixed-rbx).
 */
.macro STUB name, fn
\name:
	push	%rbp
	mov	%rsp, %rbp
	and	$-16, %rsp
	push	%rdx
	push	%r8
	push	%r9
	push	%r10
	mov	8(%rbp), %rdx
	lea	8(%rbp), %rcx
	mov	%edi, %edi
	mov	%esi, %esi
	call	\fn
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rdx
	mov	%rbp, %rsp
	pop	%rbp
	jmp	check_suspend
.endm

	STUB slot_trap, rt_trap
	STUB slot_exit, rt_exit
	STUB slot_read, rt_read
	STUB slot_write, rt_write
	STUB slot_poll, rt_poll
	STUB slot_time, rt_time
	STUB slot_random, rt_random
	STUB slot_grow, rt_grow
	STUB slot_size, rt_size
	STUB slot_host, rt_host

check_suspend:
	mov	rt_cfg+RT_CFG_VARS(%rip), %rcx
	cmpl	$0, RT_VARS_SUSPEND(%rcx)
	je	1f
	movabs	$GATE_SUSPEND_BITS, %rcx
	or	%rcx, %rbx
1:	ret

/*
 * ppoll with a suspend check that cannot race with the signal: if SIGXCPU arrives
 * anywhere from rt_poll_window up to and including the syscall instruction, the
 * handler resumes at rt_poll_interrupted instead. Arguments as for ppoll(fds, n,
 * timeout) (timeout NULL: no limit).
 */
	.globl rt_poll_syscall, rt_poll_window, rt_poll_interrupted, rt_ppoll
	.hidden rt_poll_syscall, rt_poll_window, rt_poll_interrupted, rt_ppoll
rt_ppoll:
rt_poll_window:
	mov	rt_cfg+RT_CFG_VARS(%rip), %rax
	cmpl	$0, RT_VARS_SUSPEND(%rax)
	jne	rt_poll_interrupted
	xor	%r10d, %r10d
	mov	$8, %r8d
	mov	$271, %eax	/* __NR_ppoll */
rt_poll_syscall:
	syscall
	ret
rt_poll_interrupted:
	mov	$-4, %rax	/* -EINTR */
	ret

/*
 * rt_abi_switch(a, b, c, fn): fn(a, b, c) on the ABI stack. A signal arriving
 * meanwhile finds this stack is the alternate one and stacks its frame below.
 */
	.globl rt_abi_switch
	.hidden rt_abi_switch
rt_abi_switch:
	push	%rbp
	mov	%rsp, %rbp
	mov	rt_cfg+RT_CFG_ABI_STACK(%rip), %rsp
	call	*%rcx
	mov	%rbp, %rsp
	pop	%rbp
	ret

/* sa_restorer of every handler. */
	.globl rt_restorer
	.hidden rt_restorer
rt_restorer:
	mov	$15, %eax	/* __NR_rt_sigreturn */
	syscall
	ud2

/*
 * Entered by the loader with the loader's stack still in use. Switch to the wasm
 * stack, let rt_init unmap the loader and its stack, set the limit register, let
 * rt_enable unblock SIGXCPU (a pending suspend now sees rbx set) and install
 * seccomp, clear every register and jump to the entry routine.
 */
	.globl rt_start
	.hidden rt_start
rt_start:
	mov	rt_cfg+RT_CFG_INIT_RSP(%rip), %rsp
	call	rt_init
	mov	rt_cfg+RT_CFG_INIT_RBX(%rip), %rbx
	call	rt_enable
	mov	rt_cfg+RT_CFG_MEMORY(%rip), %r14
	mov	rt_cfg+RT_CFG_TEXT(%rip), %r15
	mov	rt_cfg+RT_CFG_ENTRY(%rip), %rcx
	cmpq	$0, rt_cfg+RT_CFG_RESUME(%rip)
	jne	1f
	lea	rt_returned(%rip), %rax
	push	%rax
1:	xor	%eax, %eax
	xor	%edx, %edx
	xor	%esi, %esi
	xor	%edi, %edi
	xor	%ebp, %ebp
	xor	%r8d, %r8d
	xor	%r9d, %r9d
	xor	%r10d, %r10d
	xor	%r11d, %r11d
	xor	%r12d, %r12d
	xor	%r13d, %r13d
	cld
	jmp	*%rcx

/* The entry routine returned: exit 0 if eax is 0, else 1. */
	.globl rt_returned
	.hidden rt_returned
rt_returned:
	xor	%edi, %edi
	test	%eax, %eax
	setnz	%dil
	push	%rax		/* keep the slot stub's stack shape: a return address slot */
	jmp	slot_exit

	.section .note.GNU-stack, "", @progbits
