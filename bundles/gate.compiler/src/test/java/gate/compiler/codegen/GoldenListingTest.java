package gate.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gate.compiler.CompiledProgram;
import gate.compiler.Compiler;
import gate.compiler.gen.FunctionInfo;
import gate.compiler.testing.ObjdumpAssertions;
import gate.wasm.Export;
import gate.wasm.ExternKind;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Golden disassembly of small compiled functions (listing.wat), reviewed like code: each
 * function's objdump listing must equal {@code src/test/resources/golden/NAME.lst}. After an
 * intended change, run with {@code -Dgate.golden.update=true} and review the diff.
 */
class GoldenListingTest {
    private static final Pattern LINE =
            Pattern.compile("^\\s*([0-9a-f]+):\\t(?:[0-9a-f]{2}(?: [0-9a-f]{2})*)\\s*\\t(.*)$");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void compiledFunctionsMatchTheirGoldenListings() throws Exception {
        Path objdump = ObjdumpAssertions.requireObjdump();
        Module module;
        try (InputStream in = GoldenListingTest.class.getResourceAsStream("/listing.wasm")) {
            module = Wasm.load(in.readAllBytes(), WasmLimits.DEFAULT);
        }
        CompiledProgram program = new Compiler(true).compile(module, -1);
        boolean update = Boolean.getBoolean("gate.golden.update");
        for (Export export : module.exports()) {
            if (export.kind() != ExternKind.FUNC) {
                continue;
            }
            FunctionInfo info = program.functions().get(export.index());
            // One function at a time: data after a function (br_table's jump table) would
            // otherwise run objdump's linear sweep out of step into the next one.
            TreeMap<Integer, String> lines = disassemble(objdump, program.text(),
                    info.textStart(), info.textEnd());
            StringBuilder listing = new StringBuilder();
            for (var e : lines.entrySet()) {
                listing.append(String.format("%4x: %s%n", e.getKey() - info.textStart(),
                        e.getValue()));
            }
            Path golden = GOLDEN.resolve(export.name() + ".lst");
            if (update) {
                Files.writeString(golden, listing);
            }
            assertEquals(Files.readString(golden), listing.toString(), export.name());
        }
    }

    private static TreeMap<Integer, String> disassemble(Path objdump, byte[] text, int start,
            int stop) throws IOException, InterruptedException {
        Path file = Files.createTempFile("gate-text", ".bin");
        try {
            Files.write(file, text);
            Process process = new ProcessBuilder(objdump.toString(), "-D", "-b", "binary",
                    "-m", "i386:x86-64", "-M", "intel", "--insn-width=16",
                    "--start-address=" + start, "--stop-address=" + stop, file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("objdump failed: " + output);
            }
            TreeMap<Integer, String> lines = new TreeMap<>();
            for (String line : output.split("\n")) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    lines.put(Integer.parseInt(m.group(1), 16), m.group(2).strip()
                            .replaceAll("\\s+", " "));
                }
            }
            return lines;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
