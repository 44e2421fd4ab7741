package gate.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gate.compiler.gen.SiteKind;
import gate.compiler.testing.ModuleRunner;
import gate.compiler.testing.NativeCode;
import gate.compiler.x86.Abi;
import gate.engine.InstanceState;
import gate.engine.TrapId;
import gate.wasm.FunctionBody;
import gate.wasm.Module;
import gate.wasm.Wasm;
import gate.wasm.WasmLimits;
import gate.wasm.code.CodeReader;
import gate.wasm.code.Opcode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Native stacks stopped at each kind of suspension point (loop back-edge, function entry,
 * import call) turn into the engine-neutral frames the SPI defines: function index, code offset
 * from the body start, locals, operands.
 */
class NativeStackTest {
    private Module module;
    private CompiledProgram program;
    private ModuleRunner runner;

    @BeforeEach
    void load() throws IOException {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        try (InputStream in = NativeStackTest.class.getResourceAsStream("/suspend.wasm")) {
            module = Wasm.load(in.readAllBytes(), WasmLimits.DEFAULT);
        }
        program = new Compiler(true).compile(module, -1);
        runner = new ModuleRunner(program, module);
    }

    @AfterEach
    void unload() {
        if (runner != null) {
            runner.close();
        }
    }

    /** Code offset of the instruction after the {@code nth} occurrence of {@code op}. */
    private int offsetOf(int function, Opcode op, boolean after) {
        FunctionBody body = module.code().get(function - module.importedFunctionCount());
        CodeReader reader = new CodeReader(module.bytes(), body.codeStart(), body.end());
        while (!reader.atEnd()) {
            int at = reader.position();
            Opcode read = reader.opcode();
            reader.skipImmediates(read);
            if (read == op) {
                return (after ? reader.position() : at) - body.bodyStart();
            }
        }
        throw new AssertionError(op + " not found");
    }

    private List<InstanceState.Frame> walk() {
        return new NativeStack(program, module).walk(runner::read64, runner.trapSp(),
                runner.trapPc(), runner.textBase());
    }

    @Test
    void suspendedAtALoopBackEdge() {
        ModuleRunner.Outcome outcome = runner.invoke("outer", new long[] {3}, 1, 1);
        assertEquals(TrapId.SUSPENDED.id, outcome.trap());
        assertEquals(SiteKind.LOOP, program.siteAt(runner.trapPc()).kind());
        List<InstanceState.Frame> frames = walk();
        assertEquals(2, frames.size());
        InstanceState.Frame outer = frames.get(0);
        assertEquals(2, outer.functionIndex());
        assertEquals(offsetOf(2, Opcode.CALL, false), outer.codeOffset());
        assertArrayEquals(new long[] {3}, outer.locals());
        assertArrayEquals(new long[] {5}, outer.operands());
        InstanceState.Frame inner = frames.get(1);
        assertEquals(1, inner.functionIndex());
        assertEquals(offsetOf(1, Opcode.LOOP, true), inner.codeOffset());
        assertArrayEquals(new long[] {3, 0, Double.doubleToRawLongBits(1.5)}, inner.locals());
        assertArrayEquals(new long[0], inner.operands());
    }

    /**
     * Suspend, read the frames, change a local, rebuild the native stack from the frames in
     * another memory region and resume: the program finishes from the changed state.
     */
    @Test
    void framesRebuiltElsewhereResumeToTheSameComputation() {
        assertEquals(-1, runner.invoke("outer", new long[] {3}, 1).trap());
        assertEquals(5 + 3 + 2 + 1, (int) runner.invoke("outer", new long[] {3}, 1).results()[0]);
        assertEquals(TrapId.SUSPENDED.id, runner.invoke("outer", new long[] {3}, 1, 1).trap());
        List<InstanceState.Frame> frames = new ArrayList<>(walk());
        InstanceState.Frame inner = frames.get(1);
        long[] locals = inner.locals().clone();
        locals[1] = 100; // $acc
        frames.set(1, new InstanceState.Frame(inner.functionIndex(), inner.codeOffset(), locals,
                inner.operands()));
        ModuleRunner.Outcome resumed = runner.resumeRebuilt(frames);
        assertEquals(-1, resumed.trap());
        assertEquals(5 + 100 + 3 + 2 + 1, (int) resumed.results()[0]);
    }

    @Test
    void suspendedAtAFunctionEntry() {
        ModuleRunner.Outcome outcome = runner.invoke("outer", new long[] {8}, 1,
                Abi.SUSPEND_BITS);
        // The runtime reports this as SUSPENDED when a suspend is pending (DESIGN.md §5).
        assertEquals(TrapId.CALL_STACK_EXHAUSTED.id, outcome.trap());
        assertEquals(SiteKind.ENTRY, program.siteAt(runner.trapPc()).kind());
        List<InstanceState.Frame> frames = walk();
        assertEquals(1, frames.size());
        FunctionBody body = module.code().get(1);
        assertEquals(body.codeStart() - body.bodyStart(), frames.get(0).codeOffset());
        assertArrayEquals(new long[] {8}, frames.get(0).locals());
    }

