package gate.compiler.codegen;

import gate.compiler.gen.FunctionState;
import gate.compiler.gen.Operand;
import gate.compiler.x86.BitCount;
import gate.compiler.x86.IntDivision;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.CondRm;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegRmImm32;
import gate.compiler.x86.enc.RegMem;
import gate.compiler.x86.enc.RegRm;
import gate.compiler.x86.enc.RegRmExtend;
import gate.compiler.x86.enc.RmCl;
import gate.compiler.x86.enc.RmImm32;
import gate.compiler.x86.enc.RmImm8;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.wasm.ValType;
import gate.wasm.code.CodeReader;
import gate.wasm.code.Opcode;

/**
 * Integer operators (core §4.3.2, §4.4.1): a register-allocated two-address form, with
 * immediates where x86 has them. Every i32 result is left zero-extended.
 */
final class IntOps {
    /** The operator of an integer opcode, without its type prefix. */
    enum Op {
        ADD, SUB, MUL, AND, OR, XOR, EQ, NE, LT_S, LT_U, GT_S, GT_U, LE_S, LE_U, GE_S, GE_U,
        DIV_S, DIV_U, REM_S, REM_U, SHL, SHR_S, SHR_U, ROTL, ROTR,
        EQZ, CLZ, CTZ, POPCNT, EXTEND8_S, EXTEND16_S, EXTEND32_S, EXTEND_I32_S, EXTEND_I32_U,
        WRAP_I64
    }

    private static final Op[] OPS = new Op[Opcode.values().length];

    static {
        for (Opcode op : Opcode.values()) {
            String name = op.name();
            if (name.startsWith("I32_") || name.startsWith("I64_")) {
                try {
                    OPS[op.ordinal()] = Op.valueOf(name.substring(4));
                } catch (IllegalArgumentException notInteger) {
                    // loads, stores, constants, conversions: not handled here
                }
            }
        }
    }

    private IntOps() {}

    private static Op op(Opcode opcode) {
        Op op = OPS[opcode.ordinal()];
        if (op == null) {
            throw new IllegalArgumentException(opcode.toString());
        }
        return op;
    }

