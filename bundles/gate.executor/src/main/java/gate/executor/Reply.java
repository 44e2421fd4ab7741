package gate.executor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** {@code struct gate_reply}: one message from the container (protocol.h). */
record Reply(int id, int kind, int status, int code, int flags, long cpuNanos) {
    static final int SIZE = 24;
    static final int HELLO = 1;
    static final int DONE = 2;
    static final int ERROR = 3;
    /** Hand-out mode: an idle process, its start socket attached (DESIGN.md §3). */
    static final int IDLE = 4;

    static Reply decode(byte[] msg) {
        ByteBuffer b = ByteBuffer.wrap(msg).order(ByteOrder.LITTLE_ENDIAN);
        return new Reply(b.getInt(), b.getShort() & 0xffff, b.getShort() & 0xffff, b.getInt(),
                b.getInt(), b.getLong());
    }

    ExitStatus exitStatus() {
        return ExitStatus.decode(status, code, flags, cpuNanos);
    }
}
