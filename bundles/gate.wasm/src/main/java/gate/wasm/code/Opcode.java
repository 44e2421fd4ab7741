package gate.wasm.code;

import gate.wasm.ValType;
import java.util.List;

/**
 * Every instruction of WebAssembly 2.0 except SIMD (core spec §5.4), the one table of opcodes
 * that the decoder, the validator and the engines share: encoding, text name, immediate layout and,
 * for instructions with a fixed type, the operand and result types (core spec §3.3).
 *
 * <p>Instructions whose type depends on immediates or on the stack (control, calls, locals,
 * globals, tables, {@code select}, {@code drop}, references) have {@link #hasFixedType()} false;
 * the validator types them one by one.
 */
public enum Opcode {
    UNREACHABLE(0x00, 0x00, "unreachable", ImmediateKind.NONE, null),
    NOP(0x00, 0x01, "nop", ImmediateKind.NONE, ":"),
    BLOCK(0x00, 0x02, "block", ImmediateKind.BLOCK_TYPE, null),
    LOOP(0x00, 0x03, "loop", ImmediateKind.BLOCK_TYPE, null),
    IF(0x00, 0x04, "if", ImmediateKind.BLOCK_TYPE, null),
    ELSE(0x00, 0x05, "else", ImmediateKind.NONE, null),
    END(0x00, 0x0B, "end", ImmediateKind.NONE, null),
    BR(0x00, 0x0C, "br", ImmediateKind.LABEL, null),
    BR_IF(0x00, 0x0D, "br_if", ImmediateKind.LABEL, null),
    BR_TABLE(0x00, 0x0E, "br_table", ImmediateKind.BR_TABLE, null),
    RETURN(0x00, 0x0F, "return", ImmediateKind.NONE, null),
    CALL(0x00, 0x10, "call", ImmediateKind.FUNCTION, null),
    CALL_INDIRECT(0x00, 0x11, "call_indirect", ImmediateKind.CALL_INDIRECT, null),
    DROP(0x00, 0x1A, "drop", ImmediateKind.NONE, null),
    SELECT(0x00, 0x1B, "select", ImmediateKind.NONE, null),
    SELECT_T(0x00, 0x1C, "select", ImmediateKind.VALUE_TYPES, null),
    LOCAL_GET(0x00, 0x20, "local.get", ImmediateKind.LOCAL, null),
    LOCAL_SET(0x00, 0x21, "local.set", ImmediateKind.LOCAL, null),
    LOCAL_TEE(0x00, 0x22, "local.tee", ImmediateKind.LOCAL, null),
    GLOBAL_GET(0x00, 0x23, "global.get", ImmediateKind.GLOBAL, null),
    GLOBAL_SET(0x00, 0x24, "global.set", ImmediateKind.GLOBAL, null),
    TABLE_GET(0x00, 0x25, "table.get", ImmediateKind.TABLE, null),
    TABLE_SET(0x00, 0x26, "table.set", ImmediateKind.TABLE, null),
    I32_LOAD(0x00, 0x28, "i32.load", ImmediateKind.MEMARG, "i:i"),
    I64_LOAD(0x00, 0x29, "i64.load", ImmediateKind.MEMARG, "i:I"),
    F32_LOAD(0x00, 0x2A, "f32.load", ImmediateKind.MEMARG, "i:f"),
    F64_LOAD(0x00, 0x2B, "f64.load", ImmediateKind.MEMARG, "i:F"),
    I32_LOAD8_S(0x00, 0x2C, "i32.load8_s", ImmediateKind.MEMARG, "i:i"),
    I32_LOAD8_U(0x00, 0x2D, "i32.load8_u", ImmediateKind.MEMARG, "i:i"),
    I32_LOAD16_S(0x00, 0x2E, "i32.load16_s", ImmediateKind.MEMARG, "i:i"),
    I32_LOAD16_U(0x00, 0x2F, "i32.load16_u", ImmediateKind.MEMARG, "i:i"),
    I64_LOAD8_S(0x00, 0x30, "i64.load8_s", ImmediateKind.MEMARG, "i:I"),
    I64_LOAD8_U(0x00, 0x31, "i64.load8_u", ImmediateKind.MEMARG, "i:I"),
    I64_LOAD16_S(0x00, 0x32, "i64.load16_s", ImmediateKind.MEMARG, "i:I"),
    I64_LOAD16_U(0x00, 0x33, "i64.load16_u", ImmediateKind.MEMARG, "i:I"),
    I64_LOAD32_S(0x00, 0x34, "i64.load32_s", ImmediateKind.MEMARG, "i:I"),
    I64_LOAD32_U(0x00, 0x35, "i64.load32_u", ImmediateKind.MEMARG, "i:I"),
    I32_STORE(0x00, 0x36, "i32.store", ImmediateKind.MEMARG, "ii:"),
    I64_STORE(0x00, 0x37, "i64.store", ImmediateKind.MEMARG, "iI:"),
    F32_STORE(0x00, 0x38, "f32.store", ImmediateKind.MEMARG, "if:"),
    F64_STORE(0x00, 0x39, "f64.store", ImmediateKind.MEMARG, "iF:"),
    I32_STORE8(0x00, 0x3A, "i32.store8", ImmediateKind.MEMARG, "ii:"),
    I32_STORE16(0x00, 0x3B, "i32.store16", ImmediateKind.MEMARG, "ii:"),
    I64_STORE8(0x00, 0x3C, "i64.store8", ImmediateKind.MEMARG, "iI:"),
    I64_STORE16(0x00, 0x3D, "i64.store16", ImmediateKind.MEMARG, "iI:"),
    I64_STORE32(0x00, 0x3E, "i64.store32", ImmediateKind.MEMARG, "iI:"),
    MEMORY_SIZE(0x00, 0x3F, "memory.size", ImmediateKind.MEMORY, ":i"),
    MEMORY_GROW(0x00, 0x40, "memory.grow", ImmediateKind.MEMORY, "i:i"),
    I32_CONST(0x00, 0x41, "i32.const", ImmediateKind.I32, ":i"),
    I64_CONST(0x00, 0x42, "i64.const", ImmediateKind.I64, ":I"),
    F32_CONST(0x00, 0x43, "f32.const", ImmediateKind.F32, ":f"),
    F64_CONST(0x00, 0x44, "f64.const", ImmediateKind.F64, ":F"),
    I32_EQZ(0x00, 0x45, "i32.eqz", ImmediateKind.NONE, "i:i"),
    I32_EQ(0x00, 0x46, "i32.eq", ImmediateKind.NONE, "ii:i"),
    I32_NE(0x00, 0x47, "i32.ne", ImmediateKind.NONE, "ii:i"),
    I32_LT_S(0x00, 0x48, "i32.lt_s", ImmediateKind.NONE, "ii:i"),
    I32_LT_U(0x00, 0x49, "i32.lt_u", ImmediateKind.NONE, "ii:i"),
    I32_GT_S(0x00, 0x4A, "i32.gt_s", ImmediateKind.NONE, "ii:i"),
    I32_GT_U(0x00, 0x4B, "i32.gt_u", ImmediateKind.NONE, "ii:i"),
    I32_LE_S(0x00, 0x4C, "i32.le_s", ImmediateKind.NONE, "ii:i"),
    I32_LE_U(0x00, 0x4D, "i32.le_u", ImmediateKind.NONE, "ii:i"),
    I32_GE_S(0x00, 0x4E, "i32.ge_s", ImmediateKind.NONE, "ii:i"),
    I32_GE_U(0x00, 0x4F, "i32.ge_u", ImmediateKind.NONE, "ii:i"),
    I64_EQZ(0x00, 0x50, "i64.eqz", ImmediateKind.NONE, "I:i"),
    I64_EQ(0x00, 0x51, "i64.eq", ImmediateKind.NONE, "II:i"),
    I64_NE(0x00, 0x52, "i64.ne", ImmediateKind.NONE, "II:i"),
    I64_LT_S(0x00, 0x53, "i64.lt_s", ImmediateKind.NONE, "II:i"),
    I64_LT_U(0x00, 0x54, "i64.lt_u", ImmediateKind.NONE, "II:i"),
    I64_GT_S(0x00, 0x55, "i64.gt_s", ImmediateKind.NONE, "II:i"),
    I64_GT_U(0x00, 0x56, "i64.gt_u", ImmediateKind.NONE, "II:i"),
    I64_LE_S(0x00, 0x57, "i64.le_s", ImmediateKind.NONE, "II:i"),
    I64_LE_U(0x00, 0x58, "i64.le_u", ImmediateKind.NONE, "II:i"),
    I64_GE_S(0x00, 0x59, "i64.ge_s", ImmediateKind.NONE, "II:i"),
    I64_GE_U(0x00, 0x5A, "i64.ge_u", ImmediateKind.NONE, "II:i"),
    F32_EQ(0x00, 0x5B, "f32.eq", ImmediateKind.NONE, "ff:i"),
    F32_NE(0x00, 0x5C, "f32.ne", ImmediateKind.NONE, "ff:i"),
    F32_LT(0x00, 0x5D, "f32.lt", ImmediateKind.NONE, "ff:i"),
    F32_GT(0x00, 0x5E, "f32.gt", ImmediateKind.NONE, "ff:i"),
    F32_LE(0x00, 0x5F, "f32.le", ImmediateKind.NONE, "ff:i"),
    F32_GE(0x00, 0x60, "f32.ge", ImmediateKind.NONE, "ff:i"),
    F64_EQ(0x00, 0x61, "f64.eq", ImmediateKind.NONE, "FF:i"),
    F64_NE(0x00, 0x62, "f64.ne", ImmediateKind.NONE, "FF:i"),
    F64_LT(0x00, 0x63, "f64.lt", ImmediateKind.NONE, "FF:i"),
    F64_GT(0x00, 0x64, "f64.gt", ImmediateKind.NONE, "FF:i"),
    F64_LE(0x00, 0x65, "f64.le", ImmediateKind.NONE, "FF:i"),
    F64_GE(0x00, 0x66, "f64.ge", ImmediateKind.NONE, "FF:i"),
    I32_CLZ(0x00, 0x67, "i32.clz", ImmediateKind.NONE, "i:i"),
    I32_CTZ(0x00, 0x68, "i32.ctz", ImmediateKind.NONE, "i:i"),
    I32_POPCNT(0x00, 0x69, "i32.popcnt", ImmediateKind.NONE, "i:i"),
    I32_ADD(0x00, 0x6A, "i32.add", ImmediateKind.NONE, "ii:i"),
    I32_SUB(0x00, 0x6B, "i32.sub", ImmediateKind.NONE, "ii:i"),
    I32_MUL(0x00, 0x6C, "i32.mul", ImmediateKind.NONE, "ii:i"),
    I32_DIV_S(0x00, 0x6D, "i32.div_s", ImmediateKind.NONE, "ii:i"),
    I32_DIV_U(0x00, 0x6E, "i32.div_u", ImmediateKind.NONE, "ii:i"),
    I32_REM_S(0x00, 0x6F, "i32.rem_s", ImmediateKind.NONE, "ii:i"),
    I32_REM_U(0x00, 0x70, "i32.rem_u", ImmediateKind.NONE, "ii:i"),
    I32_AND(0x00, 0x71, "i32.and", ImmediateKind.NONE, "ii:i"),
    I32_OR(0x00, 0x72, "i32.or", ImmediateKind.NONE, "ii:i"),
    I32_XOR(0x00, 0x73, "i32.xor", ImmediateKind.NONE, "ii:i"),
    I32_SHL(0x00, 0x74, "i32.shl", ImmediateKind.NONE, "ii:i"),
    I32_SHR_S(0x00, 0x75, "i32.shr_s", ImmediateKind.NONE, "ii:i"),
    I32_SHR_U(0x00, 0x76, "i32.shr_u", ImmediateKind.NONE, "ii:i"),
    I32_ROTL(0x00, 0x77, "i32.rotl", ImmediateKind.NONE, "ii:i"),
    I32_ROTR(0x00, 0x78, "i32.rotr", ImmediateKind.NONE, "ii:i"),
    I64_CLZ(0x00, 0x79, "i64.clz", ImmediateKind.NONE, "I:I"),
    I64_CTZ(0x00, 0x7A, "i64.ctz", ImmediateKind.NONE, "I:I"),
    I64_POPCNT(0x00, 0x7B, "i64.popcnt", ImmediateKind.NONE, "I:I"),
    I64_ADD(0x00, 0x7C, "i64.add", ImmediateKind.NONE, "II:I"),
    I64_SUB(0x00, 0x7D, "i64.sub", ImmediateKind.NONE, "II:I"),
    I64_MUL(0x00, 0x7E, "i64.mul", ImmediateKind.NONE, "II:I"),
    I64_DIV_S(0x00, 0x7F, "i64.div_s", ImmediateKind.NONE, "II:I"),
    I64_DIV_U(0x00, 0x80, "i64.div_u", ImmediateKind.NONE, "II:I"),
    I64_REM_S(0x00, 0x81, "i64.rem_s", ImmediateKind.NONE, "II:I"),
    I64_REM_U(0x00, 0x82, "i64.rem_u", ImmediateKind.NONE, "II:I"),
    I64_AND(0x00, 0x83, "i64.and", ImmediateKind.NONE, "II:I"),
    I64_OR(0x00, 0x84, "i64.or", ImmediateKind.NONE, "II:I"),
    I64_XOR(0x00, 0x85, "i64.xor", ImmediateKind.NONE, "II:I"),
    I64_SHL(0x00, 0x86, "i64.shl", ImmediateKind.NONE, "II:I"),
    I64_SHR_S(0x00, 0x87, "i64.shr_s", ImmediateKind.NONE, "II:I"),
    I64_SHR_U(0x00, 0x88, "i64.shr_u", ImmediateKind.NONE, "II:I"),
    I64_ROTL(0x00, 0x89, "i64.rotl", ImmediateKind.NONE, "II:I"),
    I64_ROTR(0x00, 0x8A, "i64.rotr", ImmediateKind.NONE, "II:I"),
    F32_ABS(0x00, 0x8B, "f32.abs", ImmediateKind.NONE, "f:f"),
    F32_NEG(0x00, 0x8C, "f32.neg", ImmediateKind.NONE, "f:f"),
    F32_CEIL(0x00, 0x8D, "f32.ceil", ImmediateKind.NONE, "f:f"),
    F32_FLOOR(0x00, 0x8E, "f32.floor", ImmediateKind.NONE, "f:f"),
    F32_TRUNC(0x00, 0x8F, "f32.trunc", ImmediateKind.NONE, "f:f"),
    F32_NEAREST(0x00, 0x90, "f32.nearest", ImmediateKind.NONE, "f:f"),
    F32_SQRT(0x00, 0x91, "f32.sqrt", ImmediateKind.NONE, "f:f"),
    F32_ADD(0x00, 0x92, "f32.add", ImmediateKind.NONE, "ff:f"),
    F32_SUB(0x00, 0x93, "f32.sub", ImmediateKind.NONE, "ff:f"),
    F32_MUL(0x00, 0x94, "f32.mul", ImmediateKind.NONE, "ff:f"),
    F32_DIV(0x00, 0x95, "f32.div", ImmediateKind.NONE, "ff:f"),
    F32_MIN(0x00, 0x96, "f32.min", ImmediateKind.NONE, "ff:f"),
    F32_MAX(0x00, 0x97, "f32.max", ImmediateKind.NONE, "ff:f"),
    F32_COPYSIGN(0x00, 0x98, "f32.copysign", ImmediateKind.NONE, "ff:f"),
    F64_ABS(0x00, 0x99, "f64.abs", ImmediateKind.NONE, "F:F"),
    F64_NEG(0x00, 0x9A, "f64.neg", ImmediateKind.NONE, "F:F"),
    F64_CEIL(0x00, 0x9B, "f64.ceil", ImmediateKind.NONE, "F:F"),
    F64_FLOOR(0x00, 0x9C, "f64.floor", ImmediateKind.NONE, "F:F"),
    F64_TRUNC(0x00, 0x9D, "f64.trunc", ImmediateKind.NONE, "F:F"),
    F64_NEAREST(0x00, 0x9E, "f64.nearest", ImmediateKind.NONE, "F:F"),
    F64_SQRT(0x00, 0x9F, "f64.sqrt", ImmediateKind.NONE, "F:F"),
    F64_ADD(0x00, 0xA0, "f64.add", ImmediateKind.NONE, "FF:F"),
    F64_SUB(0x00, 0xA1, "f64.sub", ImmediateKind.NONE, "FF:F"),
    F64_MUL(0x00, 0xA2, "f64.mul", ImmediateKind.NONE, "FF:F"),
    F64_DIV(0x00, 0xA3, "f64.div", ImmediateKind.NONE, "FF:F"),
    F64_MIN(0x00, 0xA4, "f64.min", ImmediateKind.NONE, "FF:F"),
    F64_MAX(0x00, 0xA5, "f64.max", ImmediateKind.NONE, "FF:F"),
    F64_COPYSIGN(0x00, 0xA6, "f64.copysign", ImmediateKind.NONE, "FF:F"),
    I32_WRAP_I64(0x00, 0xA7, "i32.wrap_i64", ImmediateKind.NONE, "I:i"),
    I32_TRUNC_F32_S(0x00, 0xA8, "i32.trunc_f32_s", ImmediateKind.NONE, "f:i"),
    I32_TRUNC_F32_U(0x00, 0xA9, "i32.trunc_f32_u", ImmediateKind.NONE, "f:i"),
    I32_TRUNC_F64_S(0x00, 0xAA, "i32.trunc_f64_s", ImmediateKind.NONE, "F:i"),
    I32_TRUNC_F64_U(0x00, 0xAB, "i32.trunc_f64_u", ImmediateKind.NONE, "F:i"),
    I64_EXTEND_I32_S(0x00, 0xAC, "i64.extend_i32_s", ImmediateKind.NONE, "i:I"),
    I64_EXTEND_I32_U(0x00, 0xAD, "i64.extend_i32_u", ImmediateKind.NONE, "i:I"),
    I64_TRUNC_F32_S(0x00, 0xAE, "i64.trunc_f32_s", ImmediateKind.NONE, "f:I"),
    I64_TRUNC_F32_U(0x00, 0xAF, "i64.trunc_f32_u", ImmediateKind.NONE, "f:I"),
    I64_TRUNC_F64_S(0x00, 0xB0, "i64.trunc_f64_s", ImmediateKind.NONE, "F:I"),
    I64_TRUNC_F64_U(0x00, 0xB1, "i64.trunc_f64_u", ImmediateKind.NONE, "F:I"),
    F32_CONVERT_I32_S(0x00, 0xB2, "f32.convert_i32_s", ImmediateKind.NONE, "i:f"),
    F32_CONVERT_I32_U(0x00, 0xB3, "f32.convert_i32_u", ImmediateKind.NONE, "i:f"),
    F32_CONVERT_I64_S(0x00, 0xB4, "f32.convert_i64_s", ImmediateKind.NONE, "I:f"),
    F32_CONVERT_I64_U(0x00, 0xB5, "f32.convert_i64_u", ImmediateKind.NONE, "I:f"),
    F32_DEMOTE_F64(0x00, 0xB6, "f32.demote_f64", ImmediateKind.NONE, "F:f"),
    F64_CONVERT_I32_S(0x00, 0xB7, "f64.convert_i32_s", ImmediateKind.NONE, "i:F"),
    F64_CONVERT_I32_U(0x00, 0xB8, "f64.convert_i32_u", ImmediateKind.NONE, "i:F"),
    F64_CONVERT_I64_S(0x00, 0xB9, "f64.convert_i64_s", ImmediateKind.NONE, "I:F"),
    F64_CONVERT_I64_U(0x00, 0xBA, "f64.convert_i64_u", ImmediateKind.NONE, "I:F"),
    F64_PROMOTE_F32(0x00, 0xBB, "f64.promote_f32", ImmediateKind.NONE, "f:F"),
    I32_REINTERPRET_F32(0x00, 0xBC, "i32.reinterpret_f32", ImmediateKind.NONE, "f:i"),
    I64_REINTERPRET_F64(0x00, 0xBD, "i64.reinterpret_f64", ImmediateKind.NONE, "F:I"),
    F32_REINTERPRET_I32(0x00, 0xBE, "f32.reinterpret_i32", ImmediateKind.NONE, "i:f"),
    F64_REINTERPRET_I64(0x00, 0xBF, "f64.reinterpret_i64", ImmediateKind.NONE, "I:F"),
    I32_EXTEND8_S(0x00, 0xC0, "i32.extend8_s", ImmediateKind.NONE, "i:i"),
    I32_EXTEND16_S(0x00, 0xC1, "i32.extend16_s", ImmediateKind.NONE, "i:i"),
    I64_EXTEND8_S(0x00, 0xC2, "i64.extend8_s", ImmediateKind.NONE, "I:I"),
    I64_EXTEND16_S(0x00, 0xC3, "i64.extend16_s", ImmediateKind.NONE, "I:I"),
    I64_EXTEND32_S(0x00, 0xC4, "i64.extend32_s", ImmediateKind.NONE, "I:I"),
    REF_NULL(0x00, 0xD0, "ref.null", ImmediateKind.REF_TYPE, null),
    REF_IS_NULL(0x00, 0xD1, "ref.is_null", ImmediateKind.NONE, null),
    REF_FUNC(0x00, 0xD2, "ref.func", ImmediateKind.FUNCTION, null),
    I32_TRUNC_SAT_F32_S(0xFC, 0x00, "i32.trunc_sat_f32_s", ImmediateKind.NONE, "f:i"),
    I32_TRUNC_SAT_F32_U(0xFC, 0x01, "i32.trunc_sat_f32_u", ImmediateKind.NONE, "f:i"),
    I32_TRUNC_SAT_F64_S(0xFC, 0x02, "i32.trunc_sat_f64_s", ImmediateKind.NONE, "F:i"),
    I32_TRUNC_SAT_F64_U(0xFC, 0x03, "i32.trunc_sat_f64_u", ImmediateKind.NONE, "F:i"),
    I64_TRUNC_SAT_F32_S(0xFC, 0x04, "i64.trunc_sat_f32_s", ImmediateKind.NONE, "f:I"),
    I64_TRUNC_SAT_F32_U(0xFC, 0x05, "i64.trunc_sat_f32_u", ImmediateKind.NONE, "f:I"),
    I64_TRUNC_SAT_F64_S(0xFC, 0x06, "i64.trunc_sat_f64_s", ImmediateKind.NONE, "F:I"),
    I64_TRUNC_SAT_F64_U(0xFC, 0x07, "i64.trunc_sat_f64_u", ImmediateKind.NONE, "F:I"),
    MEMORY_INIT(0xFC, 0x08, "memory.init", ImmediateKind.MEMORY_INIT, "iii:"),
    DATA_DROP(0xFC, 0x09, "data.drop", ImmediateKind.DATA, ":"),
    MEMORY_COPY(0xFC, 0x0A, "memory.copy", ImmediateKind.MEMORY_COPY, "iii:"),
    MEMORY_FILL(0xFC, 0x0B, "memory.fill", ImmediateKind.MEMORY, "iii:"),
    TABLE_INIT(0xFC, 0x0C, "table.init", ImmediateKind.TABLE_INIT, "iii:"),
    ELEM_DROP(0xFC, 0x0D, "elem.drop", ImmediateKind.ELEM, ":"),
    TABLE_COPY(0xFC, 0x0E, "table.copy", ImmediateKind.TABLE_COPY, "iii:"),
    TABLE_GROW(0xFC, 0x0F, "table.grow", ImmediateKind.TABLE, null),
    TABLE_SIZE(0xFC, 0x10, "table.size", ImmediateKind.TABLE, ":i"),
    TABLE_FILL(0xFC, 0x11, "table.fill", ImmediateKind.TABLE, null);

