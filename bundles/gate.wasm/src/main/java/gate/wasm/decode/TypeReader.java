package gate.wasm.decode;

import gate.wasm.FuncType;
import gate.wasm.GlobalType;
import gate.wasm.Limits;
import gate.wasm.MemoryType;
import gate.wasm.TableType;
import gate.wasm.ValType;
import gate.wasm.ValTypeList;
import gate.wasm.WasmLimits;
import gate.wasm.code.CodeReader;
import java.util.List;

/** Reads the type encodings of core spec §5.3 that sections share. */
final class TypeReader {
    private TypeReader() {}

    /** Function type (§5.3.6): {@code 0x60}, parameter vector, result vector. */
    static FuncType funcType(CodeReader in, WasmLimits limits) {
        int at = in.position();
        int form = in.u8();
        if (form >= 0x80) {
            // the reference interpreter reads the form as a one-byte signed LEB128 integer
            throw CodeReader.malformed(at, "integer representation too long: function type form 0x" + Integer.toHexString(form));
        }
        if (form != 0x60) {
            throw CodeReader.malformed(at, "malformed function type: expected 0x60, found 0x" + Integer.toHexString(form));
        }
        List<ValType> params = valTypes(in, limits.params(), "parameters");
        List<ValType> results = valTypes(in, limits.results(), "results");
        return new FuncType(params, results);
    }

    private static List<ValType> valTypes(CodeReader in, int max, String what) {
        int count = in.count(1, max, what);
        ValType[] types = new ValType[count];
        for (int i = 0; i < count; i++) {
            types[i] = in.valType();
        }
        return ValTypeList.of(types);
    }

    /** Limits (§5.3.7): flag 0 is {@code min}, flag 1 is {@code min max}; both u32. */
    static Limits limits(CodeReader in) {
        int at = in.position();
        int flag = in.u8();
        // the reference interpreter reads the flag as a one-bit LEB128 integer, hence its wording
        if (flag >= 0x80) {
            throw CodeReader.malformed(at, "integer representation too long: limits flag 0x" + Integer.toHexString(flag));
        }
        if (flag > 1) {
            throw CodeReader.malformed(at, "integer too large: limits flag 0x" + Integer.toHexString(flag) + " is not 0 or 1");
        }
        long min = in.u32Long();
        long max = flag == 1 ? in.u32Long() : Limits.NO_MAX;
        return new Limits(min, max);
    }

    /** Table type (§5.3.9): reference type then limits. */
    static TableType tableType(CodeReader in) {
        ValType element = in.refType();
        return new TableType(element, limits(in));
    }

    /** Memory type (§5.3.8). */
    static MemoryType memoryType(CodeReader in) {
        return new MemoryType(limits(in));
    }

    /** Global type (§5.3.10): value type then mutability 0 or 1. */
    static GlobalType globalType(CodeReader in) {
        ValType type = in.valType();
        int at = in.position();
        int mutability = in.u8();
        if (mutability > 1) {
            throw CodeReader.malformed(at, "malformed mutability 0x" + Integer.toHexString(mutability));
        }
        return new GlobalType(type, mutability == 1);
    }
}
