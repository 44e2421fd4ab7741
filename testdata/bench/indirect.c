/* Indirect calls: a table of function pointers chosen by data the compiler cannot see. */
#include "bench.h"

typedef unsigned (*op_fn)(unsigned, unsigned);

static unsigned op_add(unsigned a, unsigned b) { return a + b; }
static unsigned op_sub(unsigned a, unsigned b) { return a - b; }
static unsigned op_xor(unsigned a, unsigned b) { return a ^ b; }
static unsigned op_mul(unsigned a, unsigned b) { return a * (b | 1); }
static unsigned op_rotl(unsigned a, unsigned b) { return (a << (b & 31)) | (a >> ((32 - (b & 31)) & 31)); }
static unsigned op_shr(unsigned a, unsigned b) { return a >> (b & 7); }
static unsigned op_or(unsigned a, unsigned b) { return a | (b & 0xff); }
static unsigned op_neg(unsigned a, unsigned b) { return ~a + b; }

static op_fn table[8] = {op_add, op_sub, op_xor, op_mul, op_rotl, op_shr, op_or, op_neg};

unsigned run(void) {
    unsigned acc = opaque(1);
    unsigned state = opaque(12345);
    for (unsigned i = 0; i < INDIRECT_CALLS; i++) {
        state = state * 1103515245u + 12345u;
        acc = table[(state >> 16) & 7](acc, i);
    }
    return acc;
}
