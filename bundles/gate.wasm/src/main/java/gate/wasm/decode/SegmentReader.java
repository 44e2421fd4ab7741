package gate.wasm.decode;

import gate.wasm.ConstExpr;
import gate.wasm.DataSegment;
import gate.wasm.ElementInits;
import gate.wasm.ElementSegment;
import gate.wasm.ResourceLimitException;
import gate.wasm.ValType;
import gate.wasm.WasmLimits;
import gate.wasm.code.CodeReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads element segments (core spec §5.5.12) and data segments (§5.5.14). */
final class SegmentReader {
    private final CodeReader in;
    private final ConstExprReader constExprs;
    private final WasmLimits limits;
    private long totalElements;

    SegmentReader(CodeReader in, ConstExprReader constExprs, WasmLimits limits) {
        this.in = in;
        this.constExprs = constExprs;
        this.limits = limits;
    }

    /**
     * An element segment. The flag's bits: 0 = passive or declarative (else active), 1 = explicit
     * table index (active) or declarative (otherwise), 2 = initialisers are expressions (else
     * function indexes with an element kind).
     */
    ElementSegment element() {
        int at = in.position();
        int flags = in.u32();
        if (flags < 0 || flags > 7) {
            throw CodeReader.malformed(at, "malformed elements segment kind " + Integer.toUnsignedString(flags));
        }
        boolean passiveOrDeclarative = (flags & 1) != 0;
        boolean explicitTable = (flags & 2) != 0 && !passiveOrDeclarative;
        boolean expressions = (flags & 4) != 0;
        ElementSegment.Mode mode;
        if (passiveOrDeclarative) {
            mode = (flags & 2) != 0 ? new ElementSegment.Declarative() : new ElementSegment.Passive();
        } else {
            int table = explicitTable ? in.index() : 0;
            mode = new ElementSegment.Active(table, constExprs.read());
        }
        ValType type;
        if (flags == 0 || flags == 4) {
            type = ValType.FUNCREF;
        } else if (expressions) {
            type = in.refType();
        } else {
            int kindAt = in.position();
            if (in.u8() != 0x00) {
                throw CodeReader.malformed(kindAt, "malformed element kind: only 0x00 (funcref) exists");
            }
            type = ValType.FUNCREF;
        }
        return new ElementSegment(type, expressions ? expressionInits(type) : functionIndexes(), mode);
    }

    private int elementCount(int minBytesEach) {
        int at = in.position();
        int count = in.count(minBytesEach, limits.elementSegmentSize(), "elements in one segment");
        totalElements += count;
        if (totalElements > limits.totalElements()) {
            throw new ResourceLimitException(at, "too many elements in all segments: " + totalElements
                    + " (limit " + limits.totalElements() + ")");
        }
        return count;
    }

    private List<ConstExpr> functionIndexes() {
        int count = elementCount(1);
        int[] indexes = new int[count];
        for (int i = 0; i < count; i++) {
            int index = in.index();
            // -1 would mean null to ElementInits; 2^32-1 is far beyond any function count anyway
            indexes[i] = index == -1 ? Integer.MAX_VALUE : index;
        }
        return ElementInits.adopt(indexes, ValType.FUNCREF);
    }

    private List<ConstExpr> expressionInits(ValType type) {
        int count = elementCount(2);
        int[] compact = new int[count];
        List<ConstExpr> general = null;
        for (int i = 0; i < count; i++) {
            ConstExpr expr = constExprs.read();
            if (general == null) {
                if (expr instanceof ConstExpr.RefFunc f && f.funcIndex() != -1) {
                    compact[i] = f.funcIndex();
                    continue;
                }
                if (expr instanceof ConstExpr.RefNull n && n.type() == type) {
                    compact[i] = -1;
                    continue;
                }
                general = new ArrayList<>(count);
                ElementInits sofar = ElementInits.adopt(Arrays.copyOf(compact, i), type);
                general.addAll(sofar);
            }
            general.add(expr);
        }
        return general == null ? ElementInits.adopt(compact, type) : general;
    }

    /** A data segment. Flag 0: active in memory 0; 1: passive; 2: active with a memory index. */
    DataSegment data() {
        int at = in.position();
        int flags = in.u32();
        DataSegment.Mode mode;
        switch (flags) {
            case 0 -> mode = new DataSegment.Active(0, constExprs.read());
            case 1 -> mode = new DataSegment.Passive();
            case 2 -> {
                int memory = in.index();
                mode = new DataSegment.Active(memory, constExprs.read());
            }
            default -> throw CodeReader.malformed(at, "malformed data segment kind " + Integer.toUnsignedString(flags));
        }
        int lengthAt = in.position();
        long length = in.u32Long();
        if (length > in.remaining()) {
            throw CodeReader.malformed(lengthAt, "unexpected end of section or function: data segment of "
                    + length + " bytes, " + in.remaining() + " left");
        }
        if (length > limits.dataSegmentSize()) {
            throw new ResourceLimitException(lengthAt, "data segment too large: " + length + " bytes (limit "
                    + limits.dataSegmentSize() + ")");
        }
        int offset = in.position();
        in.skip((int) length);
        return new DataSegment(offset, (int) length, mode);
    }
}
