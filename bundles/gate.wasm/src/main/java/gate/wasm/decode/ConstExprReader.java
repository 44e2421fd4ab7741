package gate.wasm.decode;

import gate.wasm.ConstExpr;
import gate.wasm.InvalidModuleException;
import gate.wasm.code.CodeReader;
import gate.wasm.code.Opcode;

/**
 * Reads a constant expression (core spec §5.4.9, §3.3.10). The model holds only the single
 * instructions WebAssembly 2.0 allows; anything else decodes fine as long as it is well formed but
 * is invalid, and the decoder reports it after the whole binary decoded (so a malformation later
 * in the module still wins, as the spec's decode-then-validate order demands).
 */
final class ConstExprReader {
    /** Stands in for an expression that is reported invalid; never reaches a returned module. */
    private static final ConstExpr INVALID = new ConstExpr.I32Const(0);

    private final CodeReader in;
    private InvalidModuleException firstInvalid;

    ConstExprReader(CodeReader in) {
        this.in = in;
    }

    /** The first invalid expression seen, or null. */
    InvalidModuleException firstInvalid() {
        return firstInvalid;
    }

    ConstExpr read() {
        int at = in.position();
        Opcode op = in.opcode();
        ConstExpr expr = switch (op) {
            case I32_CONST -> new ConstExpr.I32Const(in.s32());
            case I64_CONST -> new ConstExpr.I64Const(in.s64());
            case F32_CONST -> new ConstExpr.F32Const(in.f32Bits());
            case F64_CONST -> new ConstExpr.F64Const(in.f64Bits());
            case REF_NULL -> new ConstExpr.RefNull(in.refType());
            case REF_FUNC -> new ConstExpr.RefFunc(in.index());
            case GLOBAL_GET -> new ConstExpr.GlobalGet(in.index());
            case END -> {
                // an empty expression produces no value where one is needed (§3.3.10)
                invalid(at, "type mismatch: empty constant expression");
                yield null;
            }
            default -> {
                in.skipImmediates(op);
                skipToEnd(op);
                invalid(at, "constant expression required: " + op.text + " is not constant");
                yield null;
            }
        };
        if (expr == null) {
            return INVALID;
        }
        int next = in.position();
        Opcode op2 = in.opcode();
        if (op2 != Opcode.END) {
            in.skipImmediates(op2);
            // the spec checks that every instruction is constant before it checks the types: a
            // second constant leaves two values where one is expected, anything else is not constant
            boolean allConstant = isConstant(op2) & skipToEnd(op2);
            invalid(next, allConstant ? "type mismatch: a constant expression produces one value"
                    : "constant expression required: more than one instruction");
            return INVALID;
        }
        return expr;
    }

    /**
     * Skips to the {@code end} that closes the expression, counting nested blocks; {@code last}
     * is the instruction just read. Returns whether all skipped instructions are constant ones.
     */
    private boolean skipToEnd(Opcode last) {
        if (last == Opcode.END) {
            return true;
        }
        long depth = opens(last) ? 1 : 0;
        boolean allConstant = true;
        while (true) {
            Opcode op = in.opcode();
            in.skipImmediates(op);
            if (opens(op)) {
                depth++;
            } else if (op == Opcode.END) {
                if (depth == 0) {
                    return allConstant;
                }
                depth--;
            }
            allConstant &= isConstant(op) || op == Opcode.END;
        }
    }

    private static boolean isConstant(Opcode op) {
        return switch (op) {
            case I32_CONST, I64_CONST, F32_CONST, F64_CONST, REF_NULL, REF_FUNC, GLOBAL_GET -> true;
            default -> false;
        };
    }

    private static boolean opens(Opcode op) {
        return op == Opcode.BLOCK || op == Opcode.LOOP || op == Opcode.IF;
    }

    private void invalid(int at, String reason) {
        if (firstInvalid == null) {
            firstInvalid = new InvalidModuleException(at, reason);
        }
    }
}