    /**
     * A guarded function (GuardShape) builds its frame only when it takes its if: its ENTRY site
     * is there, with the parameters in their slots, and a resume enters the function again.
     */
    @Test
    void guardedFunctionSuspendsWhereItBuildsItsFrameAndResumesByEnteringAgain() {
        int fib = module.export("fib").index();
        assertEquals(6765, (int) runner.invoke("fib", new long[] {20}, 1).results()[0]);
        ModuleRunner.Outcome outcome = runner.invoke("fib", new long[] {10}, 1,
                Abi.SUSPEND_BITS);
        assertEquals(TrapId.CALL_STACK_EXHAUSTED.id, outcome.trap());
        assertEquals(SiteKind.ENTRY, program.siteAt(runner.trapPc()).kind());
        List<InstanceState.Frame> frames = walk();
        assertEquals(1, frames.size());
        FunctionBody body = module.code().get(fib - module.importedFunctionCount());
        assertEquals(fib, frames.get(0).functionIndex());
        assertEquals(body.codeStart() - body.bodyStart(), frames.get(0).codeOffset());
        assertArrayEquals(new long[] {10, 0}, frames.get(0).locals());
        ModuleRunner.Outcome resumed = runner.resumeRebuilt(frames);
        assertEquals(-1, resumed.trap());
        assertEquals(55, (int) resumed.results()[0]);
    }

    /**
     * The frameless way of a guarded function has no suspension point: it calls nothing and
     * loops nowhere, so it ends on its own; a pending suspension waits for the next point.
     */
    @Test
    void guardedFunctionsFramelessWayEndsWithoutSuspensionPoint() {
        ModuleRunner.Outcome outcome = runner.invoke("fib", new long[] {1}, 1,
                Abi.SUSPEND_BITS);
        assertEquals(-1, outcome.trap());
        assertEquals(1, outcome.results()[0]);
    }

    /**
     * A leaf (GuardShape) never stops, but the interpreter stops at every function entry: a
     * state with the leaf's frame at its entry (and its caller at the call) rebuilds at the
     * leaf's ENTRY site, whose resume enters the leaf again from its memory entry and returns
     * to the caller, which reloads its locals from the rebuilt frame.
     */
    @Test
    void stateAtALeafsEntryResumesThere() {
        int loop = module.export("leaf_loop").index();
        int mix = loop - 1;
        FunctionBody leaf = module.code().get(mix - module.importedFunctionCount());
        assertEquals(0, program.functions().get(mix).frameSize());
        int n = 6;
        List<InstanceState.Frame> frames = List.of(
                new InstanceState.Frame(loop, offsetOf(loop, Opcode.CALL, false),
                        new long[] {n, 11}, new long[0]),
                new InstanceState.Frame(mix, leaf.codeStart() - leaf.bodyStart(),
                        new long[] {7, n}, new long[0]));
        int s = 7;
        for (int k = n; k != 0; k--) {
            s = Integer.rotateLeft(s, k) + k;
        }
        ModuleRunner.Outcome resumed = runner.resumeRebuilt(frames);
        assertEquals(-1, resumed.trap());
        assertEquals(s, (int) resumed.results()[0]);
    }

    @Test
    void stoppedAtAnImportCallWithItsArguments() {
        ModuleRunner.Outcome outcome = runner.invoke("calls_host", new long[] {4}, 1);
        assertEquals(TrapId.INTERNAL_ERROR.id, outcome.trap());
        assertEquals(SiteKind.IMPORT, program.siteAt(runner.trapPc()).kind());
        List<InstanceState.Frame> frames = walk();
        assertEquals(1, frames.size());
        assertEquals(3, frames.get(0).functionIndex());
        assertEquals(offsetOf(3, Opcode.CALL, false), frames.get(0).codeOffset());
        assertArrayEquals(new long[] {7, 4, -2}, frames.get(0).operands());
    }

    @Test
    void trapPcsMapToTheTrappingInstruction() throws IOException {
        try (InputStream in = NativeStackTest.class.getResourceAsStream("/control.wasm")) {
            Module control = Wasm.load(in.readAllBytes(), WasmLimits.DEFAULT);
            CompiledProgram compiled = new Compiler(true).compile(control, -1);
            try (ModuleRunner run = new ModuleRunner(compiled, control)) {
                assertEquals(TrapId.UNREACHABLE.id,
                        run.invoke("unreachable", new long[] {1}, 1).trap());
                var range = compiled.trapAt(run.trapPc());
                int function = control.export("unreachable").index();
                module = control;
                assertEquals(function, range.function());
                assertEquals(offsetOf(function, Opcode.UNREACHABLE, false), range.codeOffset());
            }
        }
    }
}
