package gate.broker;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gate.abi.InstancePipe;
import gate.api.Packet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/** Plays the program's side of a session's pipe in tests. */
final class ProgramEnd {
    private static final long SAFETY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final InstancePipe pipe;

    ProgramEnd(InstancePipe pipe) {
        this.pipe = pipe;
    }

    void send(Packet packet) throws InterruptedException {
        byte[] bytes = packet.encode();
        int offset = 0;
        while (offset < bytes.length) {
            int n = pipe.write(bytes, offset, bytes.length - offset);
            offset += n;
            if (n == 0) {
                pipe.await(InstancePipe.WRITABLE, SAFETY_NANOS);
            }
        }
    }

    Packet receive() throws InterruptedException {
        byte[] header = readFully(Packet.HEADER_SIZE);
        int size = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        byte[] rest = readFully(Packet.paddedSize(size) - Packet.HEADER_SIZE);
        byte[] all = new byte[header.length + rest.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(rest, 0, all, header.length, rest.length);
        return Packet.decode(all);
    }

    /** Whether a packet is readable within a short wait (for checks that something did NOT come). */
    boolean readableWithin(long millis) throws InterruptedException {
        return (pipe.await(InstancePipe.READABLE, TimeUnit.MILLISECONDS.toNanos(millis)) & InstancePipe.READABLE) != 0;
    }

    /** Reads until end of stream; true if it came. */
    boolean atEnd() throws InterruptedException {
        byte[] one = new byte[1];
        while (true) {
            int n = pipe.read(one, 0, 1);
            if (n < 0) {
                return true;
            }
            if (n > 0) {
                return false;
            }
            pipe.await(InstancePipe.READABLE, SAFETY_NANOS);
        }
    }

    private byte[] readFully(int length) throws InterruptedException {
        byte[] bytes = new byte[length];
        int offset = 0;
        while (offset < length) {
            int n = pipe.read(bytes, offset, length - offset);
            if (n < 0) {
                fail("end of stream after " + offset + " of " + length + " bytes");
            }
            offset += n;
            if (n == 0) {
                assertTrue((pipe.await(InstancePipe.READABLE, SAFETY_NANOS) & InstancePipe.READABLE) != 0,
                        "nothing to read for 30 s");
            }
        }
        return bytes;
    }
}
