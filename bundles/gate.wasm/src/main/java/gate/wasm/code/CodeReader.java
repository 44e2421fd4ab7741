package gate.wasm.code;

import gate.wasm.MalformedModuleException;
import gate.wasm.ResourceLimitException;
import gate.wasm.ValType;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over a module binary that reads the primitive encodings of core spec §5.1-5.4: bytes,
 * LEB128 integers with the exact length and range rules, floats, names, value and block types,
 * opcodes and their immediates. Every offset it reports is an absolute offset in the module.
 *
 * <p>The cursor never reads at or past its {@link #limit()} (a section's or a function body's end):
 * it throws {@link MalformedModuleException} "unexpected end" instead. Reads allocate nothing
 * except where the result is an object (names, {@link MemArg}, branch tables).
 *
 * <p>Confined to one thread.
 *
 * <p>Unsigned 32-bit values ({@link #u32()}, {@link #index()}) come back as the int with the same
 * bits: indexes {@code >= 2^31} are negative, and every index space is smaller, so callers check
 * {@code index < 0 || index >= size}.
 */
public final class CodeReader {
    private final byte[] bytes;
    private int position;
    private int limit;
    /** Whether the limit is a section's or function's end (it decides the "unexpected end" wording). */
    private boolean bounded;

    /** A reader over all of {@code bytes}, a whole module. */
    public CodeReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
        bounded = false;
    }

    /** A reader over {@code [start, end)} of {@code bytes}: a section, a function body or part of one. */
    public CodeReader(byte[] bytes, int start, int end) {
        if (start < 0 || start > end || end > bytes.length) {
            throw new IndexOutOfBoundsException("range " + start + ".." + end + " of " + bytes.length);
        }
        this.bytes = bytes;
        this.position = start;
        this.limit = end;
        this.bounded = true;
    }

    /** The whole module binary this reader moves over (not a copy). */
    public byte[] bytes() {
        return bytes;
    }

    /** Absolute offset of the next byte to read. */
    public int position() {
        return position;
    }

    /** Moves the cursor; {@code position} must lie in {@code [0, limit()]}. */
    public void position(int newPosition) {
        if (newPosition < 0 || newPosition > limit) {
            throw new IndexOutOfBoundsException("position " + newPosition + " beyond limit " + limit);
        }
        position = newPosition;
    }

    /** Absolute offset where readable bytes end (a section's or body's end). */
    public int limit() {
        return limit;
    }

    /**
     * Sets the end of readable bytes to the end of a section or function; it must lie in {@code
     * [position(), bytes().length]}.
     */
    public void limit(int newLimit) {
        if (newLimit < position || newLimit > bytes.length) {
            throw new IndexOutOfBoundsException("limit " + newLimit);
        }
        limit = newLimit;
        bounded = true;
    }

    /** Makes the rest of the module readable again, after a section. */
    public void clearLimit() {
        limit = bytes.length;
        bounded = false;
    }

    /** Bytes left before the limit. */
    public int remaining() {
        return limit - position;
    }

    /** True when no byte is left before the limit. */
    public boolean atEnd() {
        return position >= limit;
    }

    /** A malformed-module error at {@code offset}. */
    public static MalformedModuleException malformed(long offset, String reason) {
        return new MalformedModuleException(offset, reason);
    }

    private MalformedModuleException unexpectedEnd() {
        return malformed(position, endReason());
    }

    /** The spec's wording: inside a section or function, or between sections. */
    private String endReason() {
        return bounded ? "unexpected end of section or function" : "unexpected end";
    }

    /** Reads one byte (0 to 255). */
    public int u8() {
        if (position >= limit) {
            throw unexpectedEnd();
        }
        return bytes[position++] & 0xff;
    }

    /** The next byte without consuming it. */
    public int peek() {
        if (position >= limit) {
            throw unexpectedEnd();
        }
        return bytes[position] & 0xff;
    }

    /** Skips {@code count} bytes. */
    public void skip(int count) {
        if (count < 0 || count > limit - position) {
            throw unexpectedEnd();
        }
        position += count;
    }

    /** Reads the byte {@code 0x00} that stands for a reserved memory index (core spec §5.4.6). */
    public void zeroByte() {
        int at = position;
        if (u8() != 0) {
            throw malformed(at, "zero byte expected");
        }
    }

    /**
     * Reads an unsigned LEB128 32-bit integer (core spec §5.2.2): at most 5 bytes, and the unused
     * high bits of the 5th byte must be zero.
     */
    public int u32() {
        int b = u8();
        if (b < 0x80) {
            return b;
        }
        int result = b & 0x7f;
        for (int shift = 7; shift < 28; shift += 7) {
            b = u8();
            result |= (b & 0x7f) << shift;
            if (b < 0x80) {
                return result;
            }
        }
        b = u8();
        if ((b & 0x80) != 0) {
            throw malformed(position - 1, "integer representation too long");
        }
        if ((b & 0x70) != 0) {
            throw malformed(position - 1, "integer too large");
        }
        return result | (b << 28);
    }

    /** Reads a u32 and returns it as a non-negative long. */
    public long u32Long() {
        return Integer.toUnsignedLong(u32());
    }

    /** Reads an index (u32); see the class comment about values {@code >= 2^31}. */
    public int index() {
        return u32();
    }

    /** Reads a signed LEB128 32-bit integer (core spec §5.2.2). */
    public int s32() {
        int result = 0;
        int shift = 0;
        while (shift < 28) {
            int b = u8();
            result |= (b & 0x7f) << shift;
            shift += 7;
            if (b < 0x80) {
                return (b & 0x40) != 0 ? result | (-1 << shift) : result;
            }
        }
        int b = u8();
        if ((b & 0x80) != 0) {
            throw malformed(position - 1, "integer representation too long");
        }
        // 4 value bits remain; bits 4-6 must repeat the sign bit (bit 3)
        int unused = b & 0x70;
        if (unused != ((b & 0x08) != 0 ? 0x70 : 0)) {
            throw malformed(position - 1, "integer too large");
        }
        return result | (b << 28);
    }

    /** Reads a signed LEB128 33-bit integer, as used by block types (core spec §5.4.1). */
    public long s33() {
        long result = 0;
        int shift = 0;
        while (shift < 28) {
            int b = u8();
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
            if (b < 0x80) {
                return (b & 0x40) != 0 ? result | (-1L << shift) : result;
            }
        }
        int b = u8();
        if ((b & 0x80) != 0) {
            throw malformed(position - 1, "integer representation too long");
        }
        // 5 value bits remain; bits 5-6 must repeat the sign bit (bit 4)
        int unused = b & 0x60;
        boolean negative = (b & 0x10) != 0;
        if (unused != (negative ? 0x60 : 0)) {
            throw malformed(position - 1, "integer too large");
        }
        result |= (long) (b & 0x1f) << 28;
        return negative ? result | (-1L << 33) : result;
    }

    /** Reads a signed LEB128 64-bit integer (core spec §5.2.2). */
    public long s64() {
        long result = 0;
        int shift = 0;
        while (shift < 63) {
            int b = u8();
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
            if (b < 0x80) {
                return (b & 0x40) != 0 && shift < 64 ? result | (-1L << shift) : result;
            }
        }
        int b = u8();
        if ((b & 0x80) != 0) {
            throw malformed(position - 1, "integer representation too long");
        }
        // 1 value bit remains; bits 1-6 must repeat it
        if (b != 0 && b != 0x7f) {
            throw malformed(position - 1, "integer too large");
        }
        return result | ((long) b << 63);
    }

    /** Reads the raw bits of a little-endian IEEE-754 single. */
    public int f32Bits() {
        if (limit - position < 4) {
            position = limit;
            throw unexpectedEnd();
        }
        int p = position;
        position += 4;
        return (bytes[p] & 0xff) | (bytes[p + 1] & 0xff) << 8 | (bytes[p + 2] & 0xff) << 16 | (bytes[p + 3] & 0xff) << 24;
    }

    /** Reads the raw bits of a little-endian IEEE-754 double. */
    public long f64Bits() {
        long low = Integer.toUnsignedLong(f32Bits());
        long high = Integer.toUnsignedLong(f32Bits());
        return low | high << 32;
    }

    /**
     * Reads a vector length and checks it before anything is allocated for it: the remaining bytes
     * must hold at least {@code minBytesEach} per element (else malformed), and the count must not
     * exceed {@code maxCount} (else a resource limit).
     *
     * @param what plural noun for messages, e.g. "functions"
     */
    public int count(int minBytesEach, int maxCount, String what) {
        int at = position;
        long count = u32Long();
        if (count * minBytesEach > remaining()) {
            throw malformed(at, endReason() + " (" + count + " " + what + " declared, " + remaining() + " bytes left)");
        }
        if (count > maxCount) {
            throw new ResourceLimitException(at, "too many " + what + ": " + count + " (limit " + maxCount + ")");
        }
        return (int) count;
    }

    /**
     * Reads a name (core spec §5.2.4): a byte length then UTF-8. A length past the readable bytes
     * is "length out of bounds"; one above {@code maxLength} a resource limit.
     */
    public String name(int maxLength) {
        int at = position;
        long length = u32Long();
        if (length > remaining()) {
            throw malformed(at, "length out of bounds (name of " + length + " bytes, " + remaining() + " left)");
        }
        if (length > maxLength) {
            throw new ResourceLimitException(at, "name too long: " + length + " bytes (limit " + maxLength + ")");
        }
        int start = position;
        int end = start + (int) length;
        int bad = Utf8.firstError(bytes, start, end);
        if (bad >= 0) {
            throw malformed(bad, "malformed UTF-8 encoding");
        }
        position = end;
        return new String(bytes, start, (int) length, StandardCharsets.UTF_8);
    }

    /** Reads a value type (core spec §5.3.1); {@code v128} is rejected as unsupported. */
    public ValType valType() {
        int at = position;
        int code = u8();
        ValType type = ValType.ofCode(code);
        if (type == null) {
            throw malformed(at, "malformed value type 0x" + Integer.toHexString(code));
        }
        if (type == ValType.V128) {
            throw unsupportedSimd(at);
        }
        return type;
    }

    /** Reads a reference type (core spec §5.3.2). */
    public ValType refType() {
        int at = position;
        int code = u8();
        if (code == ValType.FUNCREF.code) {
            return ValType.FUNCREF;
        }
        if (code == ValType.EXTERNREF.code) {
            return ValType.EXTERNREF;
        }
        throw malformed(at, "malformed reference type 0x" + Integer.toHexString(code));
    }

    /**
     * Reads a block type (core spec §5.4.1) in the int form that {@link BlockType} explains. A type
     * index beyond {@code Integer.MAX_VALUE} comes back as {@code Integer.MAX_VALUE}: no module
     * has that many types, so validation reports it as unknown.
     */
    public int blockType() {
        int at = position;
        int first = peek();
        if (first == 0x40) {
            position++;
            return BlockType.EMPTY;
        }
        if ((first & 0xc0) == 0x40) {
            valType();
            return first - 0x80;
        }
        long index = s33();
        if (index < 0) {
            throw malformed(at, "malformed block type");
        }
        return (int) Math.min(index, Integer.MAX_VALUE);
    }

    /** Reads a memory access immediate (core spec §5.4.6). */
    public MemArg memArg() {
        long align = u32Long();
        long offset = u32Long();
        return new MemArg(align, offset);
    }

    /**
     * Reads the immediate of {@code br_table}: the label indexes, then the default label as the
     * last element.
     */
    public int[] brTable() {
        int count = count(1, Integer.MAX_VALUE - 1, "branch targets");
        int[] labels = new int[count + 1];
        for (int i = 0; i <= count; i++) {
            labels[i] = index();
        }
        return labels;
    }

    /** Reads the vector of value types of a typed {@code select}. */
    public ValType[] valueTypes() {
        int count = count(1, Integer.MAX_VALUE, "value types");
        ValType[] types = new ValType[count];
        for (int i = 0; i < count; i++) {
            types[i] = valType();
        }
        return types;
    }

    /**
     * Reads an opcode: one byte, or the {@code 0xFC} prefix and a u32 (core spec §5.4). Unknown
     * opcodes are "illegal opcode"; SIMD ({@code 0xFD}) is an unsupported feature.
     */
    public Opcode opcode() {
        int at = position;
        int b = u8();
        Opcode op = Opcode.ofByte(b);
        if (op != null) {
            return op;
        }
        if (b == Opcode.MISC_PREFIX) {
            long sub = u32Long();
            op = Opcode.ofMisc(sub);
            if (op == null) {
                throw malformed(at, "illegal opcode 0xfc " + sub);
            }
            return op;
        }
        if (b == Opcode.SIMD_PREFIX) {
            throw unsupportedSimd(at);
        }
        throw malformed(at, "illegal opcode 0x" + Integer.toHexString(b));
    }

    /** Reads and discards the immediates of {@code op}, checking their encoding. */
    public void skipImmediates(Opcode op) {
        switch (op.immediate) {
            case NONE -> {}
            case BLOCK_TYPE -> blockType();
            case LABEL, FUNCTION, LOCAL, GLOBAL, TABLE, ELEM, DATA -> u32();
            case CALL_INDIRECT, TABLE_INIT, TABLE_COPY -> {
                u32();
                u32();
            }
            case BR_TABLE -> {
                int count = count(1, Integer.MAX_VALUE, "branch targets");
                for (int i = 0; i <= count; i++) {
                    u32();
                }
            }
            case MEMARG -> {
                u32();
                u32();
            }
            case MEMORY -> zeroByte();
            case I32 -> s32();
            case I64 -> s64();
            case F32 -> skip(4);
            case F64 -> skip(8);
            case VALUE_TYPES -> {
                int count = count(1, Integer.MAX_VALUE, "value types");
                for (int i = 0; i < count; i++) {
                    valType();
                }
            }
            case REF_TYPE -> refType();
            case MEMORY_INIT -> {
                u32();
                zeroByte();
            }
            case MEMORY_COPY -> {
                zeroByte();
                zeroByte();
            }
        }
    }

    /** The error for any SIMD encoding: Gate implements WebAssembly 2.0 without SIMD. */
    public static MalformedModuleException unsupportedSimd(long offset) {
        return malformed(offset, "unsupported feature: simd");
    }
}
