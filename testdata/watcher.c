/*
 * watcher: discovers the service named by argv[1] (default "test") and reports its availability
 * on stdout: "watching NAME: available" or "...: unavailable" once, then "gone" and "back" on each
 * change (info-domain discovery packets). Runs until stdin ends. Waits on stdin and the packet fd
 * at once with poll (WASI poll_oneoff).
 */
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "gate.h"

static char buf[GATE_MAX_RECV_SIZE] __attribute__((aligned(8)));
static char out[256] __attribute__((aligned(8)));

/* Reads whatever whole packets are there (gate_recv_packet waits for the rest of one). */
static int handle(gate_packet *p, int available)
{
	if (p->code != GATE_SERVICE_CODE_DISCOVERY)
		return available;
	gate_service_state_packet *s = (gate_service_state_packet *) p;
	if (s->count < 1)
		return available;
	int now = s->states[0] & GATE_SERVICE_STATE_AVAIL;
	if (available >= 0 && now != available) {
		printf(now ? "back\n" : "gone\n");
		fflush(stdout);
	}
	return now;
}

int main(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : "test";
	if (strlen(name) < 1 || strlen(name) > 127)
		return 2;
	const char *names[] = {name};
	gate_discover(out, names, 1);
	gate_packet *p;
	do
		p = gate_recv_packet(buf);
	while (p->code != GATE_SERVICE_CODE_DISCOVERY || (p->domain & GATE_PACKET_DOMAIN_MASK) != GATE_PACKET_DOMAIN_CALL);
	int available = handle(p, -1);
	printf("watching %s: %s\n", name, available ? "available" : "unavailable");
	fflush(stdout);

	for (;;) {
		struct pollfd fds[2] = {{.fd = 0, .events = POLLIN}, {.fd = 4, .events = POLLIN}};
		if (poll(fds, 2, -1) < 0)
			return 3;
		if (fds[1].revents & POLLIN)
			available = handle(gate_recv_packet(buf), available);
		if (fds[0].revents & (POLLIN | POLLHUP)) {
			char in[256];
			ssize_t n = read(0, in, sizeof in);
			if (n <= 0)
				return 0;
		}
	}
}
