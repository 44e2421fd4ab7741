package gate.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactListsTest {
    @Test
    void localTypesExpandRuns() {
        LocalTypes locals = LocalTypes.of(new int[] {2, 0, 1, 3}, new ValType[] {ValType.I32, ValType.F32, ValType.I64, ValType.F64});
        assertEquals(List.of(ValType.I32, ValType.I32, ValType.I64, ValType.F64, ValType.F64, ValType.F64),
                new ArrayList<>(locals));
        assertEquals(6, locals.size());
        assertThrows(IndexOutOfBoundsException.class, () -> locals.get(6));
        assertEquals(3, locals.runCount()); // the empty run is dropped
        assertEquals(0, LocalTypes.of(new int[] {0, 0}, new ValType[] {ValType.I32, ValType.I64}).size());
        FunctionBody body = new FunctionBody(0, 1, 2, locals);
        assertSame(locals, body.locals());
    }

    @Test
    void elementInitsAreConstExprs() {
        ElementInits inits = ElementInits.adopt(new int[] {3, -1}, ValType.FUNCREF);
        assertEquals(List.of(new ConstExpr.RefFunc(3), new ConstExpr.RefNull(ValType.FUNCREF)), List.copyOf(inits));
        ElementSegment segment = new ElementSegment(ValType.FUNCREF, inits, new ElementSegment.Passive());
        assertSame(inits, segment.init());
    }

    @Test
    void valTypeListsEqualOrdinaryLists() {
        ValTypeList params = ValTypeList.of(ValType.I32, ValType.EXTERNREF);
        assertEquals(List.of(ValType.I32, ValType.EXTERNREF), params);
        assertEquals(List.of(ValType.I32, ValType.EXTERNREF).hashCode(), params.hashCode());
        FuncType type = new FuncType(params, List.of());
        assertSame(params, type.params());
        assertEquals(new FuncType(List.of(ValType.I32, ValType.EXTERNREF), List.of()), type);
        assertThrows(UnsupportedOperationException.class, () -> type.params().add(ValType.F64));
    }
}
