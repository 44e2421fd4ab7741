/*
 * Shared glue of the benchmark kernels. Each kernel defines `unsigned run(void)`, which returns a
 * checksum. In the wasm build `run` is exported; in the native build main() prints the checksum,
 * which the Makefile stores as NAME.expected for the bench harness to check.
 */
#ifndef GATE_BENCH_H
#define GATE_BENCH_H

#ifdef __wasm__
#define BENCH_EXPORT __attribute__((export_name("run")))
#else
#define BENCH_EXPORT
#endif

BENCH_EXPORT unsigned run(void);

#ifndef __wasm__
#include <stdio.h>
int main(void) {
    printf("%u\n", run());
    return 0;
}
#endif

/* Keeps the optimiser from folding a computation whose inputs it can see. */
static inline unsigned opaque(unsigned x) {
#ifdef __GNUC__
    __asm__ volatile("" : "+r"(x));
#endif
    return x;
}

#endif
