package gate.runtime;

import gate.engine.Engine;
import gate.engine.Program;
import gate.wasm.GateException;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Programs started lately, by engine and the SHA-256 of their module bytes, in least-recently-used
 * order: a module run again is neither decoded, validated nor compiled again (about 0.2 ms of every
 * start). Only the hash of the whole bytes identifies a module, so a hit is the same module byte for
 * byte; rejected modules are not kept. Bounded by count and by the module bytes held (a program
 * also holds its compiled form, for the native engine its text). Thread-safe.
 */
final class LoadedPrograms {
    /** A program's engine and the SHA-256 of its module bytes (compared by content). */
    private record Key(Engine engine, ByteBuffer sha256) {}

    /** A prototype to clone: cheaper than a provider lookup on every start. */
    private static final MessageDigest SHA256;

    static {
        try {
            SHA256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private final int maxPrograms;
    private final long maxModuleBytes;
    private final LinkedHashMap<Key, Program> programs = new LinkedHashMap<>(16, 0.75f, true);
    private long moduleBytes;

    LoadedPrograms(int maxPrograms, long maxModuleBytes) {
        this.maxPrograms = maxPrograms;
        this.maxModuleBytes = maxModuleBytes;
    }

    /**
     * The program of {@code wasm} on {@code engine}: a kept one, or the module decoded, validated
     * with {@link WasmLimits#DEFAULT} and compiled now (then kept).
     *
     * @throws GateException if the module is malformed, invalid or over a limit
     */
    Program load(Engine engine, byte[] wasm) {
        Key asked = new Key(engine, sha256(wasm));
        synchronized (this) {
            Program known = programs.get(asked);
            if (known != null) {
                return known; // made from bytes with this hash: the same bytes
            }
        }
        // The module keeps the array it was decoded from: a private copy, hashed again, so that
        // the key is the hash of exactly the bytes the kept program was made from, whatever the
        // caller does with its array meanwhile or later.
        byte[] own = wasm.clone();
        Program program = engine.compile(Wasm.load(own, WasmLimits.DEFAULT));
        return keep(new Key(engine, sha256(own)), program, own.length);
    }

    private synchronized Program keep(Key key, Program program, long size) {
        Program there = programs.get(key);
        if (there != null) {
            return there; // another thread loaded it meanwhile
        }
        if (size > maxModuleBytes) {
            return program;
        }
        programs.put(key, program);
        moduleBytes += size;
        Iterator<Map.Entry<Key, Program>> eldest = programs.entrySet().iterator();
        while ((programs.size() > maxPrograms || moduleBytes > maxModuleBytes) && eldest.hasNext()) {
            moduleBytes -= eldest.next().getValue().module().bytes().length;
            eldest.remove();
        }
        return program;
    }

    /** How many programs are kept (for tests). */
    synchronized int size() {
        return programs.size();
    }

    private static ByteBuffer sha256(byte[] bytes) {
        try {
            return ByteBuffer.wrap(((MessageDigest) SHA256.clone()).digest(bytes));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }
}
