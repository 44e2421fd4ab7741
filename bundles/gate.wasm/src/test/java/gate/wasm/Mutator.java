package gate.wasm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded structural and byte-level mutations of module binaries, for robustness tests. */
final class Mutator {
    private final Random random;

    Mutator(long seed) {
        random = new Random(seed);
    }

    /** One to four random mutations of {@code module}; the input is not modified. */
    byte[] mutate(byte[] module) {
        byte[] bytes = module;
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            bytes = once(bytes);
        }
        return bytes;
    }

    private byte[] once(byte[] in) {
        if (in.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        byte[] b = in.clone();
        int at = random.nextInt(b.length);
        switch (random.nextInt(9)) {
            case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> b[at] = (byte) random.nextInt(256);
            case 2 -> b[at] = (byte) (0x80 | random.nextInt(128)); // lengthens a LEB128
            case 3 -> {
                return insert(b, at, randomBytes(1 + random.nextInt(8)));
            }
            case 4 -> {
                int length = 1 + random.nextInt(Math.min(16, b.length - at));
                return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at + length, b.length));
            }
            case 5 -> {
                return Arrays.copyOf(b, at);
            }
            case 6 -> {
                int length = 1 + random.nextInt(Math.min(32, b.length - at));
                return insert(b, random.nextInt(b.length), Arrays.copyOfRange(b, at, at + length));
            }
            case 7 -> {
                return swapSections(b);
            }
            default -> b[at] = (byte) new int[] {0x00, 0x0b, 0x40, 0x7f, 0xff, 0xfc, 0xfd, 0x02}[random.nextInt(8)];
        }
        return b;
    }

    private byte[] randomBytes(int n) {
        byte[] r = new byte[n];
        random.nextBytes(r);
        return r;
    }

    private static byte[] insert(byte[] b, int at, byte[] extra) {
        return concat(concat(Arrays.copyOf(b, at), extra), Arrays.copyOfRange(b, at, b.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Swaps two sections when the binary's section framing can be followed, else returns it. */
    private byte[] swapSections(byte[] b) {
        List<int[]> sections = new ArrayList<>();
        int p = 8;
        while (p < b.length) {
            int start = p++;
            long size = 0;
            int shift = 0;
            while (p < b.length && shift < 35) {
                int x = b[p++] & 0xff;
                size |= (long) (x & 0x7f) << shift;
                shift += 7;
                if (x < 0x80) {
                    break;
                }
            }
            if (p + size > b.length) {
                break;
            }
            p += (int) size;
            sections.add(new int[] {start, p});
        }
        if (sections.size() < 2) {
            return b;
        }
        int i = random.nextInt(sections.size());
        int j = random.nextInt(sections.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, 8);
        for (int k = 0; k < sections.size(); k++) {
            int[] s = sections.get(k == i ? j : k == j ? i : k);
            out.write(b, s[0], s[1] - s[0]);
        }
        int end = sections.get(sections.size() - 1)[1];
        out.write(b, end, b.length - end);
        return out.toByteArray();
    }
}
