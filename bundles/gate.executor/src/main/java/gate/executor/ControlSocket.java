package gate.executor;

import static gate.executor.LibC.C;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The JVM's end of the SOCK_SEQPACKET control socket (runtime.native DESIGN.md §3): one message
 * per request or reply, START requests carrying four fds with SCM_RIGHTS.
 */
final class ControlSocket {
    static final int OP_START = 1;
    static final int OP_KILL = 2;
    static final int OP_SUSPEND = 3;
    static final int OP_POOL = 4;
    static final int OP_HANDOUT = 5;
    static final int OP_CLAIM = 6;
    private static final int REQUEST_SIZE = 16;

    private final Fd fd;

    ControlSocket(Fd fd) {
        this.fd = fd;
    }

    /** A connected pair: [0] for the JVM, [1] for the container's fd 3. */
    static Fd[] pair() throws NativeError {
        int[] sv = new int[2];
        NativeError.check("socketpair",
                C.socketpair(LibC.AF_UNIX, LibC.SOCK_SEQPACKET | LibC.SOCK_CLOEXEC, 0, sv));
        return new Fd[] {new Fd(sv[0]), new Fd(sv[1])};
    }

    void request(int op, int id, int arg) throws IOException {
        send(fd, header(op, id, arg, 0).array(), new int[0]);
    }

    void start(int id, StartRecord record, int input, int output, int text, int state)
            throws IOException {
        ByteBuffer b = header(OP_START, id, 0, StartRecord.SIZE);
        record.encode(b);
        send(fd, b.array(), new int[] {input, output, text, state});
    }

    /**
     * Hand-out mode: sends the bare start record and the four fds on a handed-out idle
     * process's start socket, what the container would have forwarded (DESIGN.md §3).
     */
    static void startDirect(Fd process, StartRecord record, int input, int output, int text, int state)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(StartRecord.SIZE);
        record.encode(b);
        send(process, b.array(), new int[] {input, output, text, state});
    }

    private static ByteBuffer header(int op, int id, int arg, int extra) {
        ByteBuffer b = ByteBuffer.allocate(REQUEST_SIZE + extra).order(ByteOrder.LITTLE_ENDIAN);
        return b.putShort((short) op).putShort((short) 0).putInt(id).putInt(arg).putInt(0);
    }

    /**
     * sendmsg with the fds as one SCM_RIGHTS control message (struct layouts of x86-64). One
     * native block holds the msghdr (56 bytes), the iovec (16), the control message and the
     * payload: a START is on every instance's start path.
     */
    private static void send(Fd fd, byte[] payload, int[] fds) throws IOException {
        int controlLen = fds.length == 0 ? 0 : 16 + ((4 * fds.length + 7) & ~7);
        int iovAt = 56;
        int controlAt = iovAt + 16;
        int dataAt = controlAt + controlLen;
        Memory block = new Memory(dataAt + payload.length);
        block.clear(dataAt);
        block.write(dataAt, payload, 0, payload.length);
        block.setPointer(iovAt, block.share(dataAt));
        block.setLong(iovAt + 8, payload.length);
        if (controlLen > 0) {
            block.setLong(controlAt, 16 + 4L * fds.length);
            block.setInt(controlAt + 8, LibC.SOL_SOCKET);
            block.setInt(controlAt + 12, LibC.SCM_RIGHTS);
            block.write(controlAt + 16, fds, 0, fds.length);
        }
        block.setPointer(16, block.share(iovAt));
        block.setLong(24, 1);
        block.setPointer(32, controlLen > 0 ? block.share(controlAt) : null);
        block.setLong(40, controlLen);
        for (;;) {
            long n = FdCalls.sendmsg(fd.raw(), block, LibC.MSG_NOSIGNAL);
            if (n == payload.length) {
                return;
            }
            int errno = Native.getLastError();
            if (n < 0 && errno == LibC.EINTR) {
                continue;
            }
            throw n < 0 ? new NativeError("sendmsg", errno)
                    : new IOException("short sendmsg on the control socket");
        }
    }

    /** A reply and the descriptor it carried (IDLE), or null. */
    record Message(Reply reply, Fd fd) {}

    /**
     * The next reply and the descriptor it carries if any, or null at end of stream (the
     * container is gone). recvmsg with room for one SCM_RIGHTS descriptor (x86-64 layouts:
     * msghdr 56 bytes, iovec 16, a control message of 24).
     */
    Message receive() throws IOException {
        int iovAt = 56;
        int controlAt = iovAt + 16;
        int dataAt = controlAt + 24;
        Memory block = new Memory(dataAt + 64);
        for (;;) {
            block.clear();
            block.setPointer(iovAt, block.share(dataAt));
            block.setLong(iovAt + 8, 64);
            block.setPointer(16, block.share(iovAt));
            block.setLong(24, 1);
            block.setPointer(32, block.share(controlAt));
            block.setLong(40, 24);
            long n = FdCalls.recvmsg(fd.raw(), block, LibC.MSG_CMSG_CLOEXEC);
            if (n == 0) {
                return null;
            }
            if (n < 0) {
                int errno = Native.getLastError();
                if (errno == LibC.EINTR) {
                    continue;
                }
                throw new NativeError("recvmsg", errno);
            }
            Fd carried = null;
            long controlLen = block.getLong(40);
            if (controlLen >= 20 && block.getInt(controlAt + 8) == LibC.SOL_SOCKET
                    && block.getInt(controlAt + 12) == LibC.SCM_RIGHTS) {
                long fds = Math.min((block.getLong(controlAt) - 16) / 4, 2); // what 24 bytes hold
                for (int k = 0; k < fds; k++) { // one is all a reply carries; close any other
                    Fd got = new Fd(block.getInt(controlAt + 16 + 4L * k));
                    if (carried == null) {
                        carried = got;
                    } else {
                        got.close();
                    }
                }
            }
            int flags = block.getInt(48);
            if (n != Reply.SIZE || (flags & (LibC.MSG_TRUNC | LibC.MSG_CTRUNC)) != 0) {
                if (carried != null) {
                    carried.close();
                }
                throw new IOException("control reply of " + n + " bytes (flags " + flags + ") instead of " + Reply.SIZE);
            }
            return new Message(Reply.decode(block.getByteArray(dataAt, Reply.SIZE)), carried);
        }
    }

    /** Waits up to {@code timeoutMillis} for a reply (or the end of the session); whether one came. */
    boolean awaitReply(int timeoutMillis) throws IOException {
        return fd.awaitReadable(timeoutMillis);
    }

    /** Ends the session: the container kills what is left and exits. */
    void shutdown() {
        C.shutdown(fd.raw(), LibC.SHUT_WR);
    }

    void close() {
        fd.close();
    }
}
