package gate.compiler;

import gate.compiler.gen.FrameLayout;
import gate.compiler.gen.FunctionInfo;
import gate.compiler.gen.Site;
import gate.compiler.gen.SiteKind;
import gate.engine.InstanceState;
import gate.wasm.FuncType;
import gate.wasm.Module;
import gate.wasm.ValType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * Turns a stopped native stack into the engine-neutral call stack ({@link InstanceState.Frame},
 * outermost first) with the stack map of a {@link CompiledProgram}: the frame layout is
 * {@link FrameLayout}, walked through the rbp chain (RUNTIME-NEEDS.md §4).
 */
public final class NativeStack {
    /** Read access to the stopped stack: the 8 bytes at an absolute address. */
    @FunctionalInterface
    public interface Memory {
        long read64(long address);
    }

    /** The stack is not one this program's code can have left (a bug or a damaged snapshot). */
    public static final class CorruptStackException extends RuntimeException {
        CorruptStackException(String message) {
            super(message);
        }
    }

    private static final int MAX_FRAMES = 1 << 20;

    private final CompiledProgram program;
    private final Module module;
    /** Sites by text offset, and by (function, code offset, resumable kind). */
    private final Map<Integer, Site> byText = new HashMap<>();
    private final Map<Long, Site> calls = new HashMap<>();
    private final Map<Long, Site> suspensions = new HashMap<>();

    public NativeStack(CompiledProgram program, Module module) {
        this.program = program;
        this.module = module;
        for (Site site : program.sites()) {
            byText.put(site.textOffset(), site);
            long key = key(site.function(), site.codeOffset());
            switch (site.kind()) {
                case CALL -> calls.putIfAbsent(key, site);
                case LOOP, ENTRY -> suspensions.putIfAbsent(key, site);
                default -> {}
            }
        }
    }

    private static long key(int function, int codeOffset) {
        return (long) function << 32 | (codeOffset & 0xffffffffL);
    }

    /**
     * The frames of a stack stopped in a trap call: {@code sp} points at the trap call's return
     * address {@code trapPc} (a LOOP, ENTRY or IMPORT site, as a text offset); return addresses
     * on the stack are absolute, {@code textBase} is where the text was mapped (vars
     * {@code text_addr}).
     */
    public List<InstanceState.Frame> walk(Memory stack, long sp, int trapPc, long textBase) {
        Site site = byText.get(trapPc);
        if (site == null || site.kind() == SiteKind.CALL) {
            throw new CorruptStackException("no suspension point at text offset " + trapPc);
        }
        List<InstanceState.Frame> frames = new ArrayList<>();
        long rbp;
        switch (site.kind()) {
            case LOOP -> {
                rbp = sp + 8 + info(site.function()).frameSize();
                frames.add(frame(stack, site, rbp, false));
            }
            case ENTRY -> {
                rbp = sp + 8;
                frames.add(frame(stack, site, rbp, true));
            }
            default -> {
                // IMPORT: the stub pushed the caller's rbp and called the host slot; the
                // caller waits at a CALL site with the arguments in its outgoing area.
                long stub = sp + 8;
                Site call = callSite(stack.read64(stub + 8) - textBase);
                rbp = stack.read64(stub);
                InstanceState.Frame caller = frame(stack, call, rbp, false);
                FuncType imported = module.functionType(site.function());
                long[] operands = java.util.Arrays.copyOf(caller.operands(),
                        caller.operands().length + imported.params().size());
                for (int k = 0; k < imported.params().size(); k++) {
                    operands[caller.operands().length + k] = canonical(imported.params().get(k),
                            stack.read64(stub + 16 + 8L * k));
                }
                frames.add(new InstanceState.Frame(caller.functionIndex(), caller.codeOffset(),
                        caller.locals(), operands));
            }
        }
        for (int depth = 0; depth < MAX_FRAMES; depth++) {
            Site call = callSite(stack.read64(rbp + 8) - textBase);
            if (call.function() < 0) {
                Collections.reverse(frames);
                return frames;
            }
            rbp = stack.read64(rbp);
            frames.add(frame(stack, call, rbp, false));
        }
        throw new CorruptStackException("more than " + MAX_FRAMES + " frames");
    }

    /** Write access to the stack being rebuilt. */
    @FunctionalInterface
    public interface WritableMemory {
        void write64(long address, long value);
    }

    /**
     * A rebuilt stack: start the runtime with rsp = {@code sp} and the resume routine
     * ({@code pop rbp; ret}); {@code outermostRbp + 16 + 8·k} is where the outermost function
     * leaves result k.
     */
    public record Rebuilt(long sp, long outermostRbp) {}

