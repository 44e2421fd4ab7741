package gate.abi;

import gate.api.Packet;

/**
 * Everything the instance writes to the pipe: the program's send stream, framed into packets and
 * validated by {@link SendRules} before any byte of a packet is queued, and the ABI's own stdio
 * packets. Whole packets only reach the queue, so the two sources never interleave inside a
 * packet. The queue holds what {@link InstancePipe#write} has not accepted yet; the program's
 * sends are refused (short writes) while it holds {@link #limit()} bytes or more.
 */
final class PacketOutput {
    private final InstancePipe pipe;
    private final SendRules rules;
    private final Runnable readAvailableInput;
    private final Discovery discovery;
    private final int maxSendSize;
    private final ByteQueue queue = new ByteQueue();

    /** The program's packet being framed: header, content, then padding. */
    /** The program's unfinished packet; made on first use (an engine running the ABI elsewhere never does). */
    private byte[] partial;
    private int partialFill;
    private int partialSize = -1;

    PacketOutput(InstancePipe pipe, SendRules rules, Discovery discovery, Runnable readAvailableInput,
            int maxSendSize) {
        this.pipe = pipe;
        this.rules = rules;
        this.discovery = discovery;
        this.readAvailableInput = readAvailableInput;
        this.maxSendSize = maxSendSize;
    }

    /** Unwritten bytes above which program sends are refused: two maximal packets. */
    long limit() {
        return 2L * maxSendSize;
    }

    /** Whether the program's send stream can take bytes now. */
    boolean hasRoom() {
        return queue.size() < limit();
    }

    boolean isFlushed() {
        return queue.isEmpty();
    }

    /** Writes as much of the queue as the pipe accepts now. */
    void flush() {
        while (!queue.isEmpty()) {
            int n = pipe.write(queue.array(), queue.head(), queue.size());
            if (n <= 0) {
                return;
            }
            queue.remove(n);
        }
    }

    /** Queues one of the ABI's own packets (already encoded and padded), then flushes. */
    void sendOwn(byte[] encoded) {
        queue.add(encoded, 0, encoded.length);
        flush();
    }

    /**
     * Takes bytes of the program's send stream from {@code src} until it is empty or the queue is
     * full; returns how many. A packet that breaks a rule ends the program.
     */
    long takeProgramBytes(IoVecs src) {
        if (partial == null) {
            partial = new byte[Packet.paddedSize(maxSendSize)];
        }
        long taken = 0;
        while (src.remaining() > 0 && hasRoom()) {
            int want = partialSize < 0 ? Packet.HEADER_SIZE - partialFill : Packet.paddedSize(partialSize) - partialFill;
            int n = (int) Math.min(want, src.remaining());
            src.take(partial, partialFill, n);
            partialFill += n;
            taken += n;
            if (partialSize < 0 && partialFill == Packet.HEADER_SIZE) {
                partialSize = checkedHeader();
            }
            if (partialSize >= 0 && partialFill == Packet.paddedSize(partialSize)) {
                completePacket();
            }
        }
        flush();
        return taken;
    }

    private int checkedHeader() {
        long size = Integer.toUnsignedLong(le32(0));
        int code = (short) ((partial[4] & 0xff) | (partial[5] & 0xff) << 8);
        if (code >= discovery.discovered()) {
            readAvailableInput.run(); // a discovery reply already in the pipe counts (README §3)
        }
        rules.checkHeader(size, code, partial[6] & 0xff, partial[7] & 0xff);
        return (int) size;
    }

    private void completePacket() {
        int code = (short) ((partial[4] & 0xff) | (partial[5] & 0xff) << 8);
        rules.checkContent(code, partial, partialSize);
        int padded = Packet.paddedSize(partialSize);
        for (int i = partialSize; i < padded; i++) {
            partial[i] = 0; // the session gets zero padding whatever the program sent
        }
        queue.add(partial, 0, padded);
        partialFill = 0;
        partialSize = -1;
    }

    /**
     * What the pipe has not taken yet: whole packets, then the program's partial packet (the
     * "output buffer" of a suspended instance, reference §1.9).
     */
    byte[] unsent() {
        ByteQueue copy = new ByteQueue();
        copy.add(queue.array(), queue.head(), queue.size());
        if (partialFill > 0) {
            copy.add(partial, 0, partialFill);
        }
        return copy.toArray();
    }

    private int le32(int at) {
        return (partial[at] & 0xff) | (partial[at + 1] & 0xff) << 8 | (partial[at + 2] & 0xff) << 16
                | (partial[at + 3] & 0xff) << 24;
    }
}
