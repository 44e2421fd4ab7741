package gate.abi;

import gate.api.Domain;
import gate.api.FlowEntry;
import gate.api.Packet;
import gate.api.StreamData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An in-memory broker session for tests: the other end of the pipe, following README.md. It plays
 * the stdio channel (grants stdout credit, collects stdout, feeds stdin within the capacity the
 * program grants), answers discovery, and acts as minimal origin, catalog and echoing test
 * services. It reacts synchronously inside {@link #write}, so runs are deterministic.
 */
final class FakeSession implements InstancePipe {
    static final int STDOUT_WINDOW = 32768;
    /** The stream id origin gives the first accepted connection (not 0, to tell it from stdio). */
    static final int ORIGIN_STREAM = 1;

    private final Object lock = new Object();
    private byte[] toProgram = new byte[4096];
    private int toProgramHead;
    private int toProgramTail;
    private boolean woken;
    private boolean ended;

    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final List<String> discovered = new ArrayList<>();
    private final Map<String, Boolean> availability;
    private boolean answerDiscovery = true;

    private InputStream stdin = InputStream.nullInputStream();
    private long stdinCapacity;
    private boolean stdinEndSent;
    private boolean stdinExhausted;
    private boolean stdinEnds = true;

    private OutputStream stdout = new ByteArrayOutputStream();
    /** Stdout credit granted and not yet used: the ABI must never send more. */
    private long stdoutCredit;
    private final List<String> protocolErrors = new ArrayList<>();
    private long stdoutBytes;
    private int largestStdoutPacket;
    private final ByteArrayOutputStream stdoutText = new ByteArrayOutputStream();
    private final ByteArrayOutputStream origin = new ByteArrayOutputStream();
    private boolean originClosed;
    private final ByteArrayOutputStream debug = new ByteArrayOutputStream();
    private final List<Packet> servicePackets = new ArrayList<>();
    private Consumer<FakeSession> onStdout = s -> {};
    private volatile int awaitsWithoutInput;
    /** An engine that moves the pipe's bytes itself (native ABI mode) and never awaits. */
    private volatile java.util.function.IntConsumer listener;
    private boolean programWrote;
    private long writeBudget = -1;

    FakeSession(Map<String, Boolean> availability, int stdoutWindow) {
        this.availability = new java.util.HashMap<>(availability);
        this.stdoutCredit = stdoutWindow;
        toProgram(FlowEntry.encode(-2, List.of(new FlowEntry(0, stdoutWindow))));
    }

    FakeSession(Map<String, Boolean> availability) {
        this(availability, STDOUT_WINDOW);
    }

    /** A session that grants stdout only {@code stdoutWindow} bytes at a time. */
    static FakeSession withStdoutWindow(int stdoutWindow) {
        return new FakeSession(Map.of("origin", true, "catalog", true, "test", true), stdoutWindow);
    }

    FakeSession() {
        this(Map.of("origin", true, "catalog", true, "test", true));
    }

    // ---- test set-up and results ----

    FakeSession stdin(byte[] bytes) {
        return stdin(new java.io.ByteArrayInputStream(bytes));
    }

    FakeSession stdin(InputStream in) {
        stdin = in;
        return this;
    }

    /** Stdin never ends (and has no bytes unless given): reads block. */
    FakeSession stdinOpen() {
        stdinEnds = false;
        return this;
    }

    /** Replaces stdin (between runs, not while the program runs) and sends what fits. */
    void supplyStdin(byte[] bytes, boolean ends) {
        stdin = new java.io.ByteArrayInputStream(bytes);
        stdinExhausted = false;
        stdinEnds = ends;
        feedStdin();
    }

    /** Stdout bytes go here instead of being kept. */
    FakeSession stdout(OutputStream out) {
        stdout = out;
        return this;
    }

    FakeSession silentDiscovery() {
        answerDiscovery = false;
        return this;
    }

    /** Called after each stdout packet (on the program's thread). */
    FakeSession onStdout(Consumer<FakeSession> action) {
        onStdout = action;
        return this;
    }

    String stdoutText() {
        return stdoutText.toString(StandardCharsets.UTF_8);
    }

    int largestStdoutPacket() {
        return largestStdoutPacket;
    }

    long stdoutBytes() {
        return stdoutBytes;
    }

    String originText() {
        return origin.toString(StandardCharsets.UTF_8);
    }

    boolean originClosed() {
        return originClosed;
    }

    String debugText() {
        synchronized (debug) {
            return debug.toString(StandardCharsets.UTF_8);
        }
    }

    List<Packet> servicePackets() {
        return servicePackets;
    }

    /** Breaches of the stdio protocol by the ABI (README §2) seen so far. */
    List<String> protocolErrors() {
        return protocolErrors;
    }

    /** How often the program waited with nothing to read. */
    int awaitsWithoutInput() {
        return awaitsWithoutInput;
    }

    /** Sends an info-domain availability change for every discovered service. */
    void setAvailable(String name, boolean available) {
        availability.put(name, available);
        toProgram(Packet.info(Packet.DISCOVERY_CODE, states()));
    }

    /** Ends the session's stream: later reads return -1. */
    void end() {
        synchronized (lock) {
            ended = true;
            lock.notifyAll();
        }
        signal();
    }

    /** Adds bytes for the program directly (a test that plays a broken session). */
    void rawToProgram(byte[] bytes) {
        synchronized (lock) {
            if (toProgramTail + bytes.length > toProgram.length) {
                byte[] bigger = new byte[Math.max(toProgram.length * 2, toProgramTail - toProgramHead + bytes.length)];
                System.arraycopy(toProgram, toProgramHead, bigger, 0, toProgramTail - toProgramHead);
                toProgramTail -= toProgramHead;
                toProgramHead = 0;
                toProgram = bigger;
            }
            System.arraycopy(bytes, 0, toProgram, toProgramTail, bytes.length);
            toProgramTail += bytes.length;
            lock.notifyAll();
        }
        signal();
    }

    private void signal() {
        java.util.function.IntConsumer l = listener;
        if (l != null) {
            l.accept(READABLE | WRITABLE);
        }
    }

    @Override
    public boolean listen(java.util.function.IntConsumer l) {
        listener = l;
        return true;
    }

    /** Bytes for the program that it has not read from the pipe. */
    int pendingToProgram() {
        synchronized (lock) {
            return toProgramTail - toProgramHead;
        }
    }

    void toProgram(Packet packet) {
        rawToProgram(packet.encode());
    }

    // ---- InstancePipe ----

    /** Makes {@link #write} accept at most this many more bytes (negative: no limit). */
    void writeBudget(long bytes) {
        writeBudget = bytes;
    }

    @Override
    public int write(byte[] src, int offset, int length) {
        if (writeBudget >= 0) {
            length = (int) Math.min(length, writeBudget);
            writeBudget -= length;
        }
        partial.write(src, offset, length);
        programWrote |= length > 0;
        byte[] bytes = partial.toByteArray();
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.remaining() >= Packet.HEADER_SIZE) {
            int size = buffer.getInt(buffer.position());
            int padded = Packet.paddedSize(size);
            if (buffer.remaining() < padded) {
                break;
            }
            int start = buffer.position();
            Packet packet = Packet.decode(buffer);
            buffer.position(start + padded);
            handle(packet);
        }
        partial.reset();
        partial.write(bytes, buffer.position(), buffer.remaining());
        return length;
    }

    @Override
    public int read(byte[] dst, int offset, int length) {
        synchronized (lock) {
            int n = Math.min(length, toProgramTail - toProgramHead);
            if (n == 0) {
                if (listener != null && programWrote && !ended) {
                    // native ABI mode: the engine found nothing to pass on after the program spoke
                    // (the nearest to "blocked" this side can see; see awaitProgramBlocked)
                    awaitsWithoutInput++;
                    lock.notifyAll();
                }
                return ended ? -1 : 0;
            }
            System.arraycopy(toProgram, toProgramHead, dst, offset, n);
            toProgramHead += n;
            return n;
        }
    }

    @Override
    public int await(int events, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (lock) {
            while (true) {
                if (woken) {
                    woken = false;
                    return 0;
                }
                int ready = 0;
                if ((events & READABLE) != 0 && (toProgramTail > toProgramHead || ended)) {
                    ready |= READABLE;
                }
                ready |= events & WRITABLE;
                if (ready != 0) {
                    return ready;
                }
                awaitsWithoutInput++;
                lock.notifyAll();
                if (timeoutNanos < 0) {
                    lock.wait();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return 0;
                    }
                    lock.wait(left / 1_000_000, (int) (left % 1_000_000));
                }
            }
        }
    }

    /** Blocks until the program waits in {@link #await} with nothing to read. */
    void awaitProgramBlocked() throws InterruptedException {
        synchronized (lock) {
            while (awaitsWithoutInput == 0) {
                lock.wait();
            }
        }
    }

    @Override
    public void wakeUp() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
        signal();
    }

    @Override
    public void debug(byte[] src, int offset, int length) {
        synchronized (debug) {
            debug.write(src, offset, length);
        }
    }

    // ---- the peer ----

    private void handle(Packet packet) {
        if (packet.code() == -2) {
            stdio(packet);
        } else if (packet.code() == Packet.DISCOVERY_CODE) {
            discover(packet);
        } else {
            servicePackets.add(packet);
            service(discovered.get(packet.code()), packet);
        }
    }

    private void stdio(Packet packet) {
        if (packet.domain() == Domain.FLOW) {
            for (FlowEntry e : FlowEntry.decode(packet)) {
                stdinCapacity += e.increment();
            }
            feedStdin();
        } else if (packet.domain() == Domain.DATA) {
            StreamData data = StreamData.decode(packet);
            byte[] bytes = data.data();
            if (data.streamId() != 0 || data.note() != 0 || bytes.length == 0) {
                protocolErrors.add("stdout data " + data);
            }
            if (bytes.length > stdoutCredit) {
                protocolErrors.add(bytes.length + " stdout bytes with a credit of " + stdoutCredit);
            }
            stdoutCredit -= bytes.length;

            try {
                stdout.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (stdout instanceof ByteArrayOutputStream) {
                stdoutText.writeBytes(bytes);
            }
            stdoutBytes += bytes.length;
            largestStdoutPacket = Math.max(largestStdoutPacket, bytes.length);
            // consumed at once: grant the same again
            toProgram(FlowEntry.encode(-2, List.of(new FlowEntry(0, bytes.length))));
            stdoutCredit += bytes.length;
            onStdout.accept(this);
        }
    }

    /** Sends stdin within the capacity, then its end once everything is out. */
    void feedStdin() {
        try {
            while (stdinCapacity > 0 && !stdinExhausted) {
                int want = (int) Math.min(stdinCapacity, StreamData.MAX_DATA_SIZE);
                byte[] chunk = stdin.readNBytes(want);
                stdinExhausted = chunk.length < want;
                if (chunk.length > 0) {
                    stdinCapacity -= chunk.length;
                    toProgram(new StreamData(0, 0, chunk).encode(-2));
                }
            }
            if (stdinExhausted && stdinEnds && !stdinEndSent) {
                stdinEndSent = true;
                toProgram(new StreamData(0, 0, new byte[0]).encode(-2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void discover(Packet packet) {
        ByteBuffer in = packet.contentBuffer();
        int count = in.getShort() & 0xffff;
        for (int i = 0; i < count; i++) {
            byte[] name = new byte[in.get() & 0xff];
            in.get(name);
            String n = new String(name, StandardCharsets.UTF_8);
            if (!discovered.contains(n)) {
                discovered.add(n);
            }
        }
        if (answerDiscovery) {
            toProgram(Packet.call(Packet.DISCOVERY_CODE, states()));
        }
    }

    private byte[] states() {
        ByteBuffer reply = ByteBuffer.allocate(2 + discovered.size()).order(ByteOrder.LITTLE_ENDIAN);
        reply.putShort((short) discovered.size());
        for (String name : discovered) {
            reply.put((byte) (availability.getOrDefault(name, false) ? 1 : 0));
        }
        return reply.array();
    }

    private void service(String name, Packet packet) {
        int code = packet.code();
        switch (name) {
            case "origin" -> {
                if (packet.domain() == Domain.CALL) {
                    ByteBuffer accepted = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(ORIGIN_STREAM).putInt(0);
                    toProgram(Packet.call(code, accepted.array()));
                    toProgram(FlowEntry.encode(code, List.of(new FlowEntry(ORIGIN_STREAM, 32767))));
                } else if (packet.domain() == Domain.DATA) {
                    StreamData data = StreamData.decode(packet);
                    origin.writeBytes(data.data());
                    originClosed |= data.isEndOfStream();
                }
            }
            case "catalog" -> {
                if (packet.domain() == Domain.CALL) {
                    boolean json = packet.contentEquals("json".getBytes(StandardCharsets.UTF_8));
                    String text = "{\n\t\"services\": [\n\t\t{\"name\": \"catalog\", \"revision\": \"0\"}\n\t]\n}";
                    toProgram(Packet.call(code, json ? text.getBytes(StandardCharsets.UTF_8) : new byte[0]));
                }
            }
            default -> {
                if (packet.domain() == Domain.CALL) {
                    toProgram(Packet.call(code, packet.content()));
                }
            }
        }
    }
}
