package gate.wasm.validate;

import java.util.Arrays;

/**
 * Where each known section starts in a decoded module's bytes, so that module-level validation
 * errors can point at the section they concern (the model keeps no per-entry offsets).
 */
final class SectionOffsets {
    private final int[] offsets = new int[13];

    /** Walks the section headers; the decoder has already checked them, so this cannot fail. */
    SectionOffsets(byte[] bytes) {
        Arrays.fill(offsets, -1);
        int p = 8;
        while (p < bytes.length) {
            int start = p;
            int id = bytes[p++] & 0xff;
            long size = 0;
            for (int shift = 0; p < bytes.length && shift < 35; shift += 7) {
                int b = bytes[p++] & 0xff;
                size |= (long) (b & 0x7f) << shift;
                if (b < 0x80) {
                    break;
                }
            }
            if (id < offsets.length && offsets[id] < 0 && id != 0) {
                offsets[id] = start;
            }
            if (size > bytes.length - p) {
                return;
            }
            p += (int) size;
        }
    }

    /** Offset of the first byte of section {@code id}, or -1 if the module has none. */
    int of(int id) {
        return id > 0 && id < offsets.length ? offsets[id] : -1;
    }
}
