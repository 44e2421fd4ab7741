package gate.wasm.validate;

import gate.wasm.FuncType;
import gate.wasm.FunctionBody;
import gate.wasm.GlobalType;
import gate.wasm.InvalidModuleException;
import gate.wasm.LocalTypes;
import gate.wasm.TableType;
import gate.wasm.ValType;
import gate.wasm.WasmLimits;
import gate.wasm.code.BlockType;
import gate.wasm.code.CodeReader;
import gate.wasm.code.Opcode;
import java.util.Arrays;
import java.util.List;

/**
 * Validates function bodies (core spec §3.3 and the algorithm of appendix 7.3), decoding their
 * instructions on the way with {@link CodeReader}; malformed code therefore surfaces here as
 * {@link gate.wasm.MalformedModuleException}. One pass, no recursion: nesting lives in {@link
 * ValidationStacks}, whose size the limits bound.
 *
 * <p>Confined to one thread; reusable for all functions of one module.
 */
final class FunctionValidator {
    private static final List<ValType> NONE = List.of();
    private static final List<ValType>[] SINGLE = singles();

    private final ModuleContext context;
    private final ValidationStacks stacks;
    private final BulkValidator bulk;
    private CodeReader in;
    private List<ValType> params;
    private LocalTypes locals;
    private long localCount;

    /** Base of the validation work budget; the rest grows with the code size. */
    private static final long BASE_WORK = 8_000_000;
    /** Operand types per byte of code that the budget allows; ordinary code needs 2 to 4. */
    private static final long WORK_PER_BYTE = 16;

