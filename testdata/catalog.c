/* catalog: discovers the catalog service, asks it for "json" and prints the reply to stdout. */
#include <stdio.h>

#include "gate.h"

static char buf[GATE_MAX_RECV_SIZE] __attribute__((aligned(8)));
static char out[64] __attribute__((aligned(8)));

int main(void)
{
	static const char *const names[] = {"catalog"};
	gate_discover(out, names, 1);
	gate_packet *p;
	do
		p = gate_recv_packet(buf);
	while (p->code != GATE_SERVICE_CODE_DISCOVERY || (p->domain & GATE_PACKET_DOMAIN_MASK) != GATE_PACKET_DOMAIN_CALL);
	gate_service_state_packet *reply = (gate_service_state_packet *) p;
	if (reply->count < 1 || !(reply->states[0] & GATE_SERVICE_STATE_AVAIL)) {
		printf("catalog is not available\n");
		return 1;
	}
	gate_call(out, 0, "json", 4);
	do
		p = gate_recv_packet(buf);
	while (p->code != 0 || (p->domain & GATE_PACKET_DOMAIN_MASK) != GATE_PACKET_DOMAIN_CALL);
	fwrite((char *) p + sizeof(gate_packet), 1, p->size - sizeof(gate_packet), stdout);
	printf("\n");
	return 0;
}
