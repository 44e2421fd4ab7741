package gate.abi;

import gate.engine.MemoryExtern;
import gate.engine.TrapException;
import gate.engine.TrapId;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** An instance of a {@link ProbeModule} with helpers to lay out arguments in its memory. */
final class Probe {
    final ProgramRun run;
    final MemoryExtern memory;

    Probe(ProbeModule module, FakeSession session) {
        this.run = new ProgramRun(module.build(), session, ProgramRun.config("probe"));
        this.memory = (MemoryExtern) run.instance.export("memory");
    }

    Probe(ProbeModule module) {
        this(module, new FakeSession());
    }

    FakeSession session() {
        return run.session;
    }

    /** Calls the import (through its wrapper) and returns the results. */
    long[] call(String name, long... args) {
        return run.instance.invoke(name, args);
    }

    /** Calls and returns the trap it must end with. */
    TrapId trap(String name, long... args) {
        try {
            run.instance.invoke(name, args);
        } catch (TrapException e) {
            return e.trap();
        }
        return null;
    }

    void put(int address, byte[] bytes) {
        memory.write(address, bytes, 0, bytes.length);
    }

    byte[] get(int address, int length) {
        byte[] bytes = new byte[length];
        memory.read(address, bytes, 0, length);
        return bytes;
    }

    int u32(int address) {
        return ByteBuffer.wrap(get(address, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /** Writes iovecs {ptr, len} pairs at {@code address}. */
    void iovecs(int address, int... ptrLen) {
        ByteBuffer b = ByteBuffer.allocate(ptrLen.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : ptrLen) {
            b.putInt(v);
        }
        put(address, b.array());
    }

    /** A raw packet header followed by content and zero padding. */
    static byte[] packet(long size, int code, int domain, int index, byte[] content) {
        ByteBuffer b = ByteBuffer.allocate((8 + content.length + 7) & -8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) size).putShort((short) code).put((byte) domain).put((byte) index).put(content);
        return b.array();
    }

    static byte[] packet(int code, int domain, byte[] content) {
        return packet(8 + content.length, code, domain, 0, content);
    }

    /** Sends bytes through io_65536 (at 1024, iovec at 16, counts at 0 and 4). */
    TrapId sendThroughIo(byte[] bytes) {
        put(1024, bytes);
        iovecs(16, 1024, bytes.length);
        return trap("io_65536", 0, 0, 0, 16, 1, 4, 0);
    }
}
