package gate.service.origin;

import gate.api.FlowEntry;
import gate.api.PacketException;
import gate.api.PacketSink;
import gate.api.StreamData;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One flow-controlled stream between a program and its originator (architecture reference §6.4).
 *
 * <p>Program to originator: the stream grants the program {@code bufferSize} bytes of credit at
 * start; data the program sends is queued and written by the writer thread, which grants the
 * credit back as the bytes are written. Data beyond the credit breaks the protocol. An empty data
 * packet ends the originator's input.
 *
 * <p>Originator to program: the program grants receive capacity with flow packets; the reader
 * thread reads at most that much from the originator and sends it as data packets; the originator's
 * end of stream becomes an empty data packet. A zero or negative increment stops reading.
 *
 * <p>Thread contract: {@link #handleData} and {@link #handleFlow} come from the service instance's
 * one-at-a-time calls; the reader and writer are virtual threads; this object's monitor guards the
 * counters and the write queue.
 */
final class OriginStream {
    private static final System.Logger LOG = System.getLogger("gate.service.origin");
    /** Note of the empty data packet that reports a read error instead of a clean end. */
    static final int READ_ERROR_NOTE = 1;

    private final int streamId;
    private final int code;
    private final int maxDataSize;
    private final OriginConnection connection;
    private final PacketSink sink;
    private final int bufferSize;
    private final ArrayDeque<byte[]> writes = new ArrayDeque<>();
    private long writeCredit;
    private boolean writeEnded;
    private long readCapacity;
    private boolean readStopped;
    private Thread reader;
    private Thread writer;

    OriginStream(int streamId, int code, int maxSendSize, OriginConnection connection, PacketSink sink, int bufferSize) {
        this.streamId = streamId;
        this.code = code;
        this.maxDataSize = maxSendSize - 8 - StreamData.PREFIX_SIZE;
        this.connection = connection;
        this.sink = sink;
        this.bufferSize = bufferSize;
    }

    /** Grants the initial credit and starts the writer. */
    synchronized void start() {
        writeCredit = bufferSize;
        writer = Thread.ofVirtual().name("gate-origin-writer-" + streamId).start(this::writeLoop);
        grant(bufferSize);
    }

    /** Data from the program. */
    void handleData(StreamData data) {
        synchronized (this) {
            if (writeEnded) {
                throw new PacketException(-1, "data on stream " + streamId + " after its end");
            }
            if (data.isEndOfStream()) {
                writeEnded = true;
            } else {
                if (data.length() > writeCredit) {
                    throw new PacketException(-1, data.length() + " bytes on stream " + streamId
                            + " exceed the granted " + writeCredit);
                }
                writeCredit -= data.length();
                writes.add(data.data());
            }
            notifyAll();
        }
    }

    /** A flow entry from the program: capacity for originator-to-program data. */
    void handleFlow(int increment) {
        synchronized (this) {
            if (increment <= 0) {
                readStopped = true; // 0 closes; negative is an error code: also the end (§6.1)
                notifyAll();
                return;
            }
            if (readCapacity + increment > Integer.MAX_VALUE) {
                throw new PacketException(-1, "capacity of stream " + streamId + " exceeds 2^31-1");
            }
            readCapacity += increment;
            if (reader == null && !readStopped) {
                reader = Thread.ofVirtual().name("gate-origin-reader-" + streamId).start(this::readLoop);
            }
            notifyAll();
        }
    }

    /**
     * Ends the stream: the bytes already received are written, then the output ends. Waits for the
     * writer (bounded by the buffer size).
     */
    void close() throws InterruptedException {
        Thread w;
        synchronized (this) {
            writeEnded = true;
            readStopped = true;
            notifyAll();
            w = writer;
        }
        if (w != null) {
            w.join();
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                byte[] chunk;
                synchronized (this) {
                    while (writes.isEmpty() && !writeEnded) {
                        wait();
                    }
                    chunk = writes.poll();
                }
                if (chunk == null) {
                    connection.endOutput();
                    return;
                }
                connection.write(chunk, 0, chunk.length);
                synchronized (this) {
                    writeCredit += chunk.length;
                }
                grant(chunk.length);
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "origin output failed: " + e.getMessage());
            synchronized (this) {
                writeEnded = true;
                writes.clear();
            }
            sink.send(FlowEntry.encode(code, List.of(new FlowEntry(streamId, 0))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[maxDataSize];
        try {
            while (true) {
                int want;
                synchronized (this) {
                    while (readCapacity == 0 && !readStopped) {
                        wait();
                    }
                    if (readStopped) {
                        return;
                    }
                    want = (int) Math.min(readCapacity, buffer.length);
                }
                int n = connection.read(buffer, 0, want);
                if (n < 0) {
                    sink.send(new StreamData(streamId, 0, new byte[0]).encode(code));
                    return;
                }
                synchronized (this) {
                    if (readStopped) {
                        return;
                    }
                    readCapacity -= n;
                }
                if (n > 0 && !sink.send(new StreamData(streamId, 0, java.util.Arrays.copyOf(buffer, n)).encode(code))) {
                    return;
                }
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "origin input failed: " + e.getMessage());
            sink.send(new StreamData(streamId, READ_ERROR_NOTE, new byte[0]).encode(code));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void grant(int increment) {
        sink.send(FlowEntry.encode(code, List.of(new FlowEntry(streamId, increment))));
    }
}
