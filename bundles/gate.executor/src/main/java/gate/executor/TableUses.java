package gate.executor;

import gate.wasm.FunctionBody;
import gate.wasm.Module;
import gate.wasm.code.CodeReader;
import gate.wasm.code.Opcode;

/**
 * Which tables a module's code reads or writes element by element (table.get, table.set,
 * table.fill, table.copy, table.init) and which it calls through (call_indirect). An imported
 * table may hold functions this instance cannot represent (see {@link NativeRefs}); they are copied
 * in as null only into tables whose elements the code never reads or writes, so that the
 * placeholders can neither be observed nor overwritten unnoticed.
 */
record TableUses(boolean[] accessed, boolean[] called) {
    static TableUses of(Module module, int tables) {
        boolean[] accessed = new boolean[tables];
        boolean[] called = new boolean[tables];
        for (FunctionBody body : module.code()) {
            CodeReader in = new CodeReader(module.bytes(), body.codeStart(), body.end());
            while (!in.atEnd()) {
                Opcode op = in.opcode();
                switch (op) {
                    case TABLE_GET, TABLE_SET, TABLE_FILL -> mark(accessed, in.u32());
                    case TABLE_COPY -> {
                        mark(accessed, in.u32());
                        mark(accessed, in.u32());
                    }
                    case TABLE_INIT -> {
                        in.u32();
                        mark(accessed, in.u32());
                    }
                    case CALL_INDIRECT -> {
                        in.u32();
                        mark(called, in.u32());
                    }
                    default -> in.skipImmediates(op);
                }
            }
        }
        return new TableUses(accessed, called);
    }

    private static void mark(boolean[] set, int table) {
        if (table >= 0 && table < set.length) {
            set[table] = true;
        }
    }
}
