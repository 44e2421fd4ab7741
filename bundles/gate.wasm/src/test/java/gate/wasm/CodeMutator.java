package gate.wasm;

import gate.wasm.code.CodeReader;
import gate.wasm.code.ImmediateKind;
import gate.wasm.code.Opcode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutates function bodies while keeping them decodable: it swaps an instruction's opcode for
 * another single-byte opcode with the same immediate layout (say {@code i32.add} for {@code
 * f64.mul}), so the validator's typing rules, not the decoder, decide.
 */
final class CodeMutator {
    private final Random random;

    CodeMutator(long seed) {
        random = new Random(seed);
    }

    /** A mutant of {@code module}, or the module itself when it has no code to mutate. */
    byte[] mutate(byte[] module) {
        Module decoded;
        try {
            decoded = Wasm.decode(module, WasmLimits.DEFAULT);
        } catch (ModuleException e) {
            return module;
        }
        if (decoded.code().isEmpty()) {
            return module;
        }
        byte[] bytes = module.clone();
        int swaps = 1 + random.nextInt(3);
        for (int i = 0; i < swaps; i++) {
            FunctionBody body = decoded.code().get(random.nextInt(decoded.code().size()));
            List<Integer> positions = opcodePositions(bytes, body);
            if (positions.isEmpty()) {
                continue;
            }
            int at = positions.get(random.nextInt(positions.size()));
            Opcode old = Opcode.ofByte(bytes[at] & 0xff);
            List<Opcode> same = new ArrayList<>();
            for (Opcode op : Opcode.values()) {
                if (op.prefix == 0 && op.immediate == old.immediate && !structural(op)) {
                    same.add(op);
                }
            }
            bytes[at] = (byte) same.get(random.nextInt(same.size())).code;
        }
        return bytes;
    }

    /** Offsets of the single-byte, non-structural opcodes of {@code body}. */
    private static List<Integer> opcodePositions(byte[] bytes, FunctionBody body) {
        List<Integer> positions = new ArrayList<>();
        CodeReader in = new CodeReader(bytes, body.codeStart(), body.end());
        try {
            while (!in.atEnd()) {
                int at = in.position();
                Opcode op = in.opcode();
                in.skipImmediates(op);
                if (op.prefix == 0 && !structural(op)) {
                    positions.add(at);
                }
            }
        } catch (ModuleException e) {
            // an earlier swap in the same body may have broken decoding after this point; keep what was found
        }
        return positions;
    }

    /** Block structure stays as it is, so the body keeps decoding. */
    private static boolean structural(Opcode op) {
        return op.immediate == ImmediateKind.BLOCK_TYPE || op == Opcode.ELSE || op == Opcode.END;
    }
}
