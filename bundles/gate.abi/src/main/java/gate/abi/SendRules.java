package gate.abi;

import gate.api.Domain;
import gate.api.FlowEntry;
import gate.api.Packet;
import gate.api.StreamData;

/**
 * The validity rules for packets a program sends (architecture reference §1.9 and §6). Breaking
 * one is an ABI violation. The header is checked as soon as its 8 bytes are there, the content
 * once the whole packet is.
 */
final class SendRules {
    /** The reserved code of the ABI's own stdio channel (README §2); programs may not use it. */
    static final int STDIO_CODE = -2;
    /** Longest service name in a discovery request (§6.2). */
    static final int MAX_NAME_LENGTH = 127;

    private final InstancePipe pipe;
    private final Discovery discovery;
    private final int maxSendSize;

    SendRules(InstancePipe pipe, Discovery discovery, int maxSendSize) {
        this.pipe = pipe;
        this.discovery = discovery;
        this.maxSendSize = maxSendSize;
    }

    /** Header rules: size, code, domain and index (README §3 rules 1 to 5). */
    void checkHeader(long size, int code, int domainByte, int index) {
        if (size < Packet.HEADER_SIZE || size > maxSendSize) {
            throw violation("packet size " + size + " is outside [8, " + maxSendSize + "]");
        }
        if (domainByte > Domain.DATA.number()) {
            throw violation("packet domain byte " + domainByte + " is not 0..3 (high bits must be zero)");
        }
        if (index != 0) {
            throw violation("packet index " + index + " must be 0 when sent");
        }
        if (code == Packet.DISCOVERY_CODE) {
            if (domainByte != Domain.CALL.number()) {
                throw violation("code -1 is only for discovery calls, not domain " + domainByte);
            }
        } else if (code == STDIO_CODE) {
            throw violation("code -2 is reserved for the ABI's stdio channel");
        } else if (code < 0) {
            throw violation("negative code " + code + " is reserved");
        } else if (code >= discovery.discovered()) {
            throw violation("code " + code + " was not discovered (" + discovery.discovered() + " known)");
        }
        if (domainByte == Domain.DATA.number() && size < Packet.HEADER_SIZE + StreamData.PREFIX_SIZE) {
            throw violation("data packet of " + size + " bytes lacks stream id and note");
        }
        if (domainByte == Domain.FLOW.number() && (size - Packet.HEADER_SIZE) % FlowEntry.SIZE != 0) {
            throw violation("flow packet content of " + (size - Packet.HEADER_SIZE) + " bytes is not whole entries");
        }
    }

    /** Content rules: a discovery request must be well formed (§6.2). */
    void checkContent(int code, byte[] packet, int size) {
        if (code != Packet.DISCOVERY_CODE) {
            return;
        }
        int at = Packet.HEADER_SIZE;
        if (size < at + 2) {
            throw violation("discovery request lacks its name count");
        }
        int count = (packet[at] & 0xff) | (packet[at + 1] & 0xff) << 8;
        at += 2;
        if (count > Discovery.MAX) {
            throw violation("discovery request names " + count + " services, more than " + Discovery.MAX);
        }
        for (int i = 0; i < count; i++) {
            if (at >= size) {
                throw violation("discovery request ends before name " + i);
            }
            int length = packet[at] & 0xff;
            if (length < 1 || length > MAX_NAME_LENGTH) {
                throw violation("discovery name " + i + " has length " + length + ", not 1.." + MAX_NAME_LENGTH);
            }
            at += 1 + length;
            if (at > size) {
                throw violation("discovery name " + i + " runs past the packet");
            }
        }
        if (at != size) {
            throw violation((size - at) + " bytes follow the last discovery name");
        }
    }

    private RuntimeException violation(String reason) {
        return Violation.of(pipe, reason);
    }
}
