package gate.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * node's WebAssembly engine as a {@link Contender}: one node process for the whole run, driven
 * line by line through the {@code --serve} mode of {@code run-node.mjs} (shipped in this jar). As
 * {@code node-liftoff} it runs V8's single-pass tier alone ({@code --liftoff-only}; {@code
 * --liftoff --no-wasm-tier-up} alone still tiers up), every function compiled up front; as
 * {@code node}, V8's defaults (Liftoff, then TurboFan for hot functions).
 */
final class NodeContender implements Contender {
    static final String LIFTOFF = "node-liftoff";
    static final String DEFAULT = "node";
    private static final String SCRIPT = "run-node.mjs";

    private final String node;
    private final String name;
    private Process process;
    private BufferedWriter requests;
    private BufferedReader answers;
    private Path script;

    /** @param node the node command (a path, or a name looked up on PATH) */
    NodeContender(String node, boolean liftoffOnly) {
        this.node = node;
        this.name = liftoffOnly ? LIFTOFF : DEFAULT;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Prepared prepare(Path file, String function) throws IOException {
        start();
        String answer = ask("{\"op\":\"load\",\"file\":" + json(file.toAbsolutePath().toString()) + ",\"function\":"
                + json(function) + "}");
        double compileMs = number(answer.split(" ")[0], answer);
        return new Prepared() {
            @Override
            public double compileMs() {
                return compileMs;
            }

            @Override
            public Sample call() throws IOException {
                String[] words = ask("{\"op\":\"run\"}").split(" ");
                if (words.length != 2) {
                    throw new IOException(name + ": unexpected answer: " + String.join(" ", words));
                }
                try {
                    return new Sample(number(words[0], words[1]), Long.parseUnsignedLong(words[1]));
                } catch (NumberFormatException e) {
                    throw new IOException(name + ": result out of range: " + words[1], e);
                }
            }
        };
    }

    private void start() throws IOException {
        if (process != null) {
            if (!process.isAlive()) {
                throw new IOException(name + ": the node process has exited with status " + process.exitValue());
            }
            return;
        }
        script = Files.createTempFile("gate-bench-", "-" + SCRIPT);
        try (InputStream in = NodeContender.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is missing from gate.bench's jar");
            }
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(node));
        if (name.equals(LIFTOFF)) {
            command.addAll(List.of("--liftoff-only", "--no-wasm-tier-up"));
        }
        command.addAll(List.of("--no-wasm-lazy-compilation", script.toString(), "--serve"));
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            Files.deleteIfExists(script);
            throw new IOException("cannot start " + node + " (install node or pass --node PATH): " + e.getMessage(), e);
        }
        requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Sends one request; returns the answer after its {@code ok}, or throws its error. */
    private String ask(String request) throws IOException {
        String line;
        try {
            requests.write(request);
            requests.newLine();
            requests.flush();
            line = answers.readLine();
        } catch (IOException e) {
            throw new IOException(name + ": the node process stopped answering: " + e.getMessage(), e);
        }
        if (line == null) {
            throw new IOException(name + ": the node process ended (an unknown flag in an old node? see its stderr)");
        }
        if (line.startsWith("ok ")) {
            return line.substring(3);
        }
        throw new IOException(name + ": " + (line.startsWith("error ") ? line.substring(6) : "unexpected answer: " + line));
    }

    private double number(String word, String context) throws IOException {
        try {
            return Double.parseDouble(word);
        } catch (NumberFormatException e) {
            throw new IOException(name + ": unexpected answer: " + context, e);
        }
    }

    /** A JSON string literal. */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    @Override
    public void close() {
        if (process != null) {
            try {
                requests.close(); // end of input: the serve loop returns
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (script != null) {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }
}
