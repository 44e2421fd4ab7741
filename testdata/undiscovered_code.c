/* undiscovered_code: sends a call to code 0 without discovering any service: an ABI violation. */
#include "gate.h"

static char buf[16] __attribute__((aligned(8)));

int main(void)
{
	gate_call(buf, 0, "", 0);
	return 0; /* not reached */
}
