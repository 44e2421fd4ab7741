/*
 * A switch-dispatch bytecode interpreter: a small stack machine running a program that sums the
 * Collatz sequence lengths of 1..N.
 */
#include "bench.h"

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, DIV2, AND1, DUP, POP, JMP, JZ, JNZ, LT, EQ, HALT };

/*
 * Locals: 0 = n (outer counter), 1 = x (current value), 2 = total steps, 3 = limit. The program is
 * assembled at run time so that jump targets are computed, not hand-counted.
 */
static int code[128];

static int emit_at;
static void emit(int word) { code[emit_at++] = word; }

static void assemble(void) {
    emit_at = 0;
    emit(PUSH); emit(1); emit(STORE); emit(0);
    emit(PUSH); emit(0); emit(STORE); emit(2);
    int outer = emit_at;
    emit(LOAD); emit(0); emit(LOAD); emit(3); emit(LT); emit(JZ); int exit_fix = emit_at; emit(0);
    emit(LOAD); emit(0); emit(STORE); emit(1);
    int inner = emit_at;
    emit(LOAD); emit(1); emit(PUSH); emit(1); emit(EQ); emit(JNZ); int next_fix = emit_at; emit(0);
    emit(LOAD); emit(2); emit(PUSH); emit(1); emit(ADD); emit(STORE); emit(2);
    emit(LOAD); emit(1); emit(AND1); emit(JZ); int even_fix = emit_at; emit(0);
    emit(LOAD); emit(1); emit(PUSH); emit(3); emit(MUL); emit(PUSH); emit(1); emit(ADD);
    emit(JMP); int store_fix = emit_at; emit(0);
    code[even_fix] = emit_at;
    emit(LOAD); emit(1); emit(DIV2);
    code[store_fix] = emit_at;
    emit(STORE); emit(1); emit(JMP); emit(inner);
    code[next_fix] = emit_at;
    emit(LOAD); emit(0); emit(PUSH); emit(1); emit(ADD); emit(STORE); emit(0); emit(JMP); emit(outer);
    code[exit_fix] = emit_at;
    emit(HALT);
}

static unsigned execute(const int *pc0, unsigned limit) {
    unsigned stack[64];
    unsigned locals[4] = {0, 0, 0, limit};
    unsigned sp = 0;
    const int *pc = pc0;
    for (;;) {
        switch (*pc++) {
            case PUSH: stack[sp++] = (unsigned)*pc++; break;
            case LOAD: stack[sp++] = locals[*pc++]; break;
            case STORE: locals[*pc++] = stack[--sp]; break;
            case ADD: sp--; stack[sp - 1] += stack[sp]; break;
            case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
            case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
            case DIV2: stack[sp - 1] >>= 1; break;
            case AND1: stack[sp - 1] &= 1; break;
            case DUP: stack[sp] = stack[sp - 1]; sp++; break;
            case POP: sp--; break;
            case JMP: pc = pc0 + *pc; break;
            case JZ: { int t = *pc++; if (stack[--sp] == 0) pc = pc0 + t; break; }
            case JNZ: { int t = *pc++; if (stack[--sp] != 0) pc = pc0 + t; break; }
            case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
            case EQ: sp--; stack[sp - 1] = stack[sp - 1] == stack[sp]; break;
            case HALT: return locals[2];
            default: return 0xdeadu;
        }
    }
}

unsigned run(void) {
    assemble();
    return execute(code, opaque(BYTECODE_N));
}
