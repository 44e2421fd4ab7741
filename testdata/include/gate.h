/*
 * gate.h: the packet ABI of Gate for C programs compiled to wasm32 (clang --target=wasm32-wasi).
 *
 * A program talks to services with packets (8-byte header, content, zero padding to a multiple of
 * 8) that it sends and receives through one import, gate.io_65536. The protocol is described in
 * bundles/gate.abi/README.md; the packet layout is the same as gate.api.Packet on the host.
 *
 * Usage: discover services by name (gate_discover), then send call/info/flow/data packets to the
 * codes you got, and receive packets with gate_recv. Debug text goes to WASI fd 2 (gate_debug),
 * which the host keeps apart from services. Plain printf/stdout works too: stdout is the origin
 * service's stdio stream.
 */
#ifndef GATE_H
#define GATE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GATE_ABI_VERSION 0
#define GATE_MAX_RECV_SIZE 65536 /* the N of gate.io_N: the largest packet this program takes */
#define GATE_MAX_SEND_SIZE 65536 /* the largest packet a program may send, header included */
#define GATE_PACKET_ALIGNMENT 8

/* Packet domains: low 4 bits of the header's domain byte. */
#define GATE_PACKET_DOMAIN_CALL 0 /* request/response, one reply per call */
#define GATE_PACKET_DOMAIN_INFO 1 /* asynchronous notifications */
#define GATE_PACKET_DOMAIN_FLOW 2 /* stream capacity grants */
#define GATE_PACKET_DOMAIN_DATA 3 /* stream data */
#define GATE_PACKET_DOMAIN_MASK 15

/* The code of service discovery packets. */
#define GATE_SERVICE_CODE_DISCOVERY (-1)
/* Discovery reply state bit: the service is available. */
#define GATE_SERVICE_STATE_AVAIL 0x1
#define GATE_MAX_SERVICES 256

/* gate_io flag: block until something can be received (or sent). */
#define GATE_IO_WAIT 0x1

/* The packet header. size counts header and content, not the padding. */
typedef struct gate_packet {
	uint32_t size;
	int16_t code;
	uint8_t domain;
	uint8_t index; /* 0 when sent */
} gate_packet;

/* A flow packet holds one or more of these after the header. */
typedef struct gate_flow {
	int32_t id;        /* stream id */
	int32_t increment; /* > 0: more capacity; 0: closed; < 0: service-specific error */
} gate_flow;

typedef struct gate_flow_packet {
	gate_packet header;
	gate_flow flows[];
} gate_flow_packet;

/* A data packet: stream id, note, then bytes. No bytes means end of stream. */
typedef struct gate_data_packet {
	gate_packet header;
	int32_t id;
	int32_t note;
	char data[];
} gate_data_packet;

/* Discovery reply (code -1, domain call) and availability notification (domain info). */
typedef struct gate_service_state_packet {
	gate_packet header;
	uint16_t count;    /* services discovered so far, all of them */
	uint8_t states[];  /* one per code: GATE_SERVICE_STATE_AVAIL or 0 */
} gate_service_state_packet;

typedef struct gate_iovec {
	void *iov_base;
	size_t iov_len;
} gate_iovec;

/* The ABI's import: see bundles/gate.abi/README.md §4. */
void gate_io_65536(const gate_iovec *recv, int recvlen, size_t *nreceived, const gate_iovec *send,
		int sendlen, size_t *nsent, unsigned flags)
	__attribute__((import_module("gate"), import_name("io_65536")));

/* WASI fd_write, used for debug output on fd 2. */
uint16_t gate_wasi_fd_write(int fd, const gate_iovec *iovs, size_t iovs_len, size_t *nwritten)
	__attribute__((import_module("wasi_snapshot_preview1"), import_name("fd_write")));

void gate_wasi_proc_exit(int status)
	__attribute__((import_module("wasi_snapshot_preview1"), import_name("proc_exit"), noreturn));

/* The size rounded up to the packet alignment. */
static inline size_t gate_padded_size(size_t size)
{
	return (size + GATE_PACKET_ALIGNMENT - 1) & ~(size_t) (GATE_PACKET_ALIGNMENT - 1);
}

/* One exchange: sends up to sendlen bytes and receives up to recvlen bytes (either may be 0). */
static inline void gate_io(void *recvbuf, size_t recvlen, size_t *nreceived, const void *sendbuf,
		size_t sendlen, size_t *nsent, unsigned flags)
{
	gate_iovec recv = {recvbuf, recvlen};
	gate_iovec send = {(void *) sendbuf, sendlen};
	gate_io_65536(&recv, 1, nreceived, &send, 1, nsent, flags);
}

