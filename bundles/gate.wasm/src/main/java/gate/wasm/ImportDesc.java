package gate.wasm;

/** What an import expects from its provider (core spec §2.5.11). */
public sealed interface ImportDesc {
    ExternKind kind();

    record Func(int typeIndex) implements ImportDesc {
        public ExternKind kind() {
            return ExternKind.FUNC;
        }
    }

    record Table(TableType type) implements ImportDesc {
        public ExternKind kind() {
            return ExternKind.TABLE;
        }
    }

    record Memory(MemoryType type) implements ImportDesc {
        public ExternKind kind() {
            return ExternKind.MEMORY;
        }
    }

    record Global(GlobalType type) implements ImportDesc {
        public ExternKind kind() {
            return ExternKind.GLOBAL;
        }
    }
}
