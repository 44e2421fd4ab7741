/* bad_pointer: passes gate.io an iovec beyond linear memory: an ABI violation. */
#include "gate.h"

int main(void)
{
	gate_iovec send = {(void *) 0xfffffff0u, 64};
	size_t nrecv = 0, nsent = 0;
	gate_io_65536(NULL, 0, &nrecv, &send, 1, &nsent, 0);
	return 0; /* not reached */
}
