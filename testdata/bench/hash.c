/* Integer hashing: 64-bit mixing and an open-addressing hash table (insert, then look up). */
#include "bench.h"
#include <stdint.h>

#define SLOTS (1u << 16)
static uint64_t keys[SLOTS];
static uint32_t values[SLOTS];

static uint64_t mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

static void put(uint64_t key, uint32_t value) {
    uint32_t i = (uint32_t)mix(key) & (SLOTS - 1);
    while (keys[i] != 0 && keys[i] != key) {
        i = (i + 1) & (SLOTS - 1);
    }
    keys[i] = key;
    values[i] = value;
}

static uint32_t get(uint64_t key) {
    uint32_t i = (uint32_t)mix(key) & (SLOTS - 1);
    while (keys[i] != 0) {
        if (keys[i] == key) {
            return values[i];
        }
        i = (i + 1) & (SLOTS - 1);
    }
    return 0;
}

unsigned run(void) {
    uint32_t checksum = 0;
    for (unsigned round = 0; round < HASH_ROUNDS; round++) {
        for (uint32_t i = 0; i < SLOTS; i++) {
            keys[i] = 0;
        }
        uint64_t seed = opaque(round) + 1;
        /* Fill the table to 3/4, then look up present and absent keys. */
        for (uint32_t i = 0; i < SLOTS / 4 * 3; i++) {
            put(mix(seed + i) | 1, i);
        }
        for (uint32_t i = 0; i < SLOTS; i++) {
            checksum = checksum * 33 + get(mix(seed + i) | 1);
        }
    }
    return checksum;
}
