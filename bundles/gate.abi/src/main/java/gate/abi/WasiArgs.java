package gate.abi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code args_*} and {@code environ_*}: NUL-terminated UTF-8 strings, laid out as wasi-libc
 * expects (an array of u32 pointers, and the strings one after the other in one buffer). The
 * environment is {@link AbiConfig#environment()}.
 */
final class WasiArgs {
    private final AbiState s;

    WasiArgs(AbiState s) {
        this.s = s;
    }

    void register(ImportTable t) {
        List<byte[]> args = encode(s.config.args());
        List<byte[]> env = encode(s.config.environment());
        t.add("args_sizes_get", "ii", "i", (c, a) -> sizes(s.memory(c), args, (int) a[0], (int) a[1]));
        t.add("args_get", "ii", "i", (c, a) -> strings(s.memory(c), args, (int) a[0], (int) a[1]));
        t.add("environ_sizes_get", "ii", "i", (c, a) -> sizes(s.memory(c), env, (int) a[0], (int) a[1]));
        t.add("environ_get", "ii", "i", (c, a) -> strings(s.memory(c), env, (int) a[0], (int) a[1]));
    }

    private static List<byte[]> encode(List<String> strings) {
        List<byte[]> encoded = new ArrayList<>(strings.size());
        for (String str : strings) {
            byte[] utf8 = str.getBytes(StandardCharsets.UTF_8);
            byte[] terminated = new byte[utf8.length + 1];
            System.arraycopy(utf8, 0, terminated, 0, utf8.length);
            encoded.add(terminated);
        }
        return encoded;
    }

    private static long[] sizes(GuestMemory m, List<byte[]> strings, int countPtr, int bufSizePtr) {
        m.check(countPtr, 4, "count pointer");
        m.check(bufSizePtr, 4, "buffer size pointer");
        m.putU32(countPtr, strings.size(), "count pointer");
        m.putU32(bufSizePtr, totalSize(strings), "buffer size pointer");
        return ImportTable.i32(Errno.SUCCESS);
    }

    private static long[] strings(GuestMemory m, List<byte[]> strings, int arrayPtr, int bufPtr) {
        m.check(arrayPtr, 4L * strings.size(), "string pointer array");
        m.check(bufPtr, totalSize(strings), "string buffer");
        long at = Integer.toUnsignedLong(bufPtr);
        for (int i = 0; i < strings.size(); i++) {
            m.putU32(arrayPtr + 4 * i, (int) at, "string pointer array");
            m.write((int) at, strings.get(i), "string buffer");
            at += strings.get(i).length;
        }
        return ImportTable.i32(Errno.SUCCESS);
    }

    private static int totalSize(List<byte[]> strings) {
        int size = 0;
        for (byte[] str : strings) {
            size += str.length;
        }
        return size;
    }
}
