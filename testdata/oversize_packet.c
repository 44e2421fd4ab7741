/* oversize_packet: sends a packet header claiming 65544 bytes, more than 65536: an ABI violation. */
#include "gate.h"

static char buf[65544] __attribute__((aligned(8)));

int main(void)
{
	gate_packet *p = (gate_packet *) buf;
	p->size = sizeof buf;
	p->code = GATE_SERVICE_CODE_DISCOVERY;
	p->domain = GATE_PACKET_DOMAIN_CALL;
	p->index = 0;
	gate_send_all(buf, sizeof buf);
	return 0; /* not reached */
}
