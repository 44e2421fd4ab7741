package gate.executor;

import java.io.ByteArrayOutputStream;

/**
 * Writes WebAssembly binaries too large to keep as test resources (core spec §5: sections of
 * LEB128-sized vectors). Only what the hostile-module tests need: function types without
 * parameters or with i64 ones, tables, memories, i64 globals, function bodies from raw code.
 */
final class ModuleBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ModuleBytes() {
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    }

    /** Section {@code id} with {@code content} (spec §5.5.2). */
    ModuleBytes section(int id, byte[] content) {
        out.write(id);
        out.writeBytes(u32(content.length));
        out.writeBytes(content);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** Type section with one type {@code (func (param i64 × params) (result i64 × results))}. */
    ModuleBytes oneType(int params, int results) {
        Vec v = new Vec(1);
        v.b(0x60).u(params);
        for (int i = 0; i < params; i++) {
            v.b(0x7e);
        }
        v.u(results);
        for (int i = 0; i < results; i++) {
            v.b(0x7e);
        }
        return section(1, v.bytes());
    }

    /** Function section: {@code count} functions of type 0. */
    ModuleBytes functions(int count) {
        Vec v = new Vec(count);
        for (int i = 0; i < count; i++) {
            v.u(0);
        }
        return section(3, v.bytes());
    }

    /** Table section: one funcref table with this minimum and no maximum. */
    ModuleBytes table(long min) {
        return section(4, new Vec(1).b(0x70).b(0).u(min).bytes());
    }

    /** Export section: function {@code index} as {@code name}. */
    ModuleBytes exportFunction(String name, int index) {
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return section(7, new Vec(1).u(n.length).raw(n).b(0).u(index).bytes());
    }

    /** Memory section: one memory with this minimum and no maximum. */
    ModuleBytes memory(long min) {
        return section(5, new Vec(1).b(0).u(min).bytes());
    }

    /** Global section: {@code count} mutable i64 globals initialised to 0. */
    ModuleBytes globals(int count) {
        Vec v = new Vec(count);
        for (int i = 0; i < count; i++) {
            v.b(0x7e).b(1).b(0x42).b(0).b(0x0b);
        }
        return section(6, v.bytes());
    }

    /** Element section: one active segment at offset 0 of table 0 with {@code count} refs to function 0. */
    ModuleBytes element(int count) {
        Vec v = new Vec(1).b(0).b(0x41).b(0).b(0x0b).u(count);
        for (int i = 0; i < count; i++) {
            v.u(0);
        }
        return section(9, v.bytes());
    }

    /** Code section: {@code count} copies of a body without locals made of {@code code} then end. */
    ModuleBytes code(int count, byte[] code) {
        return code(count, 0, code);
    }

    /** Code section: {@code count} copies of a body with {@code i64Locals} i64 locals, {@code code}, end. */
    ModuleBytes code(int count, int i64Locals, byte[] code) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (i64Locals == 0) {
            body.write(0); // no local declarations
        } else {
            body.write(1); // one run of i64 locals
            body.writeBytes(u32(i64Locals));
            body.write(0x7e);
        }
        body.writeBytes(code);
        body.write(0x0b);
        byte[] b = body.toByteArray();
        Vec v = new Vec(count);
        for (int i = 0; i < count; i++) {
            v.u(b.length).raw(b);
        }
        return section(10, v.bytes());
    }

    /** Unsigned LEB128 (spec §5.2.2). */
    static byte[] u32(long value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        do {
            int low = (int) (value & 0x7f);
            value >>>= 7;
            b.write(value != 0 ? low | 0x80 : low);
        } while (value != 0);
        return b.toByteArray();
    }

    /** A vector's content: its length first, then the elements written through b, u and raw. */
    static final class Vec {
        private final ByteArrayOutputStream b = new ByteArrayOutputStream();

        Vec(int length) {
            u(length);
        }

        Vec b(int value) {
            b.write(value);
            return this;
        }

        Vec u(long value) {
            b.writeBytes(u32(value));
            return this;
        }

        Vec raw(byte[] bytes) {
            b.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            return b.toByteArray();
        }
    }
}