    FunctionValidator(ModuleContext context, WasmLimits limits) {
        this.context = context;
        this.stacks = new ValidationStacks(limits.operandStackHeight(), limits.nestingDepth());
        this.bulk = new BulkValidator(context, stacks);
        long codeBytes = 0;
        for (FunctionBody body : context.module.code()) {
            codeBytes += body.end() - body.codeStart();
        }
        stacks.budget(BASE_WORK + WORK_PER_BYTE * codeBytes);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<ValType>[] singles() {
        List<ValType>[] lists = new List[ValType.values().length];
        for (ValType t : ValType.values()) {
            lists[t.ordinal()] = List.of(t);
        }
        return lists;
    }

    /** Validates {@code body}, the code of a function of type {@code type}. */
    void validate(FunctionBody body, FuncType type) {
        in = new CodeReader(context.module.bytes(), body.codeStart(), body.end());
        params = type.params();
        List<ValType> declared = body.locals();
        locals = declared instanceof LocalTypes compact
                ? compact
                : LocalTypes.of(ones(declared), declared.toArray(ValType[]::new));
        localCount = (long) params.size() + locals.size();
        stacks.reset();
        stacks.offset = body.codeStart();
        stacks.pushFrame(Opcode.BLOCK, NONE, type.results());
        while (stacks.depth() > 0) {
            stacks.offset = in.position();
            instruction(in.opcode());
        }
        if (!in.atEnd()) {
            // the function's final end came before the end of its body (§5.5.13)
            throw CodeReader.malformed(in.position(), "section size mismatch: bytes after the end of the function");
        }
    }

    private static int[] ones(List<ValType> list) {
        int[] counts = new int[list.size()];
        Arrays.fill(counts, 1);
        return counts;
    }

    private InvalidModuleException invalid(String reason) {
        return stacks.invalid(reason);
    }

    private void instruction(Opcode op) {
        if (op.hasFixedType()) {
            if (op.isMemoryAccess()) {
                memoryAccess(op);
            } else {
                fixedImmediates(op);
            }
            stacks.popAll(op.params());
            stacks.pushAll(op.results());
            return;
        }
        switch (op) {
            case UNREACHABLE -> stacks.unreachable();
            case BLOCK, LOOP -> block(op);
            case IF -> {
                stacks.pop(ValType.I32);
                block(op);
            }
            case ELSE -> elseBranch();
            case END -> end();
            case BR -> {
                stacks.popAll(label(in.index()).labelTypes());
                stacks.unreachable();
            }
            case BR_IF -> {
                List<ValType> types = label(in.index()).labelTypes();
                stacks.pop(ValType.I32);
                stacks.popAll(types);
                stacks.pushAll(types);
            }
            case BR_TABLE -> brTable();
            case RETURN -> {
                stacks.popAll(stacks.frame(stacks.depth() - 1).endTypes);
                stacks.unreachable();
            }
            case CALL -> call(function(in.index()));
            case CALL_INDIRECT -> callIndirect();
            case DROP -> stacks.pop();
            case SELECT -> select();
            case SELECT_T -> selectTyped();
            case LOCAL_GET -> stacks.push(local(in.index()));
            case LOCAL_SET -> stacks.pop(local(in.index()));
            case LOCAL_TEE -> {
                ValType t = local(in.index());
                stacks.pop(t);
                stacks.push(t);
            }
            case GLOBAL_GET -> stacks.push(global(in.index()).type());
            case GLOBAL_SET -> {
                GlobalType g = global(in.index());
                if (!g.mutable()) {
                    throw invalid("global is immutable");
                }
                stacks.pop(g.type());
            }
            case TABLE_GET -> {
                TableType t = bulk.table(in.index());
                stacks.pop(ValType.I32);
                stacks.push(t.elementType());
            }
            case TABLE_SET -> {
                TableType t = bulk.table(in.index());
                stacks.pop(t.elementType());
                stacks.pop(ValType.I32);
            }
            case REF_NULL -> stacks.push(in.refType());
            case REF_IS_NULL -> {
                ValType t = stacks.pop();
                if (t != null && !t.isReference()) {
                    throw invalid("type mismatch: ref.is_null needs a reference, found " + t.text());
                }
                stacks.push(ValType.I32);
            }
            case REF_FUNC -> {
                int index = in.index();
                function(index);
                if (!context.declaredReferences.get(index)) {
                    throw invalid("undeclared function reference " + index);
                }
                stacks.push(ValType.FUNCREF);
            }
            default -> bulk.instruction(op, in);
        }
    }

    /** Immediates of fixed-type instructions other than loads and stores. */
    private void fixedImmediates(Opcode op) {
        switch (op.immediate) {
            case MEMORY -> {
                in.zeroByte();
                bulk.memory(0);
            }
            case TABLE -> bulk.table(in.index());
            case MEMORY_INIT, DATA, MEMORY_COPY, TABLE_INIT, ELEM, TABLE_COPY -> bulk.immediates(op, in);
            default -> in.skipImmediates(op);
        }
    }

    /** Loads and stores: memory 0 must exist and the alignment must not exceed natural (§3.3.7). */
    private void memoryAccess(Opcode op) {
        long align = in.u32Long();
        in.u32(); // the offset: any u32 is valid
        bulk.memory(0);
        if (align >= 32 || (1L << align) > op.accessSize()) {
            throw invalid("alignment must not be larger than natural (2^" + align + " > " + op.accessSize() + " for "
                    + op.text + ")");
        }
    }

    private void block(Opcode op) {
        int blockType = in.blockType();
        List<ValType> starts;
        List<ValType> ends;
        if (BlockType.isEmpty(blockType)) {
            starts = NONE;
            ends = NONE;
        } else if (BlockType.isTypeIndex(blockType)) {
            if (blockType >= context.types.size()) {
                throw invalid("unknown type " + blockType);
            }
            FuncType type = context.types.get(blockType);
            starts = type.params();
            ends = type.results();
        } else {
            starts = NONE;
            ends = SINGLE[BlockType.valueType(blockType).ordinal()];
        }
        stacks.popAll(starts);
        stacks.pushFrame(op, starts, ends);
    }

    private void elseBranch() {
        if (stacks.frame(0).opcode != Opcode.IF) {
            throw CodeReader.malformed(stacks.offset, "else without matching if");
        }
        ValidationStacks.Frame frame = stacks.popFrame();
        stacks.pushFrame(Opcode.ELSE, frame.startTypes, frame.endTypes);
    }

    private void end() {
        ValidationStacks.Frame frame = stacks.popFrame();
        // an if without else has an empty else branch, which must map its inputs to its results
        if (frame.opcode == Opcode.IF && !frame.startTypes.equals(frame.endTypes)) {
            throw invalid("type mismatch: if without else must leave its inputs " + frame.startTypes
                    + " as its results " + frame.endTypes);
        }
        if (stacks.depth() > 0) {
            stacks.pushAll(frame.endTypes);
        }
    }

    private ValidationStacks.Frame label(int label) {
        if (label < 0 || label >= stacks.depth()) {
            throw invalid("unknown label " + Integer.toUnsignedString(label));
        }
        return stacks.frame(label);
    }

    private void brTable() {
        int count = in.count(1, Integer.MAX_VALUE - 1, "branch targets");
        int targetsStart = in.position();
        for (int i = 0; i < count; i++) {
            in.u32();
        }
        ValidationStacks.Frame fallback = label(in.index());
        int end = in.position();
        stacks.pop(ValType.I32);
        int arity = fallback.labelTypes().size();
        in.position(targetsStart);
        List<ValType> checked = null;
        for (int i = 0; i < count; i++) {
            List<ValType> types = label(in.index()).labelTypes();
            if (types.size() != arity) {
                throw invalid("type mismatch: br_table targets have " + types.size() + " and " + arity + " values");
            }
            // popAndRestore is idempotent: the same types twice in a row need one check
            if (types != checked) {
                stacks.popAndRestore(types);
                checked = types;
            }
        }
        in.position(end);
        stacks.popAll(fallback.labelTypes());
        stacks.unreachable();
    }

    private FuncType function(int index) {
        if (index < 0 || index >= context.functions.length) {
            throw invalid("unknown function " + Integer.toUnsignedString(index));
        }
        return context.functions[index];
    }

    private void call(FuncType type) {
        stacks.popAll(type.params());
        stacks.pushAll(type.results());
    }

    private void callIndirect() {
        int typeIndex = in.index();
        TableType table = bulk.table(in.index());
        if (table.elementType() != ValType.FUNCREF) {
            throw invalid("type mismatch: call_indirect through a table of " + table.elementType().text());
        }
        if (typeIndex < 0 || typeIndex >= context.types.size()) {
            throw invalid("unknown type " + Integer.toUnsignedString(typeIndex));
        }
        stacks.pop(ValType.I32);
        call(context.types.get(typeIndex));
    }

    /** Untyped select works on numeric operands only (§3.3.2). */
    private void select() {
        stacks.pop(ValType.I32);
        ValType first = stacks.pop();
        ValType second = stacks.pop();
        if ((first != null && !first.isNumeric()) || (second != null && !second.isNumeric())) {
            throw invalid("type mismatch: select without type needs numeric operands");
        }
        if (first != null && second != null && first != second) {
            throw invalid("type mismatch: select operands are " + second.text() + " and " + first.text());
        }
        stacks.push(first != null ? first : second);
    }

    private void selectTyped() {
        // decoded without a temporary array: a crafted count could be millions
        int count = in.count(1, Integer.MAX_VALUE, "value types");
        ValType type = null;
        for (int i = 0; i < count; i++) {
            ValType t = in.valType();
            type = i == 0 ? t : type;
        }
        if (count != 1) {
            throw invalid("invalid result arity: select takes exactly one type, found " + count);
        }
        stacks.pop(ValType.I32);
        stacks.pop(type);
        stacks.pop(type);
        stacks.push(type);
    }

    private ValType local(int index) {
        if (index < 0 || index >= localCount) {
            throw invalid("unknown local " + Integer.toUnsignedString(index));
        }
        return index < params.size() ? params.get(index) : locals.get(index - params.size());
    }

    private GlobalType global(int index) {
        if (index < 0 || index >= context.globals.length) {
            throw invalid("unknown global " + Integer.toUnsignedString(index));
        }
        return context.globals[index];
    }
}
