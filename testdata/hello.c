/*
 * hello: says hello through the origin service.
 *
 * main (the _start entry point) uses plain printf: WASI stdout is origin's stdio stream.
 * The export hello_packets does the same with raw packets (see include/gate.h): it discovers
 * origin, accepts one stream, waits for its flow credit, sends "hello, world\n" and closes it.
 * Run it with `gate run --function hello_packets hello.wasm`.
 */
#include <stdio.h>

#include "gate.h"

int main(void)
{
	printf("hello, world\n");
	return 0;
}

static char buf[GATE_MAX_RECV_SIZE] __attribute__((aligned(8)));
static char out[256] __attribute__((aligned(8)));

/* Waits for the next packet of code (or discovery with code -1) and domain. */
static gate_packet *expect(int16_t code, uint8_t domain)
{
	for (;;) {
		gate_packet *p = gate_recv_packet(buf);
		if (p->code == code && (p->domain & GATE_PACKET_DOMAIN_MASK) == domain)
			return p;
	}
}

__attribute__((export_name("hello_packets"))) int hello_packets(void)
{
	static const char *const names[] = {"origin"};
	gate_discover(out, names, 1);
	gate_service_state_packet *reply = (gate_service_state_packet *) expect(GATE_SERVICE_CODE_DISCOVERY, GATE_PACKET_DOMAIN_CALL);
	if (reply->count < 1 || !(reply->states[0] & GATE_SERVICE_STATE_AVAIL)) {
		gate_debug("hello: origin is not available\n");
		return 1;
	}
	int16_t origin = 0; /* the first discovered service */

	gate_call(out, origin, "", 0); /* accept one connection */
	gate_packet *accepted = expect(origin, GATE_PACKET_DOMAIN_CALL);
	if (accepted->size < sizeof(gate_packet) + 8) {
		gate_debug("hello: origin refused the stream\n");
		return 1;
	}
	int32_t stream = *(int32_t *) ((char *) accepted + sizeof(gate_packet));

	static const char text[] = "hello, world\n";
	int32_t credit = 0;
	while (credit < (int32_t) (sizeof text - 1)) {
		gate_flow_packet *flow = (gate_flow_packet *) expect(origin, GATE_PACKET_DOMAIN_FLOW);
		int n = (int) ((flow->header.size - sizeof(gate_packet)) / sizeof(gate_flow));
		for (int i = 0; i < n; i++)
			if (flow->flows[i].id == stream && flow->flows[i].increment > 0)
				credit += flow->flows[i].increment;
	}
	gate_send_data(out, origin, stream, text, sizeof text - 1);
	gate_send_data(out, origin, stream, "", 0); /* end of stream */
	return 0;
}