    /** Binary operators; the operation name is the opcode's suffix ({@code I32_ADD -> ADD}). */
    static void binary(FunctionState f, Opcode op) {
        ValType type = op.params().get(0);
        Size size = FunctionState.size(type);
        Op name = op(op);
        switch (name) {
            case DIV_S -> {
                division(f, IntDivision.DIV_S, size);
                return;
            }
            case DIV_U -> {
                division(f, IntDivision.DIV_U, size);
                return;
            }
            case REM_S -> {
                division(f, IntDivision.REM_S, size);
                return;
            }
            case REM_U -> {
                division(f, IntDivision.REM_U, size);
                return;
            }
            case SHL, SHR_S, SHR_U, ROTL, ROTR -> {
                shift(f, name, size, type);
                return;
            }
            default -> {}
        }
        if ((name == Op.ADD || name == Op.SUB) && f.peek(0) instanceof Operand.Const c
                && fitsImm(c.bits(), size) && (int) c.bits() != Integer.MIN_VALUE
                && f.homes().gpOf(f.peek(1)) != null) {
            // local ± constant: one LEA from the local's home instead of a copy and an ADD
            // (nothing reads the flags of an arithmetic result).
            int disp = name == Op.ADD ? (int) c.bits() : -(int) c.bits();
            f.pop();
            if (f.lookahead().callsNext()) {
                // The call's argument moves compute it (ArgumentMoves), after storing homes.
                Operand.Local local = (Operand.Local) f.pop();
                f.push(new Operand.Offset(type, local.index(), disp));
                return;
            }
            Reg from = f.homes().gpOf(f.pop());
            Reg a = f.allocResultGp();
            RegMem.LEA.regMem(f.code(), size, a, Memory.at(from, disp));
            f.pushGp(type, a);
            return;
        }
        if (name == Op.ADD && f.homes().gpOf(f.peek(0)) != null
                && f.homes().gpOf(f.peek(1)) != null) {
            // local + local: one LEA from both homes instead of a copy and an ADD.
            Reg y = f.homes().gpOf(f.pop());
            Reg x = f.homes().gpOf(f.pop());
            Reg a = f.allocResultGp();
            RegMem.LEA.regMem(f.code(), size, a, Memory.at(x, y, 1, 0));
            f.pushGp(type, a);
            return;
        }
        Operand b = f.pop();
        boolean compare = isCompare(name);
        Operand first = f.pop();
        // A comparison only reads its first operand: a register home serves as it is.
        Reg firstHome = compare ? f.homes().gpOf(first) : null;
        Reg a = firstHome != null ? firstHome : compare ? f.toGp(first) : f.toResultGp(first);
        CodeBuffer code = f.code();
        Memory inPlace = f.memoryOf(b);
        Reg home = f.homes().gpOf(b);
        if (home != null) {
            switch (name) {
                case ADD -> RmReg.ADD.regReg(code, size, a, home);
                case SUB -> RmReg.SUB.regReg(code, size, a, home);
                case MUL -> RegRm.IMUL.regReg(code, size, a, home);
                case AND -> RmReg.AND.regReg(code, size, a, home);
                case OR -> RmReg.OR.regReg(code, size, a, home);
                case XOR -> RmReg.XOR.regReg(code, size, a, home);
                default -> RmReg.CMP.regReg(code, size, a, home);
            }
        } else if (b instanceof Operand.Const c && fitsImm(c.bits(), size)) {
            withImmediate(code, name, size, a, (int) c.bits());
        } else if (inPlace != null) {
            withMemory(code, name, size, a, inPlace);
        } else if (b instanceof Operand.Const c) {
            // A 64-bit constant beyond imm32 (mix functions' multipliers): one instruction
            // reading an 8-byte literal after the function instead of a MOV imm64 into a
            // second register first.
            f.withLiteral(c.bits(), literal -> withMemory(code, name, size, a, literal));
        } else {
            Reg r = f.toGp(b);
            switch (name) {
                case ADD -> RmReg.ADD.regReg(code, size, a, r);
                case SUB -> RmReg.SUB.regReg(code, size, a, r);
                case MUL -> RegRm.IMUL.regReg(code, size, a, r);
                case AND -> RmReg.AND.regReg(code, size, a, r);
                case OR -> RmReg.OR.regReg(code, size, a, r);
                case XOR -> RmReg.XOR.regReg(code, size, a, r);
                default -> RmReg.CMP.regReg(code, size, a, r);
            }
            f.releaseGp(r);
        }
        if (compare) {
            if (firstHome == null) {
                f.releaseGp(a);
            }
            f.push(Operand.Flags.of(condition(name)));
        } else {
            f.pushGp(type, a);
        }
    }

    /** {@code reg <- reg op [mem]} (or {@code cmp reg, [mem]} for comparisons). */
    private static void withMemory(CodeBuffer code, Op name, Size size, Reg a, Memory source) {
        switch (name) {
            case ADD -> RegRm.ADD.regMem(code, size, a, source);
            case SUB -> RegRm.SUB.regMem(code, size, a, source);
            case MUL -> RegRm.IMUL.regMem(code, size, a, source);
            case AND -> RegRm.AND.regMem(code, size, a, source);
            case OR -> RegRm.OR.regMem(code, size, a, source);
            case XOR -> RegRm.XOR.regMem(code, size, a, source);
            default -> RegRm.CMP.regMem(code, size, a, source);
        }
    }

    /**
     * {@code reg <- reg op imm} (or {@code cmp reg, imm} for comparisons) in the shortest form:
     * the sign-extended 8-bit immediate where the value fits it.
     */
    private static void withImmediate(CodeBuffer code, Op name, Size size, Reg reg, int imm) {
        if (name == Op.MUL) {
            RegRmImm32.IMUL.regRegImm(code, size, reg, reg, imm);
        } else if (imm == (byte) imm) {
            switch (name) {
                case ADD -> RmImm8.ADD.regImm(code, size, reg, imm);
                case SUB -> RmImm8.SUB.regImm(code, size, reg, imm);
                case AND -> RmImm8.AND.regImm(code, size, reg, imm);
                case OR -> RmImm8.OR.regImm(code, size, reg, imm);
                case XOR -> RmImm8.XOR.regImm(code, size, reg, imm);
                default -> RmImm8.CMP.regImm(code, size, reg, imm);
            }
        } else {
            switch (name) {
                case ADD -> RmImm32.ADD.regImm(code, size, reg, imm);
                case SUB -> RmImm32.SUB.regImm(code, size, reg, imm);
                case AND -> RmImm32.AND.regImm(code, size, reg, imm);
                case OR -> RmImm32.OR.regImm(code, size, reg, imm);
                case XOR -> RmImm32.XOR.regImm(code, size, reg, imm);
                default -> RmImm32.CMP.regImm(code, size, reg, imm);
            }
        }
    }

