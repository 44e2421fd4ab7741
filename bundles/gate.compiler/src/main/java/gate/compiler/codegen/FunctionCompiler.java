package gate.compiler.codegen;

import gate.compiler.gen.ControlFrame;
import gate.compiler.gen.FunctionInfo;
import gate.compiler.gen.FunctionState;
import gate.compiler.gen.GuardShape;
import gate.compiler.gen.ModuleState;
import gate.compiler.gen.RegisterArgs;
import gate.compiler.gen.SiteKind;
import gate.compiler.x86.StackCheck;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.CondRel8;
import gate.compiler.x86.enc.Condition;
import gate.compiler.x86.enc.Label;
import gate.compiler.x86.enc.MemXmm;
import gate.compiler.x86.enc.Memory;
import gate.compiler.x86.enc.Nops;
import gate.compiler.x86.enc.Rel32;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RegInOpcode;
import gate.compiler.x86.enc.RmImm32;
import gate.compiler.x86.enc.RmImm8;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.wasm.FuncType;
import gate.wasm.FunctionBody;
import gate.wasm.Module;
import gate.wasm.ValType;
import gate.wasm.code.CodeReader;
import gate.wasm.code.Opcode;
import java.util.List;

/**
 * Compiles one validated function body in a single pass: one flat dispatch over the opcode table
 * of {@link Opcode}, each case handing over to the class of its WebAssembly concept.
 */
public final class FunctionCompiler {
    /** Runs of this many frame-slot locals or more are initialised by a loop. */
    private static final int LOCALS_LOOP = 16;

    private FunctionCompiler() {}

    /** Compiles defined function {@code index} (module index space) at the current position. */
    public static void compile(ModuleState module, int index) {
        Module m = module.module();
        FunctionBody body = m.code().get(index - module.importedFunctions());
        FuncType type = m.functionType(index);
        FunctionState f = new FunctionState(module, index, body.bodyStart(), type.params(),
                body.locals(), type.results());
        CodeBuffer code = module.code();
        int textStart = code.position();
        RegisterArgs args = module.registerArgs(type.params());
        // Memory entry (function table, call_indirect, invoke thunks): the register
        // parameters come from the outgoing area above the return address.
        module.function(index).bind(code);
        args.load(code, k -> Memory.at(Reg.RSP, 8 + 8 * k));
        // Calls land on the register entry: aligned like a function start. The padding runs
        // only on the memory entry's way (invoke thunks).
        Nops.align(code, 16);
        module.registerEntry(index).bind(code);
        f.at(body.codeStart());
        int entryOffset = f.codeOffset();
        List<ValType> declared = body.locals();
        int params = type.params().size();
        GuardShape shape = module.guardShape(index);
        GuardShape leafShape = shape != null && shape.isLeaf() ? shape : null;
        LocalHomes.assign(f, m, body, params + declared.size(), args, leafShape);
        Prologue prologue = null;
        boolean leaf = leafShape != null && leaf(f, leafShape, args);
        boolean guarded = leafShape == null && guarded(f, shape, args, params);
        if (leaf || guarded) {
            // Shrink wrapping (GuardShape): the homes hold every local the frameless way
            // reads; the frame is built by the guard's if (below), and never by a leaf.
            f.frame().frameless(true);
            f.homes().init(args);
        } else {
            prologue = prologue(f, args, declared, entryOffset, false);
            f.homes().init(args);
        }
        f.pushControl(new ControlFrame(ControlFrame.Kind.FUNCTION, 0, List.of(),
                type.results()));
        CodeReader reader = new CodeReader(m.bytes(), body.codeStart(), body.end());
        while (!reader.atEnd()) {
            int at = reader.position();
            Opcode op = reader.opcode();
            f.at(at);
            if (f.unreachable() && skipDead(f, reader, op)) {
                continue;
            }
            switch (op) {
                case BLOCK, LOOP, IF, ELSE, END, BR, BR_IF, BR_TABLE, RETURN, UNREACHABLE -> {
                    f.lookahead().straightLoop(null); // a loop sets itself again
                    f.homes().dirtyAll(); // merges: slots not known to be current
                }
                default -> {}
            }
            int next = reader.position();
            int nextByte = next < body.end() ? m.bytes()[next] & 0xff : -1;
            f.lookahead().next(nextByte == 0x0F || nextByte == 0x0B && f.controlDepth() == 1,
                    nextByte == 0x10);
            if (op == Opcode.CALL || op == Opcode.CALL_INDIRECT) {
                f.lookahead().setsNext(setsAfter(m.bytes(), next, body.end(), op));
            }
            if (Instructions.compile(f, reader, op)) {
                break;
            }
            if (prologue == null && op == Opcode.IF) {
                // The guard's condition has jumped past its body when false: the body builds
                // the frame, and its end leaves it again (Control).
                f.label(0).markGuard();
                f.frame().frameless(false);
                prologue = prologue(f, args, declared, entryOffset, true);
            }
        }
        f.frame().frameless(false);
        if (leaf) {
            leafEntrySite(f, entryOffset);
        }
        f.emitOutOfLine();
        // The frame includes room for one call's return address and saved rbp below it, so
        // that the check after allocating it covers what a callee pushes before its own.
        int frameSize = 0;
        if (prologue != null) {
            frameSize = f.frame().frameSize(f.maxDepth(), f.maxOutgoing()) + StackCheck.MARGIN;
            code.patch32(prologue.frameImmediate(), frameSize);
        }
        module.addInfo(new FunctionInfo(index, textStart, code.position(),
                module.functionTypeId(index), type.params().size(), declared.size(), frameSize));
    }

