package gate.interp;

/**
 * Reads instruction bytes of a validated module: LEB128 integers (core spec §5.2.2) and raw
 * little-endian floats. The validator already rejected malformed code, so there are no checks here.
 */
final class CodeReader {
    private final byte[] bytes;
    private int position;

    CodeReader(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    int position() {
        return position;
    }

    int peekByte() {
        return bytes[position] & 0xff;
    }

    int readByte() {
        return bytes[position++] & 0xff;
    }

    int readU32() {
        int result = 0;
        int shift = 0;
        int b;
        do {
            b = bytes[position++];
            result |= (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return result;
    }

    long readS64() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = bytes[position++];
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    int readS32() {
        return (int) readS64();
    }

    int readFixed32() {
        int v = (bytes[position] & 0xff)
                | (bytes[position + 1] & 0xff) << 8
                | (bytes[position + 2] & 0xff) << 16
                | (bytes[position + 3] & 0xff) << 24;
        position += 4;
        return v;
    }

    long readFixed64() {
        long lo = readFixed32() & 0xffff_ffffL;
        long hi = readFixed32() & 0xffff_ffffL;
        return lo | hi << 32;
    }
}
