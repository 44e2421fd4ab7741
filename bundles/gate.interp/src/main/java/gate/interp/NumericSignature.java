package gate.interp;

import gate.wasm.ValType;

/**
 * Operand count and result type of the numeric and memory instructions (core spec §5.4.5, §5.4.6),
 * for the translator's operand type tracking.
 */
record NumericSignature(int arity, ValType result) {
    private static final ValType I32 = ValType.I32;
    private static final ValType I64 = ValType.I64;
    private static final ValType F32 = ValType.F32;
    private static final ValType F64 = ValType.F64;

    static NumericSignature of(int opcode) {
        if (opcode == 0x45 || opcode == 0x50) {
            return new NumericSignature(1, I32);
        }
        if (opcode <= 0x66) {
            return new NumericSignature(2, I32); // comparisons
        }
        if (opcode <= 0x69) {
            return new NumericSignature(1, I32);
        }
        if (opcode <= 0x78) {
            return new NumericSignature(2, I32);
        }
        if (opcode <= 0x7b) {
            return new NumericSignature(1, I64);
        }
        if (opcode <= 0x8a) {
            return new NumericSignature(2, I64);
        }
        if (opcode <= 0x91) {
            return new NumericSignature(1, F32);
        }
        if (opcode <= 0x98) {
            return new NumericSignature(2, F32);
        }
        if (opcode <= 0x9f) {
            return new NumericSignature(1, F64);
        }
        if (opcode <= 0xa6) {
            return new NumericSignature(2, F64);
        }
        return new NumericSignature(1, conversionResult(opcode));
    }

    private static ValType conversionResult(int opcode) {
        if (opcode <= 0xab) {
            return I32;
        }
        if (opcode <= 0xb1) {
            return I64;
        }
        if (opcode <= 0xb6) {
            return F32;
        }
        if (opcode <= 0xbb) {
            return F64;
        }
        return switch (opcode) {
            case 0xbc, 0xc0, 0xc1 -> I32;
            case 0xbd, 0xc2, 0xc3, 0xc4 -> I64;
            case 0xbe -> F32;
            case 0xbf -> F64;
            default -> throw new IllegalStateException("not a numeric opcode: " + opcode);
        };
    }

    /** Loads pop an address and push a value; stores pop both and push nothing. */
    static NumericSignature ofMemory(int opcode) {
        return switch (opcode) {
            case 0x28, 0x2c, 0x2d, 0x2e, 0x2f -> new NumericSignature(1, I32);
            case 0x29, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35 -> new NumericSignature(1, I64);
            case 0x2a -> new NumericSignature(1, F32);
            case 0x2b -> new NumericSignature(1, F64);
            default -> new NumericSignature(2, null);
        };
    }
}
