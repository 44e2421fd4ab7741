package gate.wasm.validate;

import gate.wasm.InvalidModuleException;
import gate.wasm.MemoryType;
import gate.wasm.TableType;
import gate.wasm.ValType;
import gate.wasm.code.CodeReader;
import gate.wasm.decode.BodyScanner;
import gate.wasm.code.Opcode;

/**
 * Index checks of memory, table and segment instructions (core spec §3.3.5-3.3.7, bulk memory and
 * reference types), shared by {@link FunctionValidator}.
 */
final class BulkValidator {
    private final ModuleContext context;
    private final ValidationStacks stacks;

    BulkValidator(ModuleContext context, ValidationStacks stacks) {
        this.context = context;
        this.stacks = stacks;
    }

    private InvalidModuleException invalid(String reason) {
        return stacks.invalid(reason);
    }

    TableType table(int index) {
        if (index < 0 || index >= context.tables.length) {
            throw invalid("unknown table " + Integer.toUnsignedString(index));
        }
        return context.tables[index];
    }

    MemoryType memory(int index) {
        if (index < 0 || index >= context.memories.length) {
            throw invalid("unknown memory " + index);
        }
        return context.memories[index];
    }

    private ValType element(int index) {
        if (index < 0 || index >= context.module.elements().size()) {
            throw invalid("unknown elem segment " + Integer.toUnsignedString(index));
        }
        return context.module.elements().get(index).type();
    }

    private void requireDataCount(int at) {
        if (BodyScanner.lacksDataCount(context.module)) {
            throw CodeReader.malformed(at, "data count section required");
        }
    }

    private void data(int index) {
        int count = Math.max(context.module.dataCount(), 0);
        if (index < 0 || index >= count) {
            throw invalid("unknown data segment " + Integer.toUnsignedString(index));
        }
    }

    /** Reads and checks the immediates of the fixed-type bulk instructions. */
    void immediates(Opcode op, CodeReader in) {
        int at = stacks.offset;
        switch (op) {
            case MEMORY_INIT -> {
                int index = in.index();
                in.zeroByte();
                requireDataCount(at);
                memory(0);
                data(index);
            }
            case DATA_DROP -> {
                int index = in.index();
                requireDataCount(at);
                data(index);
            }
            case MEMORY_COPY -> {
                in.zeroByte();
                in.zeroByte();
                memory(0);
            }
            case TABLE_INIT -> {
                int segment = in.index();
                TableType table = table(in.index());
                if (element(segment) != table.elementType()) {
                    throw invalid("type mismatch: table.init of " + element(segment).text() + " into a table of "
                            + table.elementType().text());
                }
            }
            case ELEM_DROP -> element(in.index());
            case TABLE_COPY -> {
                TableType destination = table(in.index());
                TableType source = table(in.index());
                if (destination.elementType() != source.elementType()) {
                    throw invalid("type mismatch: table.copy from " + source.elementType().text() + " to "
                            + destination.elementType().text());
                }
            }
            default -> throw new IllegalArgumentException(op.text);
        }
    }

    /** Validates the table instructions whose type depends on the table. */
    void instruction(Opcode op, CodeReader in) {
        switch (op) {
            case TABLE_GROW -> {
                TableType t = table(in.index());
                stacks.pop(ValType.I32);
                stacks.pop(t.elementType());
                stacks.push(ValType.I32);
            }
            case TABLE_FILL -> {
                TableType t = table(in.index());
                stacks.pop(ValType.I32);
                stacks.pop(t.elementType());
                stacks.pop(ValType.I32);
            }
            default -> throw new IllegalStateException("no validation rule for " + op.text);
        }
    }
}
