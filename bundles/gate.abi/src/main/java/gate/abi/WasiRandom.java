package gate.abi;

/**
 * {@code random_get(buf, len)}: bytes from {@link AbiConfig#random()}. At most {@link
 * AbiConfig#randomLimit()} bytes over the ABI's life; a request beyond that is an ABI deficiency
 * (the original Gate allows 16 bytes; a JVM's SecureRandom does not run dry, so the default is a
 * generous bound against programs that spin on it).
 */
final class WasiRandom {
    private static final int CHUNK = 65536;

    private final AbiState s;

    WasiRandom(AbiState s) {
        this.s = s;
    }

    void register(ImportTable t) {
        t.add("random_get", "ii", "i", (c, a) -> {
            GuestMemory m = s.memory(c);
            int ptr = (int) a[0];
            long length = Integer.toUnsignedLong((int) a[1]);
            m.check(ptr, length, "random_get buffer");
            if (s.randomHandedOut + length > s.config.randomLimit()) {
                throw Deficiency.of(s.pipe, "random_get of " + length + " bytes exceeds the limit of "
                        + s.config.randomLimit() + " bytes (" + s.randomHandedOut + " used)");
            }
            s.randomHandedOut += length;
            byte[] chunk = new byte[(int) Math.min(length, CHUNK)];
            for (long done = 0; done < length; done += chunk.length) {
                int n = (int) Math.min(chunk.length, length - done);
                byte[] bytes = n == chunk.length ? chunk : new byte[n];
                s.config.random().nextBytes(bytes);
                m.write((int) (Integer.toUnsignedLong(ptr) + done), bytes, "random_get buffer");
            }
            return ImportTable.i32(Errno.SUCCESS);
        });
    }
}
