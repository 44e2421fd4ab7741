package gate.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The cache form: lossless, deterministic, and every damaged file is a typed error. */
class ProgramCodecTest {
    private static CompiledProgram compile(String resource) throws IOException {
        try (InputStream in = ProgramCodecTest.class.getResourceAsStream("/" + resource)) {
            Module module = Wasm.load(in.readAllBytes(), WasmLimits.DEFAULT);
            return new Compiler(true).compile(module, -1);
        }
    }

    @Test
    void roundTripKeepsEverything() throws IOException {
        CompiledProgram program = compile("control.wasm");
        byte[] bytes = ProgramCodec.write(program);
        CompiledProgram back = ProgramCodec.read(bytes);
        assertArrayEquals(program.text(), back.text());
        assertEquals(program.functions(), back.functions());
        assertEquals(program.exports(), back.exports());
        assertEquals(program.sites(), back.sites());
        assertEquals(program.trapRanges(), back.trapRanges());
        assertEquals(program.area().tables(), back.area().tables());
        assertArrayEquals(program.area().dataLengths(), back.area().dataLengths());
        assertEquals(program.entry(), back.entry());
        assertArrayEquals(bytes, ProgramCodec.write(back));
    }

    @Test
    void compilingTwiceGivesTheSameBytes() throws IOException {
        assertArrayEquals(ProgramCodec.write(compile("arith.wasm")),
                ProgramCodec.write(compile("arith.wasm")));
    }

    @Test
    void everyTruncationIsAnIoException() throws IOException {
        byte[] bytes = ProgramCodec.write(compile("control.wasm"));
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThrows(IOException.class, () -> ProgramCodec.read(cut), "length " + length);
        }
    }

    @Test
    void otherVersionsAndFilesAreRejected() throws IOException {
        byte[] bytes = ProgramCodec.write(compile("control.wasm"));
        bytes[11]++;
        IOException e = assertThrows(IOException.class, () -> ProgramCodec.read(bytes));
        assertEquals("program of compiler version " + (Compiler.COMPILER_VERSION + 1) + ", this is "
                + Compiler.COMPILER_VERSION, e.getMessage());
        bytes[0] = 0;
        assertThrows(IOException.class, () -> ProgramCodec.read(bytes));
    }
}
