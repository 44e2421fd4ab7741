package gate.compiler.x86;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import gate.compiler.testing.NativeCode;
import gate.compiler.x86.enc.CodeBuffer;
import gate.compiler.x86.enc.NoOperand;
import gate.compiler.x86.enc.Reg;
import gate.compiler.x86.enc.RmReg;
import gate.compiler.x86.enc.Size;
import gate.compiler.x86.enc.Xmm;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every load and store run natively on a small linear memory, compared with the spec's
 * little-endian byte semantics (core §4.4.7) computed with a ByteBuffer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoryAccessTest {
    private static final int OFFSET = 5;
    private final Map<IntLoad, Integer> loads = new EnumMap<>(IntLoad.class);
    private final Map<IntStore, Integer> stores = new EnumMap<>(IntStore.class);
    private final Map<FloatAccess, Integer> copies = new EnumMap<>(FloatAccess.class);
    private NativeCode run;

    @BeforeAll
    void assemble() {
        Assumptions.assumeTrue(NativeCode.supported(), NativeCode.UNSUPPORTED);
        CodeBuffer code = new CodeBuffer();
        for (IntLoad load : IntLoad.values()) {
            loads.put(load, code.position());
            RmReg.MOV.regReg(code, Size.QWORD, Reg.R11, Reg.RSI); // garbage in the target
            load.emit(code, Reg.R11, LinearMemory.dynamic(Reg.RDI, OFFSET));
            RmReg.MOV.regReg(code, Size.QWORD, Reg.RAX, Reg.R11);
            NoOperand.RET.emit(code);
        }
        for (IntStore store : IntStore.values()) {
            stores.put(store, code.position());
            store.emit(code, LinearMemory.dynamic(Reg.RDI, OFFSET), Reg.RSI);
            NoOperand.RET.emit(code);
        }
        for (FloatAccess access : FloatAccess.values()) {
            // Copy a value from [rdi + 5] to [rsi + 5] through xmm6.
            copies.put(access, code.position());
            access.load(code, Xmm.XMM6, LinearMemory.dynamic(Reg.RDI, OFFSET));
            access.store(code, LinearMemory.dynamic(Reg.RSI, OFFSET), Xmm.XMM6);
            NoOperand.RET.emit(code);
        }
        run = NativeCode.load(code);
    }

    @AfterAll
    void unload() {
        if (run != null) {
            run.close();
        }
    }

    private static long expectedLoad(IntLoad load, ByteBuffer bytes, int at) {
        return switch (load) {
            case I32_LOAD, I64_LOAD32_U -> bytes.getInt(at) & 0xffffffffL;
            case I64_LOAD -> bytes.getLong(at);
            case I32_LOAD8_S -> bytes.get(at) & 0xffffffffL;
            case I32_LOAD8_U, I64_LOAD8_U -> bytes.get(at) & 0xffL;
            case I32_LOAD16_S -> bytes.getShort(at) & 0xffffffffL;
            case I32_LOAD16_U, I64_LOAD16_U -> bytes.getShort(at) & 0xffffL;
            case I64_LOAD8_S -> bytes.get(at);
            case I64_LOAD16_S -> bytes.getShort(at);
            case I64_LOAD32_S -> bytes.getInt(at);
        };
    }

    @Test
    void loads() {
        byte[] content = new byte[64];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (0x81 + 37 * i); // both signs
        }
        ByteBuffer expected = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        try (Memory memory = new Memory(content.length)) {
            memory.write(0, content, 0, content.length);
            long base = Pointer.nativeValue(memory);
            for (IntLoad load : IntLoad.values()) {
                for (int address = 0; address < 40; address += 3) {
                    int a = address;
                    assertEquals(expectedLoad(load, expected, address + OFFSET),
                            run.call(loads.get(load), address, 0xdeadbeefdeadbeefL, 0, base).rax(),
                            () -> load.wasmName() + " at " + a);
                }
            }
        }
    }

    @Test
    void stores() {
        long value = 0x8877665544332211L;
        for (IntStore store : IntStore.values()) {
            byte[] before = new byte[32];
            ByteBuffer expected = ByteBuffer.wrap(before.clone()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < store.size().bytes(); i++) {
                expected.put(3 + OFFSET + i, (byte) (value >>> (8 * i)));
            }
            try (Memory memory = new Memory(before.length)) {
                memory.write(0, before, 0, before.length);
                run.call(stores.get(store), 3, value, 0, Pointer.nativeValue(memory));
                assertArrayEquals(expected.array(), memory.getByteArray(0, before.length),
                        store.wasmName());
            }
        }
    }

    @Test
    void floatLoadsAndStoresKeepNanPayloads() {
        try (Memory memory = new Memory(64)) {
            memory.clear();
            memory.setLong(OFFSET, 0x7ff4000000000123L); // signalling NaN with a payload
            long base = Pointer.nativeValue(memory);
            run.call(copies.get(FloatAccess.F64), 0, 16, 0, base);
            assertEquals(0x7ff4000000000123L, memory.getLong(16 + OFFSET));
            memory.setInt(OFFSET, 0xff800321);
            run.call(copies.get(FloatAccess.F32), 0, 32, 0, base);
            assertEquals(0xff800321, memory.getInt(32 + OFFSET));
            assertEquals(0, memory.getInt(32 + OFFSET + 4), "an f32 store writes 4 bytes");
        }
    }
}