    /** Where the frame size goes once the body is compiled. */
    private record Prologue(int frameImmediate) {}

    /**
     * Builds the frame: {@code push rbp; mov rbp, rsp; sub rsp, frame}, the stack check (also
     * the suspension point of the function entry) and the frame-slot locals. Its
     * {@code ENTRY} site restarts the function: the stack map has every parameter in its slot
     * (RUNTIME-NEEDS.md §5). In a guarded function the homes hold the parameters by then, and
     * a resume leaves the frame and enters the function again from its memory entry, which is
     * what the site means (the guard's prefix has no effect to repeat).
     */
    private static Prologue prologue(FunctionState f, RegisterArgs args,
            List<ValType> declared, int entryOffset, boolean guarded) {
        CodeBuffer code = f.code();
        ModuleState module = f.module();
        RegInOpcode.PUSH.reg(code, Size.QWORD, Reg.RBP);
        RmReg.MOV.regReg(code, Size.QWORD, Reg.RBP, Reg.RSP);
        Label slow = new Label();
        Label back = new Label();
        back.bind(code);
        RmImm32.SUB.regImm(code, Size.QWORD, Reg.RSP, 0);
        int frameImmediate = code.position() - 4;
        StackCheck.afterFrame(code, slow);
        int params = f.frame().params();
        f.outOfLine(() -> {
            slow.bind(code);
            // The ENTRY site's frame is not allocated yet (RUNTIME-NEEDS.md §4).
            RmReg.MOV.regReg(code, Size.QWORD, Reg.RSP, Reg.RBP);
            if (guarded) {
                for (int i = 0; i < params; i++) {
                    if (f.homes().gp(i) != null) {
                        RmReg.MOV.memReg(code, Size.QWORD, f.frame().local(i), f.homes().gp(i));
                    } else {
                        MemXmm.MOVSD.memReg(code, f.frame().local(i), f.homes().xmm(i));
                    }
                }
            } else {
                args.store(code, f.frame()::local);
            }
            int site = StackCheck.trap(code, module.stubs());
            f.site(site, SiteKind.ENTRY, entryOffset, 0);
            if (guarded) {
                RmReg.MOV.regReg(code, Size.QWORD, Reg.RSP, Reg.RBP);
                RegInOpcode.POP.reg(code, Size.QWORD, Reg.RBP);
                Rel32.JMP.to(code, module.function(f.function()));
            } else {
                args.load(code, f.frame()::local);
                Rel32.JMP.to(code, back);
            }
        });
        for (int j = 0; j < declared.size();) {
            if (!inFrame(f, params + j)) {
                j++;
                continue;
            }
            // Zero, or null (-1) for references (core §4.4.10 function instantiation); a run of
            // slots with the same value is one loop, so that a few bytes declaring many locals
            // cannot make megabytes of code.
            int value = declared.get(j).isReference() ? -1 : 0;
            int end = j + 1;
            while (end < declared.size() && inFrame(f, params + end)
                    && (declared.get(end).isReference() ? -1 : 0) == value) {
                end++;
            }
            initLocals(f, params + j, end - j, value);
            j = end;
        }
        return new Prologue(frameImmediate);
    }

