package gate.runtime;

import java.io.InputStream;
import java.io.OutputStream;

/** A deterministic byte pattern as a stream, and a stream that checks what it receives against it. */
final class Pattern {
    private final long seed;

    Pattern(long seed) {
        this.seed = seed;
    }

    byte at(long i) {
        long x = (i + seed) * 0x9E3779B97F4A7C15L;
        return (byte) (x >>> 56);
    }

    /** The first {@code length} bytes of the pattern. */
    InputStream source(long length) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < length ? at(position++) & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= length) {
                    return -1;
                }
                int n = (int) Math.min(len, length - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = at(position++);
                }
                return n;
            }
        };
    }

    /** Counts the bytes written and remembers the first that differs from the pattern. */
    final class Check extends OutputStream {
        long count;
        long firstMismatch = -1;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                if (firstMismatch < 0 && b[off + i] != at(count)) {
                    firstMismatch = count;
                }
                count++;
            }
        }
    }

    Check check() {
        return new Check();
    }
}
