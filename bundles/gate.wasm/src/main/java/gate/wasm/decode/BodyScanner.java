package gate.wasm.decode;

import gate.wasm.FunctionBody;
import gate.wasm.Module;
import gate.wasm.code.CodeReader;
import gate.wasm.code.ImmediateKind;
import gate.wasm.code.Opcode;
import java.util.Arrays;

/**
 * Decodes function bodies without typing them, to find malformed code (core spec §5.4). The spec
 * decodes a whole module before validating it, so when the decoder or the validator finds a module
 * invalid, it scans the bodies not yet decoded: if one is malformed, that is the error to report.
 */
public final class BodyScanner {
    private BodyScanner() {}

    /** Throws {@link gate.wasm.MalformedModuleException} if any body from {@code first} on is malformed. */
    public static void scanFrom(Module module, int first) {
        for (int i = first; i < module.code().size(); i++) {
            scan(module, module.code().get(i));
        }
    }

    /**
     * Data segment indexes in code need the data count section: it lets a one-pass decoder check
     * them before the data section arrives, so without it the binary is malformed (§5.5.13). Like
     * the reference tools, a module without any data segments may omit it (the index is then
     * unknown, which is invalid rather than malformed).
     */
    public static boolean lacksDataCount(Module module) {
        return module.dataCount() < 0 && !module.data().isEmpty();
    }

    private static void scan(Module module, FunctionBody body) {
        CodeReader in = new CodeReader(module.bytes(), body.codeStart(), body.end());
        // one bit per open construct: whether it is an if (so else is allowed)
        boolean[] isIf = new boolean[16];
        int depth = 1;
        while (depth > 0) {
            int at = in.position();
            Opcode op = in.opcode();
            if ((op.immediate == ImmediateKind.DATA || op.immediate == ImmediateKind.MEMORY_INIT)
                    && lacksDataCount(module)) {
                throw CodeReader.malformed(at, "data count section required");
            }
            in.skipImmediates(op);
            switch (op) {
                case BLOCK, LOOP, IF -> {
                    if (depth == isIf.length) {
                        isIf = Arrays.copyOf(isIf, depth * 2);
                    }
                    isIf[depth++] = op == Opcode.IF;
                }
                case ELSE -> {
                    if (!isIf[depth - 1]) {
                        throw CodeReader.malformed(at, "else without matching if");
                    }
                    isIf[depth - 1] = false;
                }
                case END -> depth--;
                default -> {}
            }
        }
        if (!in.atEnd()) {
            throw CodeReader.malformed(in.position(), "section size mismatch: bytes after the end of the function");
        }
    }
}
