/* Loops over memory: the sieve of Eratosthenes over a byte array, repeated. */
#include "bench.h"

#define LIMIT 1000000
static unsigned char composite[LIMIT + 1];

static unsigned sieve(unsigned limit) {
    for (unsigned i = 0; i <= limit; i++) {
        composite[i] = 0;
    }
    unsigned count = 0;
    for (unsigned i = 2; i <= limit; i++) {
        if (!composite[i]) {
            count++;
            for (unsigned j = i * 2; j <= limit; j += i) {
                composite[j] = 1;
            }
        }
    }
    return count;
}

unsigned run(void) {
    unsigned checksum = 0;
    for (unsigned r = 0; r < SIEVE_ROUNDS; r++) {
        checksum = checksum * 31 + sieve(opaque(LIMIT - r));
    }
    return checksum;
}
