package gate.interp;

import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.engine.UninstantiableException;
import gate.wasm.DataSegment;
import gate.wasm.ElementSegment;
import gate.wasm.Global;
import gate.wasm.Module;
import gate.wasm.ValType;
import java.util.List;

/**
 * Initialises a linked instance in the order of core spec §4.5.4 (WebAssembly 2.0): globals,
 * element segments (active ones are copied with table.init then dropped, declarative ones
 * dropped), data segments likewise, then the start function. A segment out of bounds stops
 * instantiation; what earlier segments wrote to imported tables and memories stays.
 */
final class Instantiator {
    private Instantiator() {}

    static void initialize(InterpInstance in) {
        Module module = in.program.module();
        initGlobals(in);
        evaluateElements(in);
        List<ElementSegment> elements = module.elements();
        for (int i = 0; i < elements.size(); i++) {
            ElementSegment seg = elements.get(i);
            if (seg.mode() instanceof ElementSegment.Active active) {
                int offset = (int) ConstEval.eval(in, active.offset());
                try {
                    TableOps.init(in, i, active.tableIndex(), offset, 0, seg.init().size());
                } catch (TrapException e) {
                    throw new UninstantiableException(e.getMessage(), e);
                }
            }
            if (!(seg.mode() instanceof ElementSegment.Passive)) {
                in.elements[i] = TableOps.EMPTY;
            }
        }
        List<DataSegment> data = module.data();
        for (int i = 0; i < data.size(); i++) {
            DataSegment seg = data.get(i);
            if (seg.mode() instanceof DataSegment.Active active) {
                int offset = (int) ConstEval.eval(in, active.offset());
                try {
                    if (in.memory == null) {
                        throw new TrapException(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS);
                    }
                    BulkOps.memoryInit(in, i, offset, 0, seg.length());
                } catch (TrapException e) {
                    throw new UninstantiableException(e.getMessage(), e);
                }
                in.droppedData[i] = true;
            }
        }
        if (module.start() >= 0) {
            try {
                in.callFunction(module.start(), new long[0]);
            } catch (TrapException e) {
                throw new UninstantiableException(e.getMessage(), e);
            }
        }
    }

    static void initGlobals(InterpInstance in) {
        Module module = in.program.module();
        int imported = module.importedGlobalCount();
        List<Global> globals = module.globals();
        for (int i = 0; i < globals.size(); i++) {
            GlobalCell cell = in.globals[imported + i];
            long v = ConstEval.eval(in, globals.get(i).init());
            if (cell.isFuncref()) {
                cell.ref = in.refOf(v);
            } else {
                cell.value = v;
            }
        }
    }

    /** Element segments become arrays of references, evaluated once (core spec §4.5.4 step 9). */
    static void evaluateElements(InterpInstance in) {
        List<ElementSegment> elements = in.program.module().elements();
        for (int i = 0; i < elements.size(); i++) {
            ElementSegment seg = elements.get(i);
            boolean funcref = seg.type() == ValType.FUNCREF;
            Object[] refs = new Object[seg.init().size()];
            for (int j = 0; j < refs.length; j++) {
                refs[j] = ConstEval.evalRef(in, seg.init().get(j), funcref);
            }
            in.elements[i] = refs;
        }
    }
}
