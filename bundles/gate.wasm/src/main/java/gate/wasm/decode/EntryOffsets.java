package gate.wasm.decode;

import gate.wasm.ModuleException;
import gate.wasm.WasmLimits;
import gate.wasm.code.CodeReader;

/**
 * Finds where a section or one of its entries starts in a module that decoded, so errors found
 * later (by the validator) can point at the exact import, export, global or segment. The model
 * keeps no offsets, and this runs only on the error path, so it re-reads the section.
 */
public final class EntryOffsets {
    /** No bounds beyond the module itself: the module decoded already under the caller's limits. */
    private static final WasmLimits UNBOUNDED = new WasmLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

    private EntryOffsets() {}

    /** Offset of the id byte of the first section {@code id} (1 to 12), or -1 if there is none. */
    public static int section(byte[] bytes, int id) {
        int p = 8;
        while (p < bytes.length) {
            int start = p;
            int sectionId = bytes[p++] & 0xff;
            long size = 0;
            for (int shift = 0; p < bytes.length && shift < 35; shift += 7) {
                int b = bytes[p++] & 0xff;
                size |= (long) (b & 0x7f) << shift;
                if (b < 0x80) {
                    break;
                }
            }
            if (sectionId == id) {
                return start;
            }
            if (size > bytes.length - p) {
                return -1;
            }
            p += (int) size;
        }
        return -1;
    }

    /**
     * Offset of entry {@code entry} of section {@code id} (import, function, table, memory, global,
     * export, element or data); the section's offset if the entry cannot be found; -1 without the
     * section.
     */
    public static long entry(byte[] bytes, int id, int entry) {
        int section = section(bytes, id);
        if (section < 0) {
            return -1;
        }
        try {
            CodeReader in = new CodeReader(bytes);
            in.position(section + 1);
            long size = in.u32Long();
            if (size > in.remaining()) {
                return section;
            }
            in.limit(in.position() + (int) size);
            if (entry < 0 || entry >= in.u32Long()) {
                return section;
            }
            ConstExprReader constExprs = new ConstExprReader(in);
            SegmentReader segments = new SegmentReader(in, constExprs, UNBOUNDED);
            for (int i = 0; i < entry; i++) {
                skip(in, id, constExprs, segments);
            }
            return in.position();
        } catch (ModuleException e) {
            // cannot happen for a module that decoded; the section is the next best answer
            return section;
        }
    }

    private static void skip(CodeReader in, int id, ConstExprReader constExprs, SegmentReader segments) {
        switch (id) {
            case 2 -> {
                in.name(Integer.MAX_VALUE);
                in.name(Integer.MAX_VALUE);
                switch (in.u8()) {
                    case 0 -> in.u32();
                    case 1 -> TypeReader.tableType(in);
                    case 2 -> TypeReader.memoryType(in);
                    default -> TypeReader.globalType(in);
                }
            }
            case 3 -> in.u32();
            case 4 -> TypeReader.tableType(in);
            case 5 -> TypeReader.memoryType(in);
            case 6 -> {
                TypeReader.globalType(in);
                constExprs.read();
            }
            case 7 -> {
                in.name(Integer.MAX_VALUE);
                in.u8();
                in.u32();
            }
            case 9 -> segments.element();
            case 11 -> segments.data();
            default -> throw new IllegalArgumentException("section " + id + " has no entries to locate");
        }
    }
}