    /** The prefix byte of the "miscellaneous" instructions (saturating truncation, bulk memory, tables). */
    public static final int MISC_PREFIX = 0xFC;
    /** The prefix byte of SIMD instructions, which Gate does not support. */
    public static final int SIMD_PREFIX = 0xFD;

    private static final Opcode[] SINGLE_BYTE = new Opcode[256];
    private static final Opcode[] MISC = new Opcode[18];

    static {
        for (Opcode op : values()) {
            if (op.prefix == 0) {
                SINGLE_BYTE[op.code] = op;
            } else {
                MISC[op.code] = op;
            }
        }
    }

    /** 0 for single-byte opcodes, else the prefix byte ({@link #MISC_PREFIX}). */
    public final int prefix;
    /** The opcode byte, or for prefixed instructions the u32 that follows the prefix. */
    public final int code;
    /** Name in the text format, e.g. {@code i32.add}. */
    public final String text;
    /** Layout of the immediates that follow the opcode. */
    public final ImmediateKind immediate;

    private final List<ValType> params;
    private final List<ValType> results;
    private final int accessSize;

    Opcode(int prefix, int code, String text, ImmediateKind immediate, String signature) {
        this.prefix = prefix;
        this.code = code;
        this.text = text;
        this.immediate = immediate;
        this.accessSize = immediate == ImmediateKind.MEMARG ? accessSizeOf(text) : 0;
        if (signature == null) {
            params = null;
            results = null;
        } else {
            int colon = signature.indexOf(':');
            params = types(signature.substring(0, colon));
            results = types(signature.substring(colon + 1));
        }
    }