    /**
     * Lays {@code frames} (outermost first, as {@link #walk} gives them; the innermost suspended
     * at a loop or function entry) out as native frames below {@code top}, the outermost
     * returning to {@code outerReturn} (absolute; for the runtime, text_addr +
     * {@link CompiledProgram#entryReturn}). Every address written lies in
     * {@code [returned sp, top)}.
     */
    public Rebuilt rebuild(List<InstanceState.Frame> frames, WritableMemory stack, long top,
            long textBase, long outerReturn) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to rebuild");
        }
        InstanceState.Frame outermost = frames.get(0);
        FuncType outerType = module.functionType(outermost.functionIndex());
        long area = 8L * Math.max(1, Math.max(outerType.params().size(),
                outerType.results().size()));
        long rbp = ((top - area) & ~15L) - 16;
        stack.write64(rbp + 8, outerReturn);
        stack.write64(rbp, 0);
        long outermostRbp = rbp;
        for (int i = 0; i < frames.size(); i++) {
            InstanceState.Frame frame = frames.get(i);
            FunctionInfo info = info(frame.functionIndex());
            FrameLayout layout = new FrameLayout(info.params(), info.declaredLocals());
            boolean innermost = i == frames.size() - 1;
            long key = key(frame.functionIndex(), frame.codeOffset());
            Site resumeAt = innermost ? suspensions.get(key) : calls.get(key);
            if (resumeAt == null) {
                throw new CorruptStackException("function " + frame.functionIndex()
                        + " has no " + (innermost ? "suspension point" : "call") + " at offset "
                        + frame.codeOffset());
            }
            boolean entry = resumeAt.kind() == SiteKind.ENTRY;
            int locals = entry ? info.params() : frame.locals().length;
            for (int k = 0; k < locals; k++) {
                stack.write64(rbp + layout.localDisplacement(k), frame.locals()[k]);
            }
            for (int k = 0; k < frame.operands().length; k++) {
                stack.write64(rbp + layout.operandDisplacement(k), frame.operands()[k]);
            }
            long rsp = entry ? rbp : rbp - info.frameSize();
            if (innermost) {
                stack.write64(rsp - 8, textBase + resumeAt.textOffset());
                stack.write64(rsp - 16, rbp);
                return new Rebuilt(rsp - 16, outermostRbp);
            }
            // The callee's frame starts right below this one's outgoing area.
            long calleeRbp = rsp - 16;
            stack.write64(calleeRbp + 8, textBase + resumeAt.textOffset());
            stack.write64(calleeRbp, rbp);
            rbp = calleeRbp;
        }
        throw new AssertionError("unreachable");
    }

    private Site callSite(long returnAddress) {
        Site site = returnAddress == (int) returnAddress ? byText.get((int) returnAddress)
                : null;
        if (site == null || site.kind() != SiteKind.CALL) {
            throw new CorruptStackException("no call site at text offset " + returnAddress);
        }
        return site;
    }

    private FunctionInfo info(int function) {
        if (function < 0 || function >= program.functions().size()) {
            throw new CorruptStackException("no function " + function);
        }
        FunctionInfo info = program.functions().get(function);
        if (info.index() != function) {
            // Imports are listed first, defined functions after, both in index order.
            for (FunctionInfo f : program.functions()) {
                if (f.index() == function) {
                    return f;
                }
            }
        }
        return info;
    }

    private InstanceState.Frame frame(Memory stack, Site site, long rbp, boolean atEntry) {
        int function = site.function();
        FunctionInfo info = info(function);
        FrameLayout layout = new FrameLayout(info.params(), info.declaredLocals());
        FuncType type = module.functionType(function);
        List<ValType> declared = module.code().get(function - module.importedFunctionCount())
                .locals();
        long[] locals = new long[info.params() + info.declaredLocals()];
        for (int i = 0; i < locals.length; i++) {
            boolean param = i < info.params();
            ValType t = param ? type.params().get(i) : declared.get(i - info.params());
            locals[i] = atEntry && !param ? zero(t)
                    : canonical(t, stack.read64(rbp + layout.localDisplacement(i)));
        }
        List<ValType> types = site.operands();
        long[] operands = new long[types.size()];
        for (int i = 0; i < operands.length; i++) {
            operands[i] = canonical(types.get(i),
                    stack.read64(rbp + layout.operandDisplacement(i)));
        }
        return new InstanceState.Frame(function, site.codeOffset(), locals, operands);
    }

    private static long zero(ValType type) {
        return type.isReference() ? gate.engine.Values.NULL_REF : 0;
    }

    /** The SPI's slot encoding: 32-bit types zero-extended. */
    static long canonical(ValType type, long bits) {
        return type == ValType.I32 || type == ValType.F32 ? bits & 0xffffffffL : bits;
    }
}
