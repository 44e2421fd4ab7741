/* f64 arithmetic: iteration counts of the Mandelbrot set on a grid. */
#include "bench.h"

#define MAX_ITER 100

unsigned run(void) {
    unsigned size = opaque(MANDEL_SIZE);
    unsigned total = 0;
    for (unsigned y = 0; y < size; y++) {
        double ci = 2.0 * y / size - 1.0;
        for (unsigned x = 0; x < size; x++) {
            double cr = 2.5 * x / size - 2.0;
            double zr = 0.0, zi = 0.0;
            unsigned i = 0;
            while (i < MAX_ITER && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = t;
                i++;
            }
            total = total * 7 + i;
        }
    }
    return total;
}
