package gate.executor;

import gate.compiler.CompiledProgram;
import gate.compiler.gen.FunctionInfo;
import gate.compiler.gen.Site;
import gate.compiler.gen.SiteKind;
import gate.engine.InstanceState;
import gate.engine.InvalidStateException;
import gate.wasm.Export;
import gate.wasm.ExternKind;
import gate.wasm.FuncType;
import gate.wasm.Module;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Rebuilds a native call stack from the engine-neutral frames of an {@link InstanceState}
 * (gate.compiler RUNTIME-NEEDS.md §4 and §6), as if the invoke stub had called the outermost
 * function's export thunk and the execution had stopped at the innermost frame's suspension point
 * (a LOOP or ENTRY site, or an import's stub for a {@code call} of an import to be retried).
 * Return addresses are absolute: the image is only valid at the addresses it was built for.
 *
 * <pre>
 * top - 24            entry rsp (nothing returns there: the stub exits through the exit slot)
 * ...                 stub: return address into the stub after {@code call rax}
 * T                   thunk rbp; [T - 8] = address of the invoke page's argument slots
 * T - 8 - 8·slots     thunk rsp = outgoing area = parameters of the outermost function
 * rbp_i               [rbp_i] = rbp_(i-1), [rbp_i + 8] = return address (CALL site)
 * sp                  [sp] = the innermost suspension site; [sp - 8] = innermost rbp
 * </pre>
 */
final class StackBuilder {
    private final CompiledProgram program;
    private final Module module;

    StackBuilder(CompiledProgram program, Module module) {
        this.program = program;
        this.module = module;
    }

    /** The built stack region and where execution resumes. */
    record Image(byte[] stack, long spOffset, FuncType type) {}

    /**
     * @param frames outermost first, as {@link InstanceState#stack()}
     * @param bottom absolute address of the stack bottom (stack_addr + 8192)
     * @param textBase absolute address of the text
     * @param argsAddress absolute address of the invoke page's argument slots
     */
    Image build(List<InstanceState.Frame> frames, int stackSize, long bottom, long textBase, long argsAddress,
            int stubOffset) {
        ByteBuffer b = ByteBuffer.allocate(stackSize).order(ByteOrder.LITTLE_ENDIAN);
        InstanceState.Frame outer = frames.get(0);
        Export export = exportOf(outer.functionIndex());
        FuncType exportType = module.functionType(export.index());
        int thunk = program.exports().get(export.name());
        Site thunkCall = callSiteIn(thunk, -1);
        long top = bottom + stackSize;
        long entryRsp = top - 24;
        long stubRsp = entryRsp - 8;
        long thunkRbp = stubRsp - 16;
        put(b, bottom, stubRsp - 8, textBase + stubOffset + InvokeStub.AFTER_CALL);
        put(b, bottom, thunkRbp, 0);
        put(b, bottom, thunkRbp - 8, argsAddress);
        int slots = Math.max(exportType.params().size(), exportType.results().size());
        long callerRsp = thunkRbp - 8 - 8L * (slots | 1);
        long callerRbp = thunkRbp;
        long returnAddress = textBase + thunkCall.textOffset();
        long rbp = 0;
        for (int i = 0; i < frames.size(); i++) {
            InstanceState.Frame f = frames.get(i);
            FunctionInfo info = info(f.functionIndex());
            if (f.locals().length != info.params() + info.declaredLocals()) {
                throw new InvalidStateException("frame " + i + " has the wrong number of locals");
            }
            rbp = callerRsp - 16;
            if (rbp - info.frameSize() - 64 < bottom + 1024) {
                throw new InvalidStateException("the call stack does not fit the native stack");
            }
            put(b, bottom, rbp, callerRbp);
            put(b, bottom, rbp + 8, returnAddress);
            for (int k = 0; k < f.locals().length; k++) {
                long at = k < info.params() ? rbp + 16 + 8L * k : rbp - 8L * (k - info.params() + 1);
                put(b, bottom, at, f.locals()[k]);
            }
            boolean innermost = i == frames.size() - 1;
            Site resumeAt = innermost ? suspensionSite(f.functionIndex(), f.codeOffset()) : null;
            int callee = innermost && resumeAt == null ? importCallee(f) : -1;
            int own = f.operands().length - (callee < 0 ? 0 : module.functionType(callee).params().size());
            for (int k = 0; k < own; k++) {
                put(b, bottom, rbp - 8L * (info.declaredLocals() + 1 + k), f.operands()[k]);
            }
            if (callee >= 0) {
                return importRetry(b, bottom, textBase, f, info, rbp, callee, own, exportType);
            }
            if (!innermost) {
                Site call = siteOf(SiteKind.CALL, f.functionIndex(), f.codeOffset());
                returnAddress = textBase + call.textOffset();
                callerRsp = rbp - info.frameSize();
                callerRbp = rbp;
            } else {
                Site loop = resumeAt;
                long sp = loop.kind() == SiteKind.LOOP ? rbp - 8 - info.frameSize() : rbp - 8;
                put(b, bottom, sp, textBase + loop.textOffset());
                put(b, bottom, sp - 8, rbp);
                return new Image(b.array(), sp - 8 - bottom, exportType);
            }
        }
        throw new InvalidStateException("empty call stack");
    }

    private static void put(ByteBuffer b, long bottom, long address, long value) {
        long off = address - bottom;
        if (off < 0 || off > b.capacity() - 8) {
            throw new InvalidStateException("the call stack does not fit the native stack");
        }
        b.putLong((int) off, value);
    }

    private Export exportOf(int function) {
        for (Export e : module.exports()) {
            if (e.kind() == ExternKind.FUNC && e.index() == function && program.exports().containsKey(e.name())) {
                return e;
            }
        }
        throw new InvalidStateException("the outermost frame is not an exported function");
    }

    private Site callSiteIn(int thunkStart, int function) {
        Site best = null;
        for (Site s : program.sites()) {
            if (s.kind() == SiteKind.CALL && s.function() == function && s.textOffset() > thunkStart
                    && (best == null || s.textOffset() < best.textOffset())) {
                best = s;
            }
        }
        if (best == null) {
            throw new InvalidStateException("no call site in the export thunk");
        }
        return best;
    }

    private Site siteOf(SiteKind kind, int function, int codeOffset) {
        for (Site s : program.sites()) {
            if (s.kind() == kind && s.function() == function && s.codeOffset() == codeOffset) {
                return s;
            }
        }
        throw new InvalidStateException("no " + kind + " site at offset " + codeOffset + " of function " + function);
    }

    /** The loop header or function entry at the innermost frame's offset, or null. */
    private Site suspensionSite(int function, int codeOffset) {
        for (SiteKind kind : new SiteKind[] {SiteKind.LOOP, SiteKind.ENTRY}) {
            for (Site s : program.sites()) {
                if (s.kind() == kind && s.function() == function && s.codeOffset() == codeOffset) {
                    return s;
                }
            }
        }
        return null;
    }

    /**
     * The imported function that the innermost frame's {@code call} (opcode 0x10, core spec
     * §5.4.1) retries, its arguments the top operands (engine SPI {@link InstanceState.Frame});
     * anything else is not a suspension point of the native code.
     */
    private int importCallee(InstanceState.Frame f) {
        var body = module.code().get(f.functionIndex() - module.importedFunctionCount());
        byte[] bytes = module.bytes();
        int at = body.bodyStart() + f.codeOffset();
        if (f.codeOffset() >= 0 && at >= body.codeStart() && at < body.end() && bytes[at] == 0x10) {
            long index = 0;
            for (int shift = 0, p = at + 1; shift < 35 && p < body.end(); shift += 7, p++) {
                index |= (long) (bytes[p] & 0x7f) << shift;
                if ((bytes[p] & 0x80) == 0) {
                    if (index >= module.importedFunctionCount()) {
                        break;
                    }
                    int n = f.operands().length - module.functionType((int) index).params().size();
                    if (n >= 0
                            && n == siteOf(SiteKind.CALL, f.functionIndex(), f.codeOffset()).operands().size()) {
                        return (int) index;
                    }
                    break;
                }
            }
        }
        throw new InvalidStateException("function " + f.functionIndex() + " offset " + f.codeOffset()
                + " is not a suspension point of the native code");
    }

    /**
     * The innermost frame waits at the {@code call} of an import, as if the call had reached the
     * import's stub (gate.compiler RUNTIME-NEEDS.md §3-4): arguments in the outgoing area, the
     * return address of the CALL site and the frame's rbp below it, and the stub's IMPORT site
     * on top, so that resuming performs the host call and continues in the caller.
     */
    private Image importRetry(ByteBuffer b, long bottom, long textBase, InstanceState.Frame f, FunctionInfo info,
            long rbp, int callee, int own, FuncType exportType) {
        Site call = siteOf(SiteKind.CALL, f.functionIndex(), f.codeOffset());
        Site stub = importSite(callee);
        long rsp = rbp - info.frameSize();
        for (int k = own; k < f.operands().length; k++) {
            put(b, bottom, rsp + 8L * (k - own), f.operands()[k]);
        }
        put(b, bottom, rsp - 8, textBase + call.textOffset());
        put(b, bottom, rsp - 16, rbp);
        long sp = rsp - 24;
        put(b, bottom, sp, textBase + stub.textOffset());
        if (sp - 8 - 1024 < bottom) {
            throw new InvalidStateException("the call stack does not fit the native stack");
        }
        return new Image(b.array(), sp - 8 - bottom, exportType);
    }

    private Site importSite(int function) {
        for (Site s : program.sites()) {
            if (s.kind() == SiteKind.IMPORT && s.function() == function) {
                return s;
            }
        }
        throw new InvalidStateException("no import stub for function " + function);
    }

    private FunctionInfo info(int function) {
        for (FunctionInfo f : program.functions()) {
            if (f.index() == function && function >= module.importedFunctionCount()) {
                return f;
            }
        }
        throw new InvalidStateException("no defined function " + function);
    }
}
