package gate.interp;

import gate.engine.Values;
import gate.wasm.ConstExpr;

/**
 * Evaluates constant expressions (core spec §4.4.10 / §3.3.10) in an instance under construction.
 * The result is an internal slot; a funcref result is a handle of that instance.
 */
final class ConstEval {
    private ConstEval() {}

    static long eval(InterpInstance in, ConstExpr e) {
        return switch (e) {
            case ConstExpr.I32Const c -> c.value() & 0xffff_ffffL;
            case ConstExpr.I64Const c -> c.value();
            case ConstExpr.F32Const c -> c.bits() & 0xffff_ffffL;
            case ConstExpr.F64Const c -> c.bits();
            case ConstExpr.RefNull r -> Values.NULL_REF;
            case ConstExpr.RefFunc r -> r.funcIndex();
            case ConstExpr.GlobalGet g -> {
                GlobalCell cell = in.globals[g.globalIndex()];
                yield cell.isFuncref() ? in.handleOf(cell.ref) : cell.value;
            }
        };
    }

    /** A reference-typed constant as a table element ({@link FunctionRef} or boxed externref). */
    static Object evalRef(InterpInstance in, ConstExpr e, boolean funcref) {
        long slot = eval(in, e);
        if (funcref) {
            return in.refOf(slot);
        }
        return slot == Values.NULL_REF ? null : Long.valueOf(slot);
    }
}
