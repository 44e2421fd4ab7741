package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gate.engine.Extern;
import gate.engine.GlobalExtern;
import gate.engine.HostFunction;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.MemoryExtern;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.engine.UnlinkableException;
import gate.wasm.FuncType;
import gate.wasm.GlobalType;
import gate.wasm.ValType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostCallTest {
    @Test
    void importedFunctionsAndGlobalsWork() throws Exception {
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        NativeEngine engine = new NativeEngine(TestPrograms.config(), new ProgramCache(cache.resolve("host-programs")));
        try {
            Program program = engine.compile(NativeEngineTest.module("host"));
            AtomicInteger calls = new AtomicInteger();
            GlobalExtern counter = engine.createGlobal(new GlobalType(ValType.I64, true), 40);
            Map<String, Extern> env = Map.of(
                    "twice", new HostFunction(new FuncType(List.of(ValType.I32), List.of(ValType.I32)),
                            (caller, args) -> {
                                calls.incrementAndGet();
                                return new long[] {(args[0] * 2) & 0xffff_ffffL};
                            }),
                    "poke", new HostFunction(new FuncType(List.of(ValType.I32), List.of()), (caller, args) -> {
                        MemoryExtern m = caller.memory();
                        m.write(args[0], new byte[] {42, 0, 0, 0}, 0, 4);
                        return new long[0];
                    }),
                    "base", engine.createGlobal(new GlobalType(ValType.I32, false), 1000),
                    "counter", counter);
            Imports imports = imp -> imp.module().equals("env") ? env.get(imp.name()) : null;
            try (Instance i = program.instantiate(imports, InstanceLimits.DEFAULT)) {
                // sum of 2k for k < 10 = 90, plus base
                assertArrayEquals(new long[] {1090}, i.invoke("calls", 10));
                assertEquals(10, calls.get());
                assertArrayEquals(new long[] {42}, i.invoke("poke_then_load"));
                assertArrayEquals(new long[] {41}, i.invoke("count"));
                assertEquals(41, counter.get());
                counter.set(100);
                assertArrayEquals(new long[] {101}, i.invoke("count"));
                assertEquals(5, ((GlobalExtern) i.export("g")).get());
                MemoryExtern mem = (MemoryExtern) i.export("mem");
                assertEquals(65536, mem.byteSize());
                byte[] b = new byte[1];
                mem.read(100, b, 0, 1);
                assertEquals(42, b[0]);
            }
            Imports throwing = imp -> imp.name().equals("twice")
                    ? new HostFunction(new FuncType(List.of(ValType.I32), List.of(ValType.I32)),
                            (caller, args) -> {
                                throw TrapException.exit(3);
                            })
                    : env.get(imp.name());
            try (Instance i = program.instantiate(throwing, InstanceLimits.DEFAULT)) {
                TrapException e = assertThrows(TrapException.class, () -> i.invoke("calls", 1));
                assertEquals(TrapId.EXIT, e.trap());
                assertEquals(3, e.exitCode());
            }
            assertThrows(UnlinkableException.class, () -> program.instantiate(Imports.NONE, InstanceLimits.DEFAULT));
        } finally {
            engine.close();
        }
    }
}
