package gate.executor;

import gate.compiler.CompiledProgram;
import gate.compiler.gen.AreaLayout;
import gate.engine.GlobalExtern;
import gate.engine.MemoryExtern;
import gate.engine.TableExtern;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.wasm.GlobalType;
import gate.wasm.Limits;
import gate.wasm.MemoryType;
import gate.wasm.Module;
import gate.wasm.TableType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Views of a native instance's own globals, memory and tables over its state memfd, for exports.
 * Usable while the instance does not execute (the SPI's rule for host access).
 */
final class InstanceExports {
    private final Module module;
    private final CompiledProgram compiled;
    private final StateFile state;
    private final NativeInstance instance;

    InstanceExports(Module module, CompiledProgram compiled, StateFile state, NativeInstance instance) {
        this.module = module;
        this.compiled = compiled;
        this.state = state;
        this.instance = instance;
    }

    private long readWord(long fileOffset) {
        try {
            return state.readWord(fileOffset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeWord(long fileOffset, long value) {
        try {
            state.writeWord(fileOffset, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long base() {
        return state.layout().memoryOffset();
    }

    GlobalExtern global(int index) {
        GlobalType type = module.globals().get(index - module.importedGlobalCount()).type();
        long at = base() + compiled.area().global(index);
        return new GlobalExtern() {
            @Override
            public GlobalType type() {
                return type;
            }

            @Override
            public long get() {
                return SlotValue.of(type.type(), readWord(at));
            }

            @Override
            public void set(long value) {
                if (!type.mutable()) {
                    throw new IllegalStateException("global is immutable");
                }
                writeWord(at, value);
            }
        };
    }

    MemoryExtern memory() {
        MemoryType declared = module.memories().get(0);
        return new MemoryExtern() {
            @Override
            public MemoryType type() {
                return new MemoryType(new Limits(instance.memoryPages(), declared.limits().max()));
            }

            @Override
            public long byteSize() {
                return (long) instance.memoryPages() * StateLayout.WASM_PAGE;
            }

            @Override
            public long grow(long pages) {
                long old = instance.memoryPages();
                if (pages < 0 || old + pages > state.layout().maxMemoryPages()) {
                    return -1;
                }
                instance.memoryPages((int) (old + pages));
                return old;
            }

            @Override
            public void read(long address, byte[] dst, int offset, int length) {
                check(address, length);
                try {
                    byte[] b = state.readMemory(address, length);
                    System.arraycopy(b, 0, dst, offset, length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void write(long address, byte[] src, int offset, int length) {
                check(address, length);
                try {
                    state.writeMemory(address, java.util.Arrays.copyOfRange(src, offset, offset + length));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            private void check(long address, int length) {
                if (address < 0 || length < 0 || address + length > byteSize()) {
                    throw new TrapException(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS);
                }
            }
        };
    }

    SharedTable table(int index) {
        AreaLayout.Region region = compiled.area().tables().get(index);
        TableType declared = module.tables().get(index - (compiled.area().tables().size() - module.tables().size()));
        long at = base() + region.offset();
        return new SharedTable() {
            @Override
            public long maxSize() {
                return declared.limits().hasMax() ? Math.min(declared.limits().max(), region.capacity()) : region.capacity();
            }

            @Override
            public Object[] elements() {
                long size = Math.max(0, Math.min(size(), region.capacity())); // written by the sandbox
                Object[] out = new Object[(int) size];
                java.util.Map<Integer, Object> foreign = instance.foreign(index);
                for (int k = 0; k < out.length; k++) {
                    long slot = readWord(base() + region.elementsOffset() + 8L * k);
                    Object placeholder = slot == gate.engine.Values.NULL_REF ? foreign.get(k) : null;
                    out[k] = placeholder != null ? placeholder : NativeRefs.canonical(instance, declared.elementType(), slot);
                }
                return out;
            }

            @Override
            public void store(Object[] elements) {
                if (elements.length > maxSize()) {
                    throw new IllegalArgumentException("table of " + elements.length + " exceeds " + maxSize());
                }
                ByteBuffer b = ByteBuffer.allocate(8 * elements.length).order(ByteOrder.LITTLE_ENDIAN);
                java.util.Map<Integer, Object> foreign = instance.foreign(index);
                foreign.clear();
                for (int k = 0; k < elements.length; k++) {
                    Long slot = NativeRefs.slotIfAny(instance, declared.elementType(), elements[k]);
                    if (slot == null) { // a function this instance cannot call: a placeholder (NativeInstance#foreign)
                        foreign.put(k, elements[k]);
                        slot = gate.engine.Values.NULL_REF;
                    }
                    b.putLong(slot);
                }
                try {
                    state.fd().pwriteFully(b.array(), base() + region.elementsOffset());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                writeWord(at, elements.length);
            }

            @Override
            public TableType type() {
                return new TableType(declared.elementType(), new Limits(size(), declared.limits().max()));
            }

            @Override
            public long size() {
                return readWord(at);
            }

            @Override
            public long grow(long delta, long init) {
                long old = size();
                long max = declared.limits().hasMax() ? Math.min(declared.limits().max(), region.capacity()) : region.capacity();
                if (delta < 0 || old + delta > max) {
                    return -1;
                }
                for (long k = old; k < old + delta; k++) {
                    writeWord(base() + region.elementsOffset() + 8 * k, init);
                }
                writeWord(at, old + delta);
                return old;
            }
        };
    }
}
