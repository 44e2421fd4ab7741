/* Allocation-heavy work: build and free many binary trees with wasi-libc's (or glibc's) malloc. */
#include "bench.h"
#include <stdlib.h>

struct node {
    struct node *left, *right;
    unsigned value;
};

static struct node *build(unsigned depth, unsigned value) {
    struct node *n = malloc(sizeof *n);
    if (n == NULL) {
        abort();
    }
    n->value = value;
    if (depth == 0) {
        n->left = n->right = NULL;
    } else {
        n->left = build(depth - 1, value * 2);
        n->right = build(depth - 1, value * 2 + 1);
    }
    return n;
}

static unsigned check(const struct node *n) {
    unsigned sum = n->value;
    if (n->left) {
        sum += check(n->left) ^ check(n->right);
    }
    return sum;
}

static void release(struct node *n) {
    if (n->left) {
        release(n->left);
        release(n->right);
    }
    free(n);
}

unsigned run(void) {
    unsigned checksum = 0;
    /* One long-lived tree keeps the heap fragmented while short-lived trees come and go. */
    struct node *keep = build(opaque(12), 1);
    for (unsigned i = 0; i < MALLOC_TREES; i++) {
        struct node *t = build(opaque(10) + (i & 3), i);
        checksum = checksum * 31 + check(t);
        release(t);
    }
    checksum += check(keep);
    release(keep);
    return checksum;
}
