package gate.abi;

import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a tiny module that imports functions and exports each under its import name with the
 * same signature, forwarding the arguments: hostile tests call the imports with any arguments
 * they like. Signature letters: {@code i} i32, {@code I} i64. Optionally exports one page of
 * memory as {@code memory}.
 */
final class ProbeModule {
    private record Fn(String module, String name, String params, String results) {}

    private final List<Fn> functions = new ArrayList<>();
    private boolean memory = true;

    ProbeModule fn(String module, String name, String params, String results) {
        functions.add(new Fn(module, name, params, results));
        return this;
    }

    ProbeModule io() {
        return fn("gate", "io_65536", "iiiiiii", "");
    }

    ProbeModule wasi(String name, String params, String results) {
        return fn("wasi_snapshot_preview1", name, params, results);
    }

    ProbeModule withoutMemory() {
        memory = false;
        return this;
    }

    Module build() {
        return Wasm.load(bytes(), WasmLimits.DEFAULT);
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        int n = functions.size();
        section(out, 1, vec(n, i -> {
            Fn f = functions.get(i);
            ByteArrayOutputStream t = new ByteArrayOutputStream();
            t.write(0x60);
            t.writeBytes(types(f.params));
            t.writeBytes(types(f.results));
            return t.toByteArray();
        }));
        section(out, 2, vec(n, i -> {
            Fn f = functions.get(i);
            ByteArrayOutputStream t = new ByteArrayOutputStream();
            t.writeBytes(name(f.module));
            t.writeBytes(name(f.name));
            t.write(0);
            t.writeBytes(leb(i));
            return t.toByteArray();
        }));
        section(out, 3, vec(n, i -> leb(i)));
        if (memory) {
            section(out, 5, new byte[] {1, 0, 1});
        }
        int exports = n + (memory ? 1 : 0);
        section(out, 7, vec(exports, i -> {
            ByteArrayOutputStream t = new ByteArrayOutputStream();
            if (i == n) {
                t.writeBytes(name("memory"));
                t.write(2);
                t.write(0);
            } else {
                t.writeBytes(name(functions.get(i).name));
                t.write(0);
                t.writeBytes(leb(n + i));
            }
            return t.toByteArray();
        }));
        section(out, 10, vec(n, i -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(0); // no locals
            for (int p = 0; p < functions.get(i).params.length(); p++) {
                body.write(0x20);
                body.writeBytes(leb(p));
            }
            body.write(0x10);
            body.writeBytes(leb(i));
            body.write(0x0b);
            ByteArrayOutputStream t = new ByteArrayOutputStream();
            t.writeBytes(leb(body.size()));
            t.writeBytes(body.toByteArray());
            return t.toByteArray();
        }));
        return out.toByteArray();
    }

    private interface Item {
        byte[] at(int i);
    }

    private static byte[] vec(int n, Item item) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(leb(n));
        for (int i = 0; i < n; i++) {
            out.writeBytes(item.at(i));
        }
        return out.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        out.writeBytes(leb(content.length));
        out.writeBytes(content);
    }

    private static byte[] types(String letters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(leb(letters.length()));
        for (char c : letters.toCharArray()) {
            out.write(c == 'I' ? 0x7e : 0x7f);
        }
        return out.toByteArray();
    }

    private static byte[] name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(leb(utf8.length));
        out.writeBytes(utf8);
        return out.toByteArray();
    }

    private static byte[] leb(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = value & 0x7f;
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return out.toByteArray();
    }
}
