package gate.wasm;

import java.io.ByteArrayOutputStream;

/** Builds module binaries byte by byte for tests. */
final class TestModules {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private TestModules() {
        bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
    }

    /** A builder that starts with the header. */
    static TestModules module() {
        return new TestModules();
    }

    TestModules bytes(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    /** Appends a section with the given id and payload, with a correct size. */
    TestModules section(int id, byte[] payload) {
        out.write(id);
        byte[] size = u32(payload.length);
        out.write(size, 0, size.length);
        out.write(payload, 0, payload.length);
        return this;
    }

    TestModules section(int id, int... payload) {
        return section(id, of(payload));
    }

    byte[] build() {
        return out.toByteArray();
    }

    static byte[] of(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] u32(long value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        do {
            int low = (int) (value & 0x7f);
            value >>>= 7;
            b.write(value != 0 ? low | 0x80 : low);
        } while (value != 0);
        return b.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.write(p, 0, p.length);
        }
        return b.toByteArray();
    }

    /** A module with one function of type {@code [] -> []} whose body (locals and code) is given. */
    static byte[] withBody(byte[] body) {
        return module()
                .section(1, 0x01, 0x60, 0x00, 0x00)
                .section(3, 0x01, 0x00)
                .section(10, concat(of(0x01), u32(body.length), body))
                .build();
    }

    /**
     * A small valid module that uses most sections: types, an import, a function, a table, a
     * memory, a global, exports, a start function, an element segment, data count, code and data.
     */
    static byte[] smallValidModule() {
        return module()
                .section(1, 0x02, 0x60, 0x00, 0x00, 0x60, 0x01, 0x7f, 0x01, 0x7f)
                .section(2, 0x01, 0x01, 'm', 0x01, 'f', 0x00, 0x01)
                .section(3, 0x02, 0x00, 0x01)
                .section(4, 0x01, 0x70, 0x01, 0x02, 0x10)
                .section(5, 0x01, 0x01, 0x01, 0x02)
                .section(6, 0x01, 0x7f, 0x01, 0x41, 0x2a, 0x0b)
                .section(7, 0x02, 0x03, 'r', 'u', 'n', 0x00, 0x01, 0x03, 'm', 'e', 'm', 0x02, 0x00)
                .section(8, 0x01)
                .section(9, 0x01, 0x00, 0x41, 0x00, 0x0b, 0x02, 0x01, 0x02)
                .section(12, 0x01)
                .section(10, 0x02,
                        // func 1: [] -> []
                        0x02, 0x00, 0x0b,
                        // func 2: [i32] -> [i32]: block (result i32) local.get 0 i32.load end, i32.add global
                        0x12, 0x01, 0x01, 0x7e,
                        0x02, 0x7f, 0x20, 0x00, 0x28, 0x02, 0x00, 0x0b,
                        0x23, 0x00, 0x6a, 0xfc, 0x09, 0x00, 0x0b)
                .section(11, 0x01, 0x01, 0x03, 'a', 'b', 'c')
                .section(0, 0x04, 'n', 'o', 't', 'e', 0x01, 0x02)
                .build();
    }
}
