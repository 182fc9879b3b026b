#include "block_sums.h"

#include "vector_ops.h"

#define NAME(f) f##_base
#define TARGET
#include "block_sums_body.inc"
#undef NAME
#undef TARGET

#if defined(__x86_64__)
#define NAME(f) f##_avx2
#define TARGET __attribute__((target("avx2")))
#include "block_sums_body.inc"
#undef NAME
#undef TARGET

#endif

void slope_block_affine(const double *x, long stride, long lines, long padded, const double *w, double *u, int avx2) {
    PICK(affine)(x, stride, lines, padded, w, u);
}

void slope_block_reduce_five(const double *x, long stride, long lines, long padded, const double *c, double *a, int avx2) {
    PICK(reduce_five)(x, stride, lines, padded, c, a);
}

void slope_block_reduce_two(const double *x, long stride, long lines, long padded, int power, const double *c,
                            double *a, int avx2) {
    PICK(reduce_two)(x, stride, lines, padded, power, c, a);
}