/* Sends all of buf (whole packets with their padding), waiting while the host is busy. */
static inline void gate_send_all(const void *buf, size_t len)
{
	const char *p = (const char *) buf;
	while (len > 0) {
		size_t nrecv = 0, nsent = 0;
		gate_iovec send = {(void *) p, len};
		gate_io_65536(NULL, 0, &nrecv, &send, 1, &nsent, GATE_IO_WAIT);
		p += nsent;
		len -= nsent;
	}
}

/* Fills in the header of pkt (content already in place) and sends it with its padding. */
static inline void gate_send_packet(gate_packet *pkt, size_t size, int16_t code, uint8_t domain)
{
	pkt->size = (uint32_t) size;
	pkt->code = code;
	pkt->domain = domain;
	pkt->index = 0;
	size_t padded = gate_padded_size(size);
	memset((char *) pkt + size, 0, padded - size);
	gate_send_all(pkt, padded);
}

/*
 * Receives exactly one packet into buf (capacity at least GATE_MAX_RECV_SIZE), waiting for it.
 * Returns its header. The ABI hands packets over whole and aligned: reading the header first and
 * then the padded rest keeps packet boundaries.
 */
static inline gate_packet *gate_recv_packet(void *buf)
{
	char *b = (char *) buf;
	size_t have = 0, need = sizeof(gate_packet);
	while (have < need) {
		size_t nrecv = 0, nsent = 0;
		gate_io(b + have, need - have, &nrecv, NULL, 0, &nsent, GATE_IO_WAIT);
		have += nrecv;
		if (have == sizeof(gate_packet) && need == sizeof(gate_packet))
			need = gate_padded_size(((gate_packet *) b)->size);
	}
	return (gate_packet *) b;
}

/* Writes text to the debug output (WASI fd 2), which never reaches services. */
static inline void gate_debug(const char *text)
{
	gate_iovec iov = {(void *) text, strlen(text)};
	while (iov.iov_len > 0) {
		size_t n = 0;
		if (gate_wasi_fd_write(2, &iov, 1, &n) != 0)
			return;
		iov.iov_base = (char *) iov.iov_base + n;
		iov.iov_len -= n;
	}
}

/*
 * Sends a discovery request for the names (count of them) into buf, which must hold the packet.
 * Codes are assigned in discovery order, continuing after earlier discoveries; the reply (code
 * -1, domain call) lists the states of all services discovered so far.
 */
static inline void gate_discover(void *buf, const char *const *names, int count)
{
	gate_packet *pkt = (gate_packet *) buf;
	char *p = (char *) buf + sizeof(gate_packet);
	*p++ = (char) (count & 0xff);
	*p++ = (char) (count >> 8);
	for (int i = 0; i < count; i++) {
		size_t len = strlen(names[i]);
		*p++ = (char) len;
		memcpy(p, names[i], len);
		p += len;
	}
	gate_send_packet(pkt, (size_t) (p - (char *) buf), GATE_SERVICE_CODE_DISCOVERY, GATE_PACKET_DOMAIN_CALL);
}

/* Sends a call packet with the content to code. buf must hold header plus content. */
static inline void gate_call(void *buf, int16_t code, const void *content, size_t len)
{
	memcpy((char *) buf + sizeof(gate_packet), content, len);
	gate_send_packet((gate_packet *) buf, sizeof(gate_packet) + len, code, GATE_PACKET_DOMAIN_CALL);
}

/* Grants a stream increment more bytes (a flow packet with one entry). */
static inline void gate_flow_grant(int16_t code, int32_t id, int32_t increment)
{
	struct {
		gate_packet header;
		gate_flow flow;
	} pkt = {{0, 0, 0, 0}, {id, increment}};
	gate_send_packet(&pkt.header, sizeof pkt, code, GATE_PACKET_DOMAIN_FLOW);
}

/* Sends len bytes (at most GATE_MAX_SEND_SIZE - 16) on a stream; buf holds the packet. */
static inline void gate_send_data(void *buf, int16_t code, int32_t id, const void *data, size_t len)
{
	gate_data_packet *pkt = (gate_data_packet *) buf;
	pkt->id = id;
	pkt->note = 0;
	memcpy(pkt->data, data, len);
	gate_send_packet(&pkt->header, sizeof(gate_data_packet) + len, code, GATE_PACKET_DOMAIN_DATA);
}

#ifdef __cplusplus
}
#endif

#endif