    private static boolean isCompare(Op name) {
        return name.ordinal() >= Op.EQ.ordinal() && name.ordinal() <= Op.GE_U.ordinal();
    }

    private static Condition condition(Op name) {
        return switch (name) {
            case EQ -> Condition.E;
            case NE -> Condition.NE;
            case LT_S -> Condition.L;
            case LT_U -> Condition.B;
            case GT_S -> Condition.G;
            case GT_U -> Condition.A;
            case LE_S -> Condition.LE;
            case LE_U -> Condition.BE;
            case GE_S -> Condition.GE;
            case GE_U -> Condition.AE;
            default -> throw new IllegalArgumentException(name.toString());
        };
    }

    private static boolean fitsImm(long bits, Size size) {
        // i32 immediates apply to 32-bit operations, so any 32-bit pattern works.
        return size == Size.DWORD || bits == (int) bits;
    }

    private static void shift(FunctionState f, Op name, Size size, ValType type) {
        Operand b = f.pop();
        Reg a = f.toGp(f.pop());
        CodeBuffer code = f.code();
        if (b instanceof Operand.Const c) {
            int count = (int) c.bits() & (size.bits() - 1);
            switch (name) {
                case SHL -> RmImm8.SHL.regImm(code, size, a, count);
                case SHR_S -> RmImm8.SAR.regImm(code, size, a, count);
                case SHR_U -> RmImm8.SHR.regImm(code, size, a, count);
                case ROTL -> RmImm8.ROL.regImm(code, size, a, count);
                default -> RmImm8.ROR.regImm(code, size, a, count);
            }
        } else {
            f.loadInto(Reg.RCX, b);
            f.release(b);
            switch (name) {
                case SHL -> RmCl.SHL.reg(code, size, a);
                case SHR_S -> RmCl.SAR.reg(code, size, a);
                case SHR_U -> RmCl.SHR.reg(code, size, a);
                case ROTL -> RmCl.ROL.reg(code, size, a);
                default -> RmCl.ROR.reg(code, size, a);
            }
        }
        f.pushGp(type, a);
    }

    /**
     * {@code local.get x; <operand>; op; local.set x} (or tee) with x in a register home:
     * computes in the home directly, as in {@code add r13d, r12d}, and consumes the set.
     * Returns false, reading nothing, when the pattern does not apply.
     */
    static boolean intoLocal(FunctionState f, CodeReader r, Opcode op) {
        Op name = OPS[op.ordinal()];
        if (name == null || name.ordinal() > Op.XOR.ordinal() || op.params().size() != 2
                || f.depth() < 2 || r.atEnd()) {
            return false;
        }
        // Commutative operators also take the local on top: {@code <operand>; local.get x; add}.
        boolean swapped = !(f.peek(1) instanceof Operand.Local l1 && f.homes().gp(l1.index()) != null)
                && name != Op.SUB;
        if (!(f.peek(swapped ? 0 : 1) instanceof Operand.Local local)
                || f.homes().gp(local.index()) == null) {
            return false;
        }
        int next = r.peek();
        if (next != Opcode.LOCAL_SET.code && next != Opcode.LOCAL_TEE.code) {
            return false;
        }
        int at = r.position();
        r.u8();
        int index = r.index();
        if (index != local.index()) {
            r.position(at);
            return false;
        }
        Operand b = f.pop();
        if (swapped) {
            b = f.pop();
        } else {
            f.pop();
        }
        f.detachLocal(index);
        f.homes().markDirty(index); // written here, not through setLocal
        Reg home = f.homes().gp(index);
        Size size = FunctionState.size(op.params().get(0));
        CodeBuffer code = f.code();
        Reg bHome = f.homes().gpOf(b);
        Memory inPlace = f.memoryOf(b);
        if (b instanceof Operand.Const c && fitsImm(c.bits(), size)) {
            withImmediate(code, name, size, home, (int) c.bits());
        } else {
            Reg other = bHome;
            if (other == null && inPlace == null) {
                other = f.toGp(b);
            }
            if (other != null) {
                switch (name) {
                    case ADD -> RmReg.ADD.regReg(code, size, home, other);
                    case SUB -> RmReg.SUB.regReg(code, size, home, other);
                    case MUL -> RegRm.IMUL.regReg(code, size, home, other);
                    case AND -> RmReg.AND.regReg(code, size, home, other);
                    case OR -> RmReg.OR.regReg(code, size, home, other);
                    default -> RmReg.XOR.regReg(code, size, home, other);
                }
                if (bHome == null) {
                    f.releaseGp(other);
                }
            } else {
                switch (name) {
                    case ADD -> RegRm.ADD.regMem(code, size, home, inPlace);
                    case SUB -> RegRm.SUB.regMem(code, size, home, inPlace);
                    case MUL -> RegRm.IMUL.regMem(code, size, home, inPlace);
                    case AND -> RegRm.AND.regMem(code, size, home, inPlace);
                    case OR -> RegRm.OR.regMem(code, size, home, inPlace);
                    default -> RegRm.XOR.regMem(code, size, home, inPlace);
                }
            }
        }
        if (next == Opcode.LOCAL_TEE.code) {
            f.push(f.localOperand(index));
        }
        return true;
    }

