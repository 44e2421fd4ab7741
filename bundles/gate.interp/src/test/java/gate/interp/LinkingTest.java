package gate.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gate.engine.Extern;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.TrapException;
import gate.engine.TrapId;
import gate.engine.UnlinkableException;
import gate.wasm.Limits;
import gate.wasm.TableType;
import gate.wasm.ValType;
import org.junit.jupiter.api.Test;

/** Instances linked to each other: shared tables, imported functions, import type checks. */
class LinkingTest {
    private final Instance exporter = TestModules.instantiate("exporter");

    private Instance importer() {
        Imports imports = imp -> imp.module().equals("exporter") ? exporter.export(imp.name()) : null;
        return TestModules.compile("importer").instantiate(imports, InstanceLimits.DEFAULT);
    }

    @Test
    void callIndirectComparesTypesStructurallyAcrossModules() {
        Instance importer = importer();
        assertEquals(42, importer.invoke("call", 0)[0]);
        assertEquals(TrapId.INDIRECT_CALL_SIGNATURE_MISMATCH,
                assertThrows(TrapException.class, () -> importer.invoke("wrong-type", 0)).trap());
        assertEquals(43, importer.invoke("plus-imported")[0]);
    }

    @Test
    void functionsStoredInASharedTableStayCallableFromTheOtherInstance() {
        Instance importer = importer();
        importer.invoke("store-own");
        assertEquals(7, importer.invoke("call", 1)[0]);
    }

    @Test
    void importsAreCheckedForKindAndLimits() {
        Extern smallTable = TestModules.ENGINE.createTable(new TableType(ValType.FUNCREF, new Limits(1, 1)));
        Imports wrongLimits = imp -> imp.name().equals("table") ? smallTable : exporter.export(imp.name());
        assertThrows(UnlinkableException.class,
                () -> TestModules.compile("importer").instantiate(wrongLimits, InstanceLimits.DEFAULT));
        Imports wrongKind = imp -> exporter.export("f");
        assertThrows(UnlinkableException.class,
                () -> TestModules.compile("importer").instantiate(wrongKind, InstanceLimits.DEFAULT));
        UnlinkableException missing = assertThrows(UnlinkableException.class,
                () -> TestModules.compile("importer").instantiate(Imports.NONE, InstanceLimits.DEFAULT));
        assertEquals(true, missing.getMessage().startsWith("unknown import"));
    }
}
