/* Endless loop without any suspension check: only the CPU-time backstop ends it. */
#include "prog.h"
1:	jmp	1b