    /** Division needs the dividend in rax and clobbers rdx (see {@link IntDivision}). */
    private static void division(FunctionState f, IntDivision op, Size size) {
        CodeBuffer code = f.code();
        int start = code.position();
        Operand b = f.pop();
        Operand a = f.pop();
        f.evict(Reg.RAX);
        f.evict(Reg.RDX);
        Reg divisor;
        if (b instanceof Operand.Gp g && g.reg() != Reg.RAX && g.reg() != Reg.RDX) {
            divisor = g.reg();
        } else {
            boolean tookRax = f.isFree(Reg.RAX);
            boolean tookRdx = f.isFree(Reg.RDX);
            if (tookRax) {
                f.claim(Reg.RAX);
            }
            if (tookRdx) {
                f.claim(Reg.RDX);
            }
            divisor = f.allocGp();
            f.loadInto(divisor, b);
            f.release(b);
            if (tookRax) {
                f.releaseGp(Reg.RAX);
            }
            if (tookRdx) {
                f.releaseGp(Reg.RDX);
            }
        }
        if (!(a instanceof Operand.Gp g && g.reg() == Reg.RAX)) {
            f.loadInto(Reg.RAX, a);
            f.release(a);
            f.claim(Reg.RAX);
        }
        if (f.isFree(Reg.RDX)) {
            f.claim(Reg.RDX);
        }
        op.emit(code, f.module().stubs(), size, divisor);
        f.trapRange(start);
        f.releaseGp(divisor);
        Reg result = op.resultRegister();
        f.releaseGp(result == Reg.RAX ? Reg.RDX : Reg.RAX);
        f.pushGp(size == Size.DWORD ? ValType.I32 : ValType.I64, result);
    }

    /** Unary operators: eqz, clz, ctz, popcnt, sign extensions, wrap and extend. */
    static void unary(FunctionState f, Opcode op) {
        CodeBuffer code = f.code();
        ValType type = op.params().get(0);
        Size size = FunctionState.size(type);
        if (op == Opcode.I32_EQZ && f.peek(0) instanceof Operand.Flags flags) {
            // eqz of a comparison is the opposite comparison: no code.
            f.pop();
            f.push(Operand.Flags.of(flags.condition().negate()));
            return;
        }
        Reg a = f.toGp(f.pop());
        ValType result = op.results().get(0);
        switch (op(op)) {
            case EQZ -> {
                RmReg.TEST.regReg(code, size, a, a);
                f.releaseGp(a);
                f.push(Operand.Flags.of(Condition.E));
                return;
            }
            case CLZ, CTZ, POPCNT -> {
                Reg target = f.allocGp();
                BitCount.valueOf(op(op).name()).emit(code, size, target, a,
                        f.module().withLzcnt());
                f.releaseGp(a);
                a = target;
            }
            case EXTEND8_S -> RegRmExtend.MOVSX8.regReg(code, size, a, a);
            case EXTEND16_S -> {
                RegRmExtend.MOVSX16.regReg(code, size, a, a);
            }
            case EXTEND32_S, EXTEND_I32_S -> RegRmExtend.MOVSXD.regReg(code, Size.QWORD, a, a);
            case EXTEND_I32_U, WRAP_I64 -> RmReg.MOV.regReg(code, Size.DWORD, a, a);
            default -> throw new IllegalArgumentException(op.toString());
        }
        f.pushGp(result, a);
    }

    static void constant(FunctionState f, ValType type, long bits) {
        f.pushConst(type, bits);
    }
}
