package gate.spectest;

import gate.engine.Engine;
import gate.engine.Extern;
import gate.engine.FunctionExtern;
import gate.engine.GlobalExtern;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
import gate.engine.MemoryExtern;
import gate.engine.Program;
import gate.engine.TableExtern;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.FuncType;
import gate.wasm.GlobalType;
import gate.wasm.MemoryType;
import gate.wasm.Module;
import gate.wasm.TableType;
import gate.wasm.ValType;
import java.util.List;

/**
 * A test engine (name {@code fake}) whose instances export functions with scripted behaviour, to
 * test the runner's guards without a real engine: {@code seven} returns 7, {@code hang} spins until
 * interrupted, {@code stubborn} ignores interrupts for a while, {@code boom} throws an unchecked
 * exception, {@code deep} overflows the Java stack.
 */
public final class FakeEngine implements Engine {
    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Program compile(Module module) {
        return new FakeProgram(module);
    }

    @Override
    public MemoryExtern createMemory(MemoryType type) {
        return new MemoryExtern() {
            public MemoryType type() { return type; }
            public long byteSize() { return type.limits().min() * MemoryType.PAGE_SIZE; }
            public long grow(long pages) { return -1; }
            public void read(long address, byte[] dst, int offset, int length) { }
            public void write(long address, byte[] src, int offset, int length) { }
        };
    }

    @Override
    public TableExtern createTable(TableType type) {
        return new TableExtern() {
            public TableType type() { return type; }
            public long size() { return type.limits().min(); }
            public long grow(long delta, long init) { return -1; }
        };
    }

    @Override
    public GlobalExtern createGlobal(GlobalType type, long value) {
        return new GlobalExtern() {
            public GlobalType type() { return type; }
            public long get() { return value; }
            public void set(long v) { throw new IllegalStateException("immutable"); }
        };
    }

    private record FakeProgram(Module module) implements Program {
        public Instance instantiate(Imports imports, InstanceLimits limits) {
            return new FakeInstance(this);
        }

        public Instance restore(InstanceState state, Imports imports, InstanceLimits limits) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class FakeInstance implements Instance {
        private final Program program;
        private volatile TrapId interrupt;

        FakeInstance(Program program) {
            this.program = program;
        }

        public Program program() { return program; }

        public Extern export(String name) {
            FuncType type = FuncType.of(List.of(), List.of(ValType.I32));
            Instance self = this;
            return new FunctionExtern() {
                public FuncType type() { return type; }
                public long[] call(long... args) { return self.invoke(name, args); }
            };
        }

        public long[] invoke(String function, long... args) {
            switch (function) {
                case "seven":
                    return new long[] {7};
                case "hang":
                    while (interrupt == null) {
                        Thread.onSpinWait();
                    }
                    TrapId reason = interrupt;
                    interrupt = null;
                    throw new TrapException(reason);
                case "stubborn":
                    sleep(3000);
                    return new long[] {7};
                case "boom":
                    throw new IllegalStateException("engine bug");
                case "deep":
                    return deep(0);
                default:
                    throw new TrapException(TrapId.UNREACHABLE);
            }
        }

        private static long[] deep(int n) {
            return n < 0 ? new long[0] : deep(n + 1);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        public long[] resume() { throw new IllegalStateException(); }
        public boolean isSuspended() { return false; }
        public void interrupt(TrapId reason) { interrupt = reason; }
        public InstanceState captureState() { throw new IllegalStateException(); }
        public void close() { }
    }
}
