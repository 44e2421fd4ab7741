package gate.interp;

import gate.engine.InstanceState;
import gate.engine.Values;
import gate.wasm.Module;
import gate.wasm.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the engine-neutral {@link InstanceState} of a stopped instance: defined memory, globals
 * and tables, dropped segments, and the suspended call stack with WebAssembly code offsets and
 * canonical values.
 */
final class StateCapture {
    private StateCapture() {}

    static InstanceState capture(InterpInstance in) {
        Module module = in.program.module();
        byte[] memory = module.memories().isEmpty() ? null : in.memory.bytes.clone();
        int importedGlobals = module.importedGlobalCount();
        long[] globals = new long[module.globals().size()];
        for (int i = 0; i < globals.length; i++) {
            GlobalCell g = in.globals[importedGlobals + i];
            globals[i] = g.isFuncref() ? canonicalRef(in, in.handleOf(g.ref)) : Slots.canonical(g.type().type(), g.value);
        }
        List<long[]> tables = new ArrayList<>();
        for (int t = module.importedTableCount(); t < in.tables.length; t++) {
            Table table = in.tables[t];
            long[] values = new long[table.elements.length];
            for (int i = 0; i < values.length; i++) {
                long slot = in.toSlot(table, table.elements[i]);
                values[i] = table.elementType() == ValType.FUNCREF ? canonicalRef(in, slot) : slot;
            }
            tables.add(values);
        }
        List<Integer> droppedData = new ArrayList<>();
        for (int i = 0; i < in.droppedData.length; i++) {
            if (in.droppedData[i]) {
                droppedData.add(i);
            }
        }
        List<Integer> droppedElements = new ArrayList<>();
        for (int i = 0; i < in.elements.length; i++) {
            if (in.elements[i] == TableOps.EMPTY) {
                droppedElements.add(i);
            }
        }
        return new InstanceState(memory, globals, tables, droppedData, droppedElements, frames(in));
    }

    private static List<InstanceState.Frame> frames(InterpInstance in) {
        List<InstanceState.Frame> frames = new ArrayList<>();
        if (!in.suspended) {
            return frames;
        }
        int[] records = in.frames;
        for (int d = 1; d < in.depth; d++) {
            int fn = records[d * 3];
            int pc = records[d * 3 + 1];
            int fp = records[d * 3 + 2];
            boolean innermost = d == in.depth - 1;
            CompiledFunction f = in.functions[fn];
            int point = innermost ? innermostPoint(f.points, pc) : f.points.findByPc(pc, SuspensionPoints.CALL);
            if (point < 0) {
                throw new IllegalStateException("no suspension point at " + pc + " in function " + fn);
            }
            int end = innermost ? in.suspendedSp : records[(d + 1) * 3 + 2];
            long[] locals = new long[f.localCount];
            for (int i = 0; i < locals.length; i++) {
                locals[i] = canonical(in, f.localTypes[i], in.stack[fp + i]);
            }
            ValType[] types = f.points.operandTypes(point);
            int base = fp + f.localCount;
            if (end - base != types.length) {
                throw new IllegalStateException("operand height mismatch in function " + fn);
            }
            long[] operands = new long[types.length];
            for (int i = 0; i < operands.length; i++) {
                operands[i] = canonical(in, types[i], in.stack[base + i]);
            }
            frames.add(new InstanceState.Frame(fn, f.points.offset(point), locals, operands));
        }
        return frames;
    }

    private static int innermostPoint(SuspensionPoints points, int pc) {
        int p = points.findByPc(pc, SuspensionPoints.LOOP);
        if (p < 0) {
            p = points.findByPc(pc, SuspensionPoints.IMPORT_CALL);
        }
        if (p < 0) {
            p = points.findByPc(pc, SuspensionPoints.ENTRY);
        }
        return p;
    }

    private static long canonical(InterpInstance in, ValType type, long slot) {
        return type == ValType.FUNCREF ? canonicalRef(in, slot) : Slots.canonical(type, slot);
    }

    /** A function handle as an index of this module; other instances' functions cannot be saved. */
    private static long canonicalRef(InterpInstance in, long handle) {
        if (handle == Values.NULL_REF || handle < in.functionRefs.length) {
            return handle;
        }
        throw new IllegalStateException("the state refers to a function of another instance");
    }
}
