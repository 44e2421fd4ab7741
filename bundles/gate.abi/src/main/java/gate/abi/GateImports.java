package gate.abi;

import java.util.regex.Pattern;

/**
 * Module {@code gate} (architecture reference §3.7): {@code io_N} moves packet bytes, {@code fd_N}
 * names the packet fd. N is the program's largest receivable packet in decimal: at least 65536,
 * no leading zero; it is validated and otherwise ignored (the session never sends more than
 * 65536 bytes per packet).
 */
final class GateImports {
    /** Module name. */
    static final String MODULE = "gate";
    /** The packet fd that {@code fd_N} returns (and that WASI fd_read/fd_write accept). */
    static final int PACKET_FD = 4;
    /** {@code io_N} flag: block until something can be received or sent. */
    static final int IO_WAIT = 1;

    private static final Pattern SIZED_NAME = Pattern.compile("(io|fd)_([1-9][0-9]{4,9})");

    private final AbiState s;
    private final ImportTable table = new ImportTable();

    GateImports(AbiState s) {
        this.s = s;
        table.add("io", "iiiiiii", "", (caller, a) -> io(new GuestMemory(caller, s.pipe), a));
        table.add("fd", "", "i", (caller, a) -> ImportTable.i32(PACKET_FD));
    }

    /** The function for {@code name} ({@code io_N} or {@code fd_N} with a valid N), or null. */
    gate.engine.HostFunction resolve(String name) {
        var m = SIZED_NAME.matcher(name);
        if (!m.matches() || Long.parseLong(m.group(2)) < 65536) {
            return null;
        }
        return table.get(m.group(1));
    }

    /**
     * {@code io(recv_iov, recv_n, nrecv_ptr, send_iov, send_n, nsent_ptr, flags)}: checks every
     * pointer first, waits if asked to, writes the send buffers until a short write, then reads
     * into the receive buffers until a short read, and stores both counts.
     */
    private long[] io(GuestMemory m, long[] a) {
        IoVecs recv = m.iovecs((int) a[0], (int) a[1], "io receive iovec");
        int nrecvPtr = (int) a[2];
        IoVecs send = m.iovecs((int) a[3], (int) a[4], "io send iovec");
        int nsentPtr = (int) a[5];
        m.check(nrecvPtr, 4, "io received-count pointer");
        m.check(nsentPtr, 4, "io sent-count pointer");
        if (((int) a[6] & IO_WAIT) != 0) {
            boolean sending = send.total() > 0;
            s.blocking.waitUntil(
                    () -> !s.input.program().isEmpty() || (sending && s.output.hasRoom()), Blocking.FOREVER);
        }
        long sent = s.output.takeProgramBytes(send);
        s.blocking.exchange();
        long received = s.input.program().drainTo(recv, recv.remaining());
        m.putU32(nrecvPtr, (int) received, "io received-count pointer");
        m.putU32(nsentPtr, (int) sent, "io sent-count pointer");
        return ImportTable.NONE;
    }
}
