package gate.executor;

import gate.abi.InstancePipe;

/**
 * What an ABI-mode instance writes to its fd 1, on the way to its session (notes/s8/abi-native.md
 * §7): whole packets padded to 8. Codes -2 and up go to {@link InstancePipe#write} unchanged and
 * in order (the session validates them); code -3 is the runtime's debug channel, whose bytes go
 * to {@link InstancePipe#debug} and never to the session. Bytes the pipe does not accept wait
 * here, and the owner stops reading fd 1 while this buffer is full, so a slow session holds the
 * instance back instead of growing the JVM.
 *
 * <p>A header that does not frame means the sandboxed runtime misbehaves: {@link
 * AbiStreamException}, and nothing after it is trusted.
 */
final class AbiOutput {
    /** Room for a whole debug packet (65536 + 16 bytes, padded) and then some. */
    static final int CAPACITY = 128 << 10;
    static final int DEBUG_CODE = -3;
    private static final int HEADER = 8;
    /** Header plus the data prefix {stream id, note} of a debug packet (gate.api StreamData). */
    private static final int DEBUG_PREFIX = 16;
    private static final int DATA_DOMAIN = 3;

    private final InstancePipe pipe;
    private final int maxSendSize;
    /** Where bytes wait (a {@link StreamBuffers} array while any do), or null. */
    private byte[] buffer;
    private int start;
    private int end;
    /** Bytes of the packet being forwarded (padding included) that are still to go. */
    private int forwarding;
    private boolean blocked;

    AbiOutput(InstancePipe pipe, int maxSendSize) {
        this.pipe = pipe;
        this.maxSendSize = maxSendSize;
    }

    /** Free bytes at the end after compacting: how much may be read from fd 1 now. */
    int room() {
        if (start > 0 && (start == end || CAPACITY - end < DEBUG_PREFIX + (1 << 16) + 8)) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        return CAPACITY - end;
    }

    byte[] buffer() {
        return buffer;
    }

    /** Gives this output an array of {@link #CAPACITY} bytes to work in. */
    void attach(byte[] array) {
        buffer = array;
    }

    /** Whether no byte waits here (the array may go back; {@link #attach} before the next use). */
    boolean isEmpty() {
        return start == end;
    }

    void detach() {
        if (start != end) {
            throw new IllegalStateException("bytes wait in the output");
        }
        buffer = null;
    }

    /** Where the next bytes read from fd 1 go. */
    int end() {
        return end;
    }

    /** {@code n} bytes were placed at {@link #end()}. */
    void added(int n) {
        end += n;
    }

    /** Whether bytes wait that the pipe refused (the owner waits for its WRITABLE signal). */
    boolean blocked() {
        return blocked;
    }

    /**
     * Passes on what the pipe accepts now.
     *
     * @return whether any byte moved
     */
    boolean forward() throws AbiStreamException {
        boolean moved = false;
        blocked = false;
        while (start < end) {
            if (forwarding > 0) {
                int n = pipe.write(buffer, start, Math.min(forwarding, end - start));
                if (n <= 0) {
                    blocked = true;
                    break;
                }
                start += n;
                forwarding -= n;
                moved = true;
                continue;
            }
            if (end - start < HEADER) {
                break;
            }
            int size = intAt(start);
            int code = (short) ((buffer[start + 4] & 0xff) | (buffer[start + 5] << 8));
            if (code >= -2) {
                if (size < HEADER || size > maxSendSize) {
                    throw new AbiStreamException("the instance wrote a packet of " + Integer.toUnsignedString(size)
                            + " bytes (code " + code + ")");
                }
                forwarding = padded(size);
            } else if (code == DEBUG_CODE) {
                if (size < DEBUG_PREFIX || size > (1 << 16) + 16 || (buffer[start + 6] & 0xff) != DATA_DOMAIN) {
                    throw new AbiStreamException("the instance wrote a debug packet that does not frame");
                }
                if (end - start < padded(size)) {
                    break; // whole debug packets only
                }
                pipe.debug(buffer, start + DEBUG_PREFIX, size - DEBUG_PREFIX);
                start += padded(size);
                moved = true;
            } else {
                throw new AbiStreamException("the instance wrote a packet with code " + code);
            }
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
        return moved;
    }

    private int intAt(int at) {
        return (buffer[at] & 0xff) | (buffer[at + 1] & 0xff) << 8 | (buffer[at + 2] & 0xff) << 16
                | (buffer[at + 3] & 0xff) << 24;
    }

    private static int padded(int size) {
        return (size + 7) & -8;
    }
}