    private static List<ValType> types(String letters) {
        ValType[] types = new ValType[letters.length()];
        for (int i = 0; i < types.length; i++) {
            types[i] = switch (letters.charAt(i)) {
                case 'i' -> ValType.I32;
                case 'I' -> ValType.I64;
                case 'f' -> ValType.F32;
                case 'F' -> ValType.F64;
                default -> throw new IllegalArgumentException(letters);
            };
        }
        return List.of(types);
    }

    /** The single-byte instruction {@code code} (0 to 255), or null if there is none. */
    public static Opcode ofByte(int code) {
        return code >= 0 && code < 256 ? SINGLE_BYTE[code] : null;
    }

    /** The {@code 0xFC}-prefixed instruction with this sub-opcode, or null if there is none. */
    public static Opcode ofMisc(long subOpcode) {
        return subOpcode >= 0 && subOpcode < MISC.length ? MISC[(int) subOpcode] : null;
    }

    /** True when {@link #params()} and {@link #results()} give this instruction's whole type. */
    public boolean hasFixedType() {
        return params != null;
    }

    /** Operand types popped, bottom first; only when {@link #hasFixedType()}. */
    public List<ValType> params() {
        return params;
    }

    /** Result types pushed; only when {@link #hasFixedType()}. */
    public List<ValType> results() {
        return results;
    }

    /** True for loads and stores, whose immediate is a {@link MemArg}. */
    public boolean isMemoryAccess() {
        return immediate == ImmediateKind.MEMARG;
    }

    /**
     * For loads and stores, the number of bytes accessed: the natural alignment is its log2 (core
     * spec §3.3.7).
     */
    public int accessSize() {
        if (accessSize == 0) {
            throw new IllegalStateException(text + " does not access memory");
        }
        return accessSize;
    }

    private static int accessSizeOf(String text) {
        String access = text.substring(text.indexOf('.') + 1);
        if (access.matches("(load|store)8.*")) {
            return 1;
        }
        if (access.matches("(load|store)16.*")) {
            return 2;
        }
        if (access.matches("(load|store)32.*") || text.startsWith("i32") || text.startsWith("f32")) {
            return 4;
        }
        return 8;
    }

    @Override
    public String toString() {
        return text;
    }
}
