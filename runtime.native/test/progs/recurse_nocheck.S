/* Unbounded recursion without checks: runs into the guard page below the stack. */
#include "prog.h"
f:	push	%rax
	call	f
