package gate.interp;

import gate.engine.InstanceState;
import gate.engine.InvalidStateException;
import gate.engine.Values;
import gate.wasm.FuncType;
import gate.wasm.Module;
import gate.wasm.MemoryType;
import gate.wasm.TableType;
import gate.wasm.ValType;
import java.util.List;

/**
 * Puts a captured {@link InstanceState} into a freshly linked instance, checking everything
 * against the program first: a state may come from another engine or host, or be forged, so a
 * bad one fails with {@link InvalidStateException} and never with a crash at resume.
 */
final class StateRestore {
    private StateRestore() {}

    private static InvalidStateException invalid(String message) {
        return new InvalidStateException("invalid state: " + message);
    }

    static void restore(InterpInstance in, InstanceState state) {
        Module module = in.program.module();
        restoreMemory(in, module, state.memory());
        restoreGlobals(in, module, state.globals());
        restoreTables(in, module, state.tables());
        Instantiator.evaluateElements(in);
        for (int i : state.droppedData()) {
            if (i < 0 || i >= in.droppedData.length) {
                throw invalid("no data segment " + i);
            }
            in.droppedData[i] = true;
        }
        for (int i : state.droppedElements()) {
            if (i < 0 || i >= in.elements.length) {
                throw invalid("no element segment " + i);
            }
            in.elements[i] = TableOps.EMPTY;
        }
        restoreStack(in, state.stack());
    }

    private static void restoreMemory(InterpInstance in, Module module, byte[] memory) {
        if (module.memories().isEmpty()) {
            if (memory != null) {
                throw invalid("the module defines no memory");
            }
            return;
        }
        if (memory == null || memory.length % MemoryType.PAGE_SIZE != 0) {
            throw invalid("memory size must be a whole number of pages");
        }
        long pages = memory.length / MemoryType.PAGE_SIZE;
        long current = in.memory.pages();
        if (pages < current || in.memory.grow(pages - current, in.limits.maxMemoryPages()) < 0) {
            throw invalid("memory of " + pages + " pages does not fit the memory type or limits");
        }
        System.arraycopy(memory, 0, in.memory.bytes, 0, memory.length);
    }

    private static void restoreGlobals(InterpInstance in, Module module, long[] globals) {
        if (globals == null || globals.length != module.globals().size()) {
            throw invalid("expected " + module.globals().size() + " globals");
        }
        int imported = module.importedGlobalCount();
        for (int i = 0; i < globals.length; i++) {
            GlobalCell cell = in.globals[imported + i];
            long v = checkValue(in, cell.type().type(), globals[i]);
            if (cell.isFuncref()) {
                cell.ref = in.refOf(v);
            } else {
                cell.value = v;
            }
        }
    }

    private static void restoreTables(InterpInstance in, Module module, List<long[]> tables) {
        if (tables.size() != module.tables().size()) {
            throw invalid("expected " + module.tables().size() + " tables");
        }
        int imported = module.importedTableCount();
        for (int t = 0; t < tables.size(); t++) {
            Table table = in.tables[imported + t];
            TableType type = module.tables().get(t);
            long[] values = tables.get(t);
            if (values.length < type.limits().min()
                    || (type.limits().hasMax() && values.length > type.limits().max())
                    || values.length > Table.MAX_ELEMENTS) {
                throw invalid("table " + t + " size " + values.length + " does not fit its type");
            }
            Object[] elements = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                elements[i] = in.toElement(table, checkValue(in, type.elementType(), values[i]));
            }
            table.elements = elements;
        }
    }

    /** Checks a canonical value of {@code type}; returns it as an internal slot. */
    private static long checkValue(InterpInstance in, ValType type, long v) {
        switch (type) {
            case I32, F32 -> {
                if ((v >>> 32) != 0) {
                    throw invalid("32-bit value with upper bits set");
                }
            }
            case FUNCREF -> {
                if (v != Values.NULL_REF && (v < 0 || v >= in.functionRefs.length)) {
                    throw invalid("function reference " + v + " out of range");
                }
            }
            case V128 -> throw invalid("v128 values are not supported");
            default -> { }
        }
        return v;
    }

    private static void restoreStack(InterpInstance in, List<InstanceState.Frame> frames) {
        if (frames.isEmpty()) {
            return;
        }
        if (frames.size() + 1 > in.maxFrames) {
            throw invalid("call stack deeper than the instance's stack limit");
        }
        in.frames = new int[(frames.size() + 1) * 3];
        in.frames[0] = -1;
        int sp = 0;
        int imported = in.program.module().importedFunctionCount();
        for (int d = 0; d < frames.size(); d++) {
            InstanceState.Frame frame = frames.get(d);
            int fn = frame.functionIndex();
            if (fn < imported || fn >= in.functions.length) {
                throw invalid("frame " + d + ": function " + fn + " is not defined by the module");
            }
            CompiledFunction f = in.functions[fn];
            boolean innermost = d == frames.size() - 1;
            int point = innermost
                    ? f.points.findByOffset(frame.codeOffset(), SuspensionPoints.LOOP, SuspensionPoints.ENTRY,
                            SuspensionPoints.IMPORT_CALL)
                    : f.points.findByOffset(frame.codeOffset(), SuspensionPoints.CALL);
            if (point < 0) {
                throw invalid("frame " + d + ": no suspension point at offset " + frame.codeOffset());
            }
            if (!innermost) {
                checkCallee(in, f.points.callee(point), frames.get(d + 1).functionIndex(), d);
            }
            ValType[] types = f.points.operandTypes(point);
            if (frame.locals().length != f.localCount || frame.operands().length != types.length) {
                throw invalid("frame " + d + ": wrong number of locals or operands");
            }
            int fp = sp;
            if (fp + f.frameSize > in.stack.length) {
                throw invalid("call stack larger than the instance's stack limit");
            }
            for (int i = 0; i < f.localCount; i++) {
                in.stack[sp++] = checkValue(in, f.localTypes[i], frame.locals()[i]);
            }
            for (int i = 0; i < types.length; i++) {
                in.stack[sp++] = checkValue(in, types[i], frame.operands()[i]);
            }
            int r = (d + 1) * 3;
            in.frames[r] = fn;
            in.frames[r + 1] = f.points.pc(point);
            in.frames[r + 2] = fp;
        }
        in.depth = frames.size() + 1;
        in.suspendedSp = sp;
        in.sp = 0;
        in.suspended = true;
    }

    /** The frame above a call must be the called function (or one of the indirect call's type). */
    private static void checkCallee(InterpInstance in, int callee, int next, int d) {
        if (callee >= 0) {
            if (callee != next) {
                throw invalid("frame " + d + " calls function " + callee + ", not " + next);
            }
            return;
        }
        FuncType expected = in.program.module().types().get(-1 - callee);
        if (next < 0 || next >= in.functions.length || !in.program.module().functionType(next).equals(expected)) {
            throw invalid("frame " + d + ": indirect call of a function of another type");
        }
    }
}