    /**
     * Whether the body of a {@link GuardShape} can go frameless: every parameter arrives in a
     * register and lives in a home (the prefix must not write a slot, nor lose an argument
     * register), and so does every local the prefix and the tail read.
     */
    private static boolean guarded(FunctionState f, GuardShape shape, RegisterArgs args,
            int params) {
        if (shape == null) {
            return false;
        }
        int locals = params + f.frame().declaredLocals();
        for (int i = 0; i < locals; i++) {
            boolean homed = f.homes().gp(i) != null || f.homes().xmm(i) != null;
            if (i < params && !(args.inRegister(i) && homed) || shape.reads(i) && !homed) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a {@link GuardShape} leaf can run without a frame: every local it touches lives
     * in a home, and every parameter it touches arrives in a register (a frameless body cannot
     * read the caller's outgoing area through rbp).
     */
    private static boolean leaf(FunctionState f, GuardShape shape, RegisterArgs args) {
        int params = f.frame().params();
        int locals = params + f.frame().declaredLocals();
        for (int i = 0; i < locals; i++) {
            if (!shape.touches(i)) {
                continue;
            }
            boolean homed = f.homes().gp(i) != null || f.homes().xmm(i) != null;
            if (!homed || i < params && !args.inRegister(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A leaf's {@code ENTRY} site, out of line and reached only by a resume: the native code
     * never stops in a leaf (it has no suspension point), but the interpreter stops at every
     * function entry, and a state it captured there resumes on this engine at this site, with
     * the frame that RUNTIME-NEEDS.md §4 describes (parameters in their slots). As for a
     * guarded function, the resume leaves that frame and enters the function again from its
     * memory entry.
     */
    private static void leafEntrySite(FunctionState f, int entryOffset) {
        CodeBuffer code = f.code();
        f.site(code.position(), SiteKind.ENTRY, entryOffset, 0);
        RmReg.MOV.regReg(code, Size.QWORD, Reg.RSP, Reg.RBP);
        RegInOpcode.POP.reg(code, Size.QWORD, Reg.RBP);
        Rel32.JMP.to(code, f.module().function(f.function()));
    }

    /**
     * The local that the instruction after {@code op} (whose immediates start at {@code at})
     * writes with local.set or local.tee, or -1. The body is valid, so it is complete.
     */
    private static int setsAfter(byte[] bytes, int at, int end, Opcode op) {
        CodeReader peek = new CodeReader(bytes, at, end);
        peek.skipImmediates(op);
        int p = peek.position();
        if (p >= end || bytes[p] != 0x21 && bytes[p] != 0x22) {
            return -1;
        }
        int index = 0;
        int shift = 0;
        int c;
        do {
            c = bytes[++p];
            index |= (c & 0x7f) << shift;
            shift += 7;
        } while (c < 0);
        return index;
    }

    /**
     * In dead code only the block structure matters: nested blocks are counted, and an else or
     * end of the current block ends the dead stretch. Returns true if {@code op} was consumed.
     */
    private static boolean skipDead(FunctionState f, CodeReader reader, Opcode op) {
        switch (op) {
            case BLOCK, LOOP, IF -> {
                reader.skipImmediates(op);
                f.enterDead();
                return true;
            }
            case ELSE, END -> {
                if (f.deadDepth() > 0) {
                    if (op == Opcode.END) {
                        f.leaveDead();
                    }
                    return true;
                }
                return false;
            }
            default -> {
                reader.skipImmediates(op);
                return true;
            }
        }
    }


    /** Whether local {@code index} lives in its frame slot rather than in a register. */
    private static boolean inFrame(FunctionState f, int index) {
        return f.homes().gp(index) == null && f.homes().xmm(index) == null;
    }

    /** Locals {@code first .. first + count - 1}, all in frame slots (adjacent, descending), := value. */
    private static void initLocals(FunctionState f, int first, int count, int value) {
        CodeBuffer code = f.code();
        if (count < LOCALS_LOOP) {
            for (int k = 0; k < count; k++) {
                RmImm32.MOV.memImm(code, Size.QWORD, f.frame().local(first + k), value);
            }
            return;
        }
        // rcx runs from -count to -1 over [rbp + 8 rcx + disp(first) + 8]: the last local first.
        RmImm32.MOV.regImm(code, Size.QWORD, Reg.RCX, -count);
        Label loop = new Label();
        loop.bind(code);
        RmImm32.MOV.memImm(code, Size.QWORD,
                Memory.at(Reg.RBP, Reg.RCX, 8, f.frame().localDisplacement(first) + 8), value);
        RmImm8.ADD.regImm(code, Size.QWORD, Reg.RCX, 1);
        CondRel8.Jcc.to(code, Condition.NE, loop);
    }
}
