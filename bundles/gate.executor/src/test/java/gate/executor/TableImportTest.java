package gate.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gate.engine.Extern;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.Program;
import gate.engine.TableExtern;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.engine.UnlinkableException;
import gate.engine.Values;
import gate.wasm.Limits;
import gate.wasm.TableType;
import gate.wasm.ValType;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Imported tables: copied into the instance before each run and back after it. */
class TableImportTest {
    private static NativeEngine engine;

    @BeforeAll
    static void setUp() throws Exception {
        Path cache = Path.of(System.getProperty("gate.test.cache", "target/test-cache"));
        engine = new NativeEngine(TestPrograms.config(), new ProgramCache(cache.resolve("table-programs")));
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    private static Program program(String name) throws Exception {
        return engine.compile(NativeEngineTest.module(name));
    }

    @Test
    void tableOfAnotherInstance() throws Exception {
        try (Instance owner = program("tabowner").instantiate(imp -> null, InstanceLimits.DEFAULT)) {
            assertArrayEquals(new long[] {7}, owner.invoke("seven"));
            assertArrayEquals(new long[] {7}, ((gate.engine.FunctionExtern) owner.export("seven")).call());
            Imports fromOwner = imp -> owner.export(imp.name());
            try (Instance user = program("tabuser").instantiate(fromOwner, InstanceLimits.DEFAULT)) {
                assertArrayEquals(new long[] {7}, user.invoke("direct"));
                // call_indirect through the imported table reaches the owner's function (imported by the user too)
                assertArrayEquals(new long[] {7}, user.invoke("call", 0));
                assertThrows(TrapException.class, () -> user.invoke("call", 1));
                // table.grow in the user is seen by the owner
                assertArrayEquals(new long[] {4}, user.invoke("grow", 3));
                assertArrayEquals(new long[] {7}, owner.invoke("size"));
                assertEquals(7, ((TableExtern) owner.export("tab")).size());
                // table.set in the user, call_indirect in the owner
                user.invoke("put-seven", 5);
                assertArrayEquals(new long[] {7}, owner.invoke("call", 5));
                // an importer's own function in the owner's table: the owner and the user call it as a
                // foreign function (through the host); table.set works on a table that holds one
                try (Instance self = program("tabself").instantiate(fromOwner, InstanceLimits.DEFAULT)) {
                    assertArrayEquals(new long[] {5}, self.invoke("call", 1));
                    assertArrayEquals(new long[] {5}, owner.invoke("call", 1));
                    assertArrayEquals(new long[] {5}, user.invoke("call", 1));
                    // not representable in an engine-neutral state
                    assertThrows(ForeignFunctionException.class, () -> owner.captureState());
                    assertArrayEquals(new long[] {7}, owner.invoke("call", 0));
                    user.invoke("clear", 0);
                    assertEquals(TrapId.NO_FUNCTION, assertThrows(TrapException.class, () -> owner.invoke("call", 0)).trap());
                    assertArrayEquals(new long[] {5}, owner.invoke("call", 1));
                }
            }
        }
    }

    @Test
    void hostTable() throws Exception {
        TableExtern table = engine.createTable(new TableType(ValType.FUNCREF, new Limits(2, 10)));
        Program self = program("tabself");
        try (Instance a = self.instantiate(imp -> table, InstanceLimits.DEFAULT)) {
            assertArrayEquals(new long[] {5}, a.invoke("call", 1));
            assertArrayEquals(new long[] {2}, a.invoke("grow", 2));
            assertEquals(4, table.size());
            assertEquals(4, table.grow(1, Values.NULL_REF));
            assertEquals(TrapId.NO_FUNCTION, assertThrows(TrapException.class, () -> a.invoke("call", 4)).trap());
            assertEquals(TrapId.INDIRECT_CALL_INDEX_OUT_OF_BOUNDS,
                    assertThrows(TrapException.class, () -> a.invoke("call", 5)).trap());
            // beyond the host table's maximum of 10: compiled code checks the import's capacity (documented limit)
            assertThrows(gate.wasm.ResourceLimitException.class, () -> a.invoke("grow", 6));
            assertEquals(5, table.size());
            assertArrayEquals(new long[] {5}, a.invoke("call", 1));
            // b puts its own function where a's was: a calls b's function as a foreign function
            try (Instance b = self.instantiate(imp -> table, InstanceLimits.DEFAULT)) {
                assertArrayEquals(new long[] {5}, b.invoke("call", 1));
                assertArrayEquals(new long[] {5}, a.invoke("call", 1));
                assertEquals(TrapId.NO_FUNCTION, assertThrows(TrapException.class, () -> a.invoke("call", 4)).trap());
                assertArrayEquals(new long[] {5}, b.invoke("call", 1));
                assertEquals(5, table.size());
            }
        }
    }

    @Test
    void incompatibleTablesAreUnlinkable() throws Exception {
        Program self = program("tabself");
        Extern externs = engine.createTable(new TableType(ValType.EXTERNREF, new Limits(2, 10)));
        Extern small = engine.createTable(new TableType(ValType.FUNCREF, new Limits(1, 10)));
        assertThrows(UnlinkableException.class, () -> self.instantiate(imp -> externs, InstanceLimits.DEFAULT));
        assertThrows(UnlinkableException.class, () -> self.instantiate(imp -> small, InstanceLimits.DEFAULT));
        // larger than the 1024 elements the module (no maximum) reserved for it
        Extern large = engine.createTable(new TableType(ValType.FUNCREF, new Limits(2000, Limits.NO_MAX)));
        assertThrows(gate.wasm.ResourceLimitException.class, () -> self.instantiate(imp -> large, InstanceLimits.DEFAULT));
    }
}
