package gate.abi;

import java.io.InputStream;

/** A long deterministic byte stream (a simple LCG), so big transfers need no big arrays. */
final class PatternStream extends InputStream {
    private final long length;
    private long position;
    private long state;

    PatternStream(long length, long seed) {
        this.length = length;
        this.state = seed;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position == length) {
            return -1;
        }
        int n = (int) Math.min(len, length - position);
        for (int i = 0; i < n; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            b[off + i] = (byte) (state >>> 56);
        }
        position += n;
        return n;
    }
}
