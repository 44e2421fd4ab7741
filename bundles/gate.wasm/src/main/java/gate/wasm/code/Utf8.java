package gate.wasm.code;

/**
 * Strict UTF-8 check for names (core spec §5.2.4): no overlong forms, no surrogates, nothing above
 * U+10FFFF, no truncated sequences. Java's decoder would silently replace such bytes.
 */
public final class Utf8 {
    private Utf8() {}

    /** Offset of the first byte of the first bad sequence in {@code [offset, end)}, or -1. */
    public static int firstError(byte[] bytes, int offset, int end) {
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int min;
            int max = 0xbf;
            if (b >= 0xc2 && b <= 0xdf) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                length = 3;
                // E0 needs A0.. (else overlong); ED allows only ..9F (else a surrogate)
                min = b == 0xe0 ? 0xa0 : 0x80;
                max = b == 0xed ? 0x9f : 0xbf;
            } else if (b >= 0xf0 && b <= 0xf4) {
                length = 4;
                // F0 needs 90.. (else overlong); F4 allows only ..8F (else above U+10FFFF)
                min = b == 0xf0 ? 0x90 : 0x80;
                max = b == 0xf4 ? 0x8f : 0xbf;
            } else {
                return i;
            }
            if (end - i < length) {
                return i;
            }
            int second = bytes[i + 1] & 0xff;
            if (second < min || second > max) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                int next = bytes[i + k] & 0xff;
                if (next < 0x80 || next > 0xbf) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }
}
