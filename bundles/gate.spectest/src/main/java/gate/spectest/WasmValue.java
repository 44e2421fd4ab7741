package gate.spectest;

import java.util.List;
import java.util.Map;

/**
 * One entry of a command's {@code args} or {@code expected} list as {@code wast2json} writes it:
 * a type name and the value as a string (bit pattern in unsigned decimal, {@code nan:canonical},
 * {@code nan:arithmetic}, {@code null}), or lanes for {@code v128}.
 *
 * @param value null when only the type is given (assert_trap results) or for v128
 * @param lanes the lanes of a v128 value, else empty
 */
record WasmValue(String type, String value, List<String> lanes) {
    WasmValue {
        lanes = List.copyOf(lanes);
    }

    static WasmValue from(Object json) {
        Map<?, ?> map = (Map<?, ?>) json;
        Object v = map.get("value");
        if (v instanceof List<?> list) {
            return new WasmValue((String) map.get("type"), null, list.stream().map(String::valueOf).toList());
        }
        return new WasmValue((String) map.get("type"), v == null ? null : String.valueOf(v), List.of());
    }

    /** True for 128-bit SIMD values, which this runner does not execute. */
    boolean isSimd() {
        return "v128".equals(type);
    }

    @Override
    public String toString() {
        return type + ":" + (isSimd() ? lanes : value);
    }
}
