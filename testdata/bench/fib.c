/* Call-heavy recursion: naive Fibonacci. */
#include "bench.h"

static unsigned fib(unsigned n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

unsigned run(void) {
    return fib(opaque(FIB_N));
}
