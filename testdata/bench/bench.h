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
#include <string.h>
#include <time.h>
/* `NAME --time` also prints `call_ms=X` on stderr: the time of the call of run() alone, measured
 * the way gate.bench measures an engine (engines.sh), without process start and exit. */
int main(int argc, char **argv) {
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    unsigned result = run();
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("%u\n", result);
    if (argc > 1 && strcmp(argv[1], "--time") == 0) {
        double ms = (end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6;
        fprintf(stderr, "call_ms=%.3f\n", ms);
    }
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
