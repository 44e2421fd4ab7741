package gate.compiler.testing;

import gate.compiler.x86.enc.CodeBuffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks machine code against GNU objdump, an independent disassembler. Test code records cases
 * (expected Intel-syntax text plus the calls that should produce it) into one buffer, then
 * {@link #run} disassembles the whole buffer with a single objdump process and
 * {@link #mismatches} compares, per group, what objdump decoded in each case's byte range with
 * the expectation: one line per instruction, and the instructions must span exactly the case's
 * bytes.
 */
public final class Disassembly {
    /** Expected text (lines joined by newlines) for {@code [start, end)} of the buffer. */
    private record Case(String group, int start, int end, Supplier<String> text) {}

    /** One instruction as objdump decoded it. */
    private record Decoded(int length, String text) {}

    private static final Pattern LINE =
            Pattern.compile("^\\s*([0-9a-f]+):\\t([0-9a-f]{2}(?: [0-9a-f]{2})*)\\s*\\t(.*)$");

    private final CodeBuffer code = new CodeBuffer();
    private final List<Case> cases = new ArrayList<>();
    private Map<Integer, Decoded> decoded;

    /** Absolute path of objdump, or null when it is not installed. */
    public static Path objdump() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "objdump");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The buffer cases write into; its offsets are what objdump prints as addresses. */
    public CodeBuffer code() {
        return code;
    }

    /** Records that {@code emit} must append instructions reading {@code expected}. */
    public void expect(String group, String expected, Consumer<CodeBuffer> emit) {
        expectLater(group, () -> expected, emit);
    }

    /**
     * Like {@link #expect(String, String, Consumer)} for text that depends on where the code
     * ends (RIP-relative operands): {@code expected} gets the end offset. objdump still checks
     * the length independently.
     */
    public void expect(String group, IntFunction<String> expected, Consumer<CodeBuffer> emit) {
        int start = code.position();
        emit.accept(code);
        String text = expected.apply(code.position());
        cases.add(new Case(group, start, code.position(), () -> text));
    }

    /**
     * Like {@link #expect(String, String, Consumer)} for text known only later, such as the
     * target of a branch to a label bound afterwards; {@code expected} runs in {@link #mismatches}.
     */
    public void expectLater(String group, Supplier<String> expected, Consumer<CodeBuffer> emit) {
        int start = code.position();
        emit.accept(code);
        cases.add(new Case(group, start, code.position(), expected));
    }

    /** Records that the already written bytes {@code [start, end)} read {@code expected}. */
    public void expectAt(String group, int start, int end, String expected) {
        if (start < 0 || start > end || end > code.position()) {
            throw new IllegalArgumentException("range [" + start + ", " + end + ") not written");
        }
        cases.add(new Case(group, start, end, () -> expected));
    }

    /** Number of cases recorded in {@code group}. */
    public long count(String group) {
        return cases.stream().filter(c -> c.group().equals(group)).count();
    }

    /** Disassembles the buffer once. */
    public void run(Path objdump) throws IOException, InterruptedException {
        Path file = Files.createTempFile("gate-code", ".bin");
        try {
            Files.write(file, code.toByteArray());
            Process process = new ProcessBuilder(objdump.toString(), "-D", "-b", "binary",
                    "-m", "i386:x86-64", "-M", "intel", "--insn-width=16", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("objdump failed: " + output);
            }
            decoded = parse(output);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Human-readable mismatches of {@code group}; empty when every case matched. */
    public List<String> mismatches(String group) {
        if (decoded == null) {
            throw new IllegalStateException("run() first");
        }
        List<String> out = new ArrayList<>();
        byte[] all = code.toByteArray();
        for (Case c : cases) {
            if (!c.group().equals(group)) {
                continue;
            }
            String actual = read(c.start(), c.end());
            String expected = c.text().get();
            if (!actual.equals(expected)) {
                out.add("expected '" + expected + "' but objdump read '" + actual + "' in ["
                        + HexFormat.ofDelimiter(" ").formatHex(all, c.start(), c.end()) + "]");
            }
        }
        return out;
    }

    /** The instructions decoded in {@code [start, end)}, one per line, or why there are none. */
    private String read(int start, int end) {
        StringBuilder text = new StringBuilder();
        int at = start;
        while (at < end) {
            Decoded d = decoded.get(at);
            if (d == null) {
                return text + "<nothing decoded at " + at + ">";
            }
            text.append(at == start ? "" : "\n").append(d.text());
            at += d.length();
        }
        return at == end ? text.toString() : text + "<ends at " + at + ", not " + end + ">";
    }

    private static Map<Integer, Decoded> parse(String output) {
        Map<Integer, Decoded> map = new HashMap<>();
        for (String line : output.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                int address = Integer.parseInt(m.group(1), 16);
                int length = (m.group(2).length() + 1) / 3;
                // objdump comments RIP-relative operands with the target address: the expected
                // text checks the displacement instead.
                String text = m.group(3).replaceAll("#.*$", "").trim().replaceAll("\\s+", " ");
                map.put(address, new Decoded(length, text));
            }
        }
        return map;
    }
}
