package gate.executor;

import gate.engine.GlobalExtern;
import gate.engine.MemoryExtern;
import gate.engine.TableExtern;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.engine.Values;
import gate.wasm.GlobalType;
import gate.wasm.Limits;
import gate.wasm.MemoryType;
import gate.wasm.ResourceLimitException;
import gate.wasm.TableType;
import gate.wasm.ValType;
import java.util.Arrays;

/**
 * Host-owned memories, tables and globals of the native engine. Instances import globals (copied
 * in before and out after every execution, since an instance's globals live in its state memfd);
 * memories and tables are copied the same way (see {@link NativeInstance}).
 */
final class HostExterns {
    private HostExterns() {}

    /** A global: one value slot in canonical form. */
    static final class Global implements GlobalExtern {
        private final GlobalType type;
        private volatile long value;

        Global(GlobalType type, long value) {
            this.type = type;
            this.value = SlotValue.of(type.type(), value);
        }

        @Override
        public GlobalType type() {
            return type;
        }

        @Override
        public long get() {
            return value;
        }

        @Override
        public void set(long v) {
            if (!type.mutable()) {
                throw new IllegalStateException("global is immutable");
            }
            value = SlotValue.of(type.type(), v);
        }

        /** Written back by an instance after it ran (mutable imports). */
        void store(long v) {
            value = SlotValue.of(type.type(), v);
        }
    }

    /** A memory held in a Java array (at most 32767 pages). */
    static final class Memory implements MemoryExtern {
        private static final long MAX_PAGES = 32767;
        private final long declaredMax;
        private final long cap;
        private byte[] bytes;

        Memory(MemoryType type) {
            Limits l = type.limits();
            declaredMax = l.max();
            cap = l.hasMax() ? Math.min(MAX_PAGES, l.max()) : MAX_PAGES;
            if (l.min() > cap) {
                throw new ResourceLimitException(-1, "memory of " + l.min() + " pages exceeds " + cap + " pages");
            }
            bytes = new byte[Math.toIntExact(l.min() * MemoryType.PAGE_SIZE)];
        }

        @Override
        public synchronized MemoryType type() {
            return new MemoryType(new Limits(bytes.length / MemoryType.PAGE_SIZE, declaredMax));
        }

        @Override
        public synchronized long byteSize() {
            return bytes.length;
        }

        @Override
        public synchronized long grow(long pages) {
            long old = bytes.length / MemoryType.PAGE_SIZE;
            if (pages < 0 || old + pages > cap) {
                return -1;
            }
            bytes = Arrays.copyOf(bytes, Math.toIntExact((old + pages) * MemoryType.PAGE_SIZE));
            return old;
        }

        @Override
        public synchronized void read(long address, byte[] dst, int offset, int length) {
            check(address, length);
            System.arraycopy(bytes, (int) address, dst, offset, length);
        }

        @Override
        public synchronized void write(long address, byte[] src, int offset, int length) {
            check(address, length);
            System.arraycopy(src, offset, bytes, (int) address, length);
        }

        private void check(long address, int length) {
            if (address < 0 || length < 0 || address + length > bytes.length) {
                throw new TrapException(TrapId.MEMORY_ACCESS_OUT_OF_BOUNDS);
            }
        }
    }

    /** A table of canonical references (see {@link SharedTable}), shared by the instances importing it. */
    static final class Table implements SharedTable {
        private static final long MAX = 10_000_000;
        private final TableType type;
        private Object[] elements;

        Table(TableType type) {
            this.type = type;
            long min = type.limits().min();
            if (min > MAX) {
                throw new ResourceLimitException(-1, "table of " + min + " elements exceeds " + MAX);
            }
            elements = new Object[(int) min];
        }

        @Override
        public synchronized TableType type() {
            return new TableType(type.elementType(), new Limits(elements.length, type.limits().max()));
        }

        @Override
        public synchronized long size() {
            return elements.length;
        }

        @Override
        public long maxSize() {
            return type.limits().hasMax() ? Math.min(MAX, type.limits().max()) : MAX;
        }

        @Override
        public synchronized long grow(long delta, long init) {
            if (init != Values.NULL_REF && type.elementType() == ValType.FUNCREF) {
                throw new IllegalArgumentException("a host can only grow a funcref table with null");
            }
            long old = elements.length;
            if (delta < 0 || old + delta > maxSize()) {
                return -1;
            }
            elements = Arrays.copyOf(elements, (int) (old + delta));
            Arrays.fill(elements, (int) old, elements.length, init == Values.NULL_REF ? null : Long.valueOf(init));
            return old;
        }

        @Override
        public synchronized Object[] elements() {
            return elements.clone();
        }

        @Override
        public synchronized void store(Object[] elements) {
            if (elements.length < this.elements.length || elements.length > maxSize()) {
                throw new IllegalArgumentException("a table cannot shrink or exceed its maximum");
            }
            this.elements = elements.clone();
        }
    }
}
