package gate.abi;

import gate.api.Domain;
import gate.api.Packet;
import gate.engine.TrapException;
import gate.engine.TrapId;

/**
 * Everything the instance reads from the pipe, split by code without reordering either side
 * (README §1): code -2 goes to the stdio channel, every other packet to the program's packet input
 * byte for byte (padding included). Discovery replies are noted on the way.
 *
 * <p>All available input is read whenever the ABI looks at it, so stdio does not wait behind
 * program packets the program has not read yet, up to {@link #PROGRAM_QUEUE_LIMIT} bytes of
 * them: beyond that the pipe is left alone until the program reads, so a program that ignores its
 * packets holds a bounded amount of host memory (and its stdin waits; its own doing).
 */
final class PacketInput {
    /** Most unread program packet bytes the ABI takes from the pipe. */
    static final int PROGRAM_QUEUE_LIMIT = 1 << 20;

    private final InstancePipe pipe;
    private final Discovery discovery;
    private final StdioChannel stdio;
    private final ByteQueue program = new ByteQueue();
    /** Made on first use: an engine that runs the ABI elsewhere never reads here (128 KiB saved). */
    private byte[] buffer;
    private int fill;
    private boolean ended;

    PacketInput(InstancePipe pipe, Discovery discovery, StdioChannel stdio) {
        this.pipe = pipe;
        this.discovery = discovery;
        this.stdio = stdio;
    }

    /** Reads and dispatches everything the pipe has now. */
    void readAvailable() {
        if (buffer == null) {
            buffer = new byte[2 * Packet.MAX_SIZE];
        }
        while (accepting()) {
            int n = pipe.read(buffer, fill, buffer.length - fill);
            if (n < 0) {
                ended = true;
                stdio.sessionEnded();
            } else if (n == 0) {
                return;
            } else {
                fill += n;
                dispatchWholePackets();
            }
        }
    }

    /** Whether {@link #readAvailable} would take more from the pipe now. */
    boolean accepting() {
        return !ended && program.size() < PROGRAM_QUEUE_LIMIT;
    }

    /** Whether the session ended its stream: nothing more will arrive. */
    boolean ended() {
        return ended;
    }

    /** The program's packet input (bytes of whole packets with their padding). */
    ByteQueue program() {
        return program;
    }

    private void dispatchWholePackets() {
        int at = 0;
        while (fill - at >= Packet.HEADER_SIZE) {
            long size = Integer.toUnsignedLong(le32(at));
            if (size < Packet.HEADER_SIZE || size > Packet.MAX_SIZE) {
                // Not the program's fault: the session broke the pipe's framing.
                throw new TrapException(TrapId.INTERNAL_ERROR);
            }
            int padded = Packet.paddedSize((int) size);
            if (fill - at < padded) {
                break;
            }
            dispatch(at, (int) size, padded);
            at += padded;
        }
        System.arraycopy(buffer, at, buffer, 0, fill - at);
        fill -= at;
    }

    private void dispatch(int at, int size, int padded) {
        int code = (short) ((buffer[at + 4] & 0xff) | (buffer[at + 5] & 0xff) << 8);
        int domain = buffer[at + 6] & 0x0f;
        if (code == SendRules.STDIO_CODE) {
            stdio.receive(domain, buffer, at + Packet.HEADER_SIZE, size - Packet.HEADER_SIZE);
            return;
        }
        if (code == Packet.DISCOVERY_CODE && (domain == Domain.CALL.number() || domain == Domain.INFO.number())
                && size >= Packet.HEADER_SIZE + 2) {
            discovery.observe((buffer[at + 8] & 0xff) | (buffer[at + 9] & 0xff) << 8);
        }
        program.add(buffer, at, padded);
    }

    private int le32(int at) {
        return (buffer[at] & 0xff) | (buffer[at + 1] & 0xff) << 8 | (buffer[at + 2] & 0xff) << 16
                | (buffer[at + 3] & 0xff) << 24;
    }
}
