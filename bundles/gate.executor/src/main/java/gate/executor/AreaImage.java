package gate.executor;

import gate.compiler.CompiledProgram;
import gate.compiler.gen.AreaLayout;
import gate.engine.InstanceState;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.engine.Values;
import gate.wasm.ConstExpr;
import gate.wasm.DataSegment;
import gate.wasm.ElementSegment;
import gate.wasm.Module;
import gate.wasm.ValType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The globals area of a native instance as bytes (layout: {@link AreaLayout}, gate.compiler
 * RUNTIME-NEEDS.md §2), built at instantiation (core spec §4.5.4: globals, tables with active
 * element segments applied, segment lengths) or from a captured {@link InstanceState}, and read
 * back for state capture. The invoke page lies below it (see {@link InvokeStub}).
 */
final class AreaImage {
    private final Module module;
    private final AreaLayout area;
    private final ByteBuffer bytes;

    /** @param bytes the whole area, {@code area.size()} bytes ending at the memory base */
    AreaImage(Module module, CompiledProgram program, byte[] bytes) {
        this.module = module;
        this.area = program.area();
        this.bytes = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static AreaImage empty(Module module, CompiledProgram program) {
        return new AreaImage(module, program, new byte[program.area().size()]);
    }

    byte[] bytes() {
        return bytes.array();
    }

    private int at(int offsetFromBase) {
        return area.size() + offsetFromBase;
    }

    long word(int offsetFromBase) {
        return bytes.getLong(at(offsetFromBase));
    }

    void word(int offsetFromBase, long value) {
        bytes.putLong(at(offsetFromBase), value);
    }

    /** Fresh instantiation: globals, tables, element segments, data lengths (no imports). */
    void instantiate() {
        for (int g = 0; g < module.globals().size(); g++) {
            int index = module.importedGlobalCount() + g;
            word(area.global(index), eval(module.globals().get(g).init()));
        }
        List<Long> sizes = new ArrayList<>();
        for (int t = 0; t < tableImports(); t++) {
            sizes.add(word(area.tables().get(t).offset())); // imported: copied in already
        }
        for (int t = tableImports(); t < area.tables().size(); t++) {
            AreaLayout.Region r = area.tables().get(t);
            long min = module.tables().get(t - tableImports()).limits().min();
            word(r.offset(), min);
            sizes.add(min);
            for (int k = 0; k < r.capacity(); k++) {
                word(r.elementsOffset() + 8 * k, Values.NULL_REF);
            }
        }
        for (int e = 0; e < module.elements().size(); e++) {
            ElementSegment segment = module.elements().get(e);
            AreaLayout.Region r = area.elements().get(e);
            boolean passive = segment.mode() instanceof ElementSegment.Passive;
            word(r.offset(), passive ? segment.init().size() : 0);
            for (int k = 0; k < segment.init().size(); k++) {
                word(r.elementsOffset() + 8 * k, eval(segment.init().get(k)));
            }
            if (segment.mode() instanceof ElementSegment.Active a) {
                long offset = eval(a.offset()) & 0xffff_ffffL;
                AreaLayout.Region table = area.tables().get(a.tableIndex());
                if (offset + segment.init().size() > sizes.get(a.tableIndex())) {
                    throw new TrapException(TrapId.TABLE_ACCESS_OUT_OF_BOUNDS);
                }
                for (int k = 0; k < segment.init().size(); k++) {
                    word(table.elementsOffset() + 8 * (int) (offset + k), eval(segment.init().get(k)));
                }
            }
        }
        for (int d = 0; d < module.data().size(); d++) {
            DataSegment segment = module.data().get(d);
            boolean passive = segment.mode() instanceof DataSegment.Passive;
            word(area.dataLengths()[d], passive ? segment.length() : 0);
        }
    }

    private int tableImports() {
        return area.tables().size() - module.tables().size();
    }

    /** A constant expression's value (no imported globals: the engine links none). */
    long eval(ConstExpr e) {
        return switch (e) {
            case ConstExpr.I32Const c -> Values.i32(c.value());
            case ConstExpr.I64Const c -> c.value();
            case ConstExpr.F32Const c -> c.bits() & 0xffff_ffffL;
            case ConstExpr.F64Const c -> c.bits();
            case ConstExpr.RefNull n -> Values.NULL_REF;
            case ConstExpr.RefFunc f -> f.funcIndex();
            case ConstExpr.GlobalGet g -> word(area.global(g.globalIndex()));
        };
    }

    /** Globals in the SPI's canonical encoding (i32 and f32 zero-extended). */
    long[] globals() {
        long[] out = new long[module.globals().size()];
        for (int g = 0; g < out.length; g++) {
            long v = word(area.global(module.importedGlobalCount() + g));
            ValType t = module.globals().get(g).type().type();
            out[g] = SlotValue.of(t, v);
        }
        return out;
    }

    List<long[]> tables() {
        List<long[]> out = new ArrayList<>();
        for (int t = tableImports(); t < area.tables().size(); t++) {
            AreaLayout.Region r = area.tables().get(t);
            long size = Math.max(0, Math.min(word(r.offset()), r.capacity())); // written by the sandbox
            long[] elems = new long[(int) size];
            for (int k = 0; k < size; k++) {
                elems[k] = word(r.elementsOffset() + 8 * k);
            }
            out.add(elems);
        }
        return out;
    }

    List<Integer> droppedData() {
        List<Integer> out = new ArrayList<>();
        for (int d = 0; d < module.data().size(); d++) {
            DataSegment s = module.data().get(d);
            if (!(s.mode() instanceof DataSegment.Passive) || (word(area.dataLengths()[d]) == 0 && s.length() != 0)) {
                out.add(d);
            }
        }
        return out;
    }

    List<Integer> droppedElements() {
        List<Integer> out = new ArrayList<>();
        for (int e = 0; e < module.elements().size(); e++) {
            ElementSegment s = module.elements().get(e);
            if (!(s.mode() instanceof ElementSegment.Passive)
                    || (word(area.elements().get(e).offset()) == 0 && !s.init().isEmpty())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Restores what {@link InstanceState} holds (the layout must fit: checked by the caller). */
    void restore(InstanceState state) {
        instantiate();
        for (int g = 0; g < state.globals().length; g++) {
            word(area.global(module.importedGlobalCount() + g), state.globals()[g]);
        }
        for (int t = 0; t < state.tables().size(); t++) {
            AreaLayout.Region r = area.tables().get(tableImports() + t);
            long[] elems = state.tables().get(t);
            word(r.offset(), elems.length);
            for (int k = 0; k < r.capacity(); k++) {
                word(r.elementsOffset() + 8 * k, k < elems.length ? elems[k] : Values.NULL_REF);
            }
        }
        for (int d = 0; d < module.data().size(); d++) {
            DataSegment s = module.data().get(d);
            boolean passive = s.mode() instanceof DataSegment.Passive;
            word(area.dataLengths()[d], passive && !state.droppedData().contains(d) ? s.length() : 0);
        }
        for (int e = 0; e < module.elements().size(); e++) {
            ElementSegment s = module.elements().get(e);
            boolean passive = s.mode() instanceof ElementSegment.Passive;
            word(area.elements().get(e).offset(),
                    passive && !state.droppedElements().contains(e) ? s.init().size() : 0);
        }
    }
}
