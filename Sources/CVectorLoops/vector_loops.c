/* Every loop of this target, compiled twice from its body (*.inc): once for baseline x86-64,
   once for AVX2 (function attribute); the public entry points pick one (PICK, vector_ops.h). */
#include "block_sums.h"
#include "gaussian_rows.h"
#include "row_jets.h"

#include <math.h>

#include "vector_ops.h"

#define NAME(f) f##_base
#define TARGET
#include "block_sums_body.inc"
#include "gaussian_rows_body.inc"
#include "row_jets_body.inc"
#undef NAME
#undef TARGET

#if defined(__x86_64__)
#define NAME(f) f##_avx2
#define TARGET __attribute__((target("avx2")))
#include "block_sums_body.inc"
#include "gaussian_rows_body.inc"
#include "row_jets_body.inc"
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

void slope_gaussian_row_sums(const double *x, long i, double scale, const double *l, double *rows, double *sums,
                             int avx2) {
    PICK(row_sums)(x, i, scale, l, rows, sums);
}

double slope_gaussian_row_centred(const double *x, long i, double scale, const double *l, const double *km,
                                  double kg, const double *lm, double lg, int avx2) {
    return PICK(row_centred)(x, i, scale, l, km, kg, lm, lg);
}

void slope_vector_exp(const double *t, double *out, long count, int avx2) {
    PICK(exp_values)(t, out, count);
}

void slope_tanh_mse_jets(const double *u, const double *t, long count, double *value, double *d1, double *d2,
                         double *d3, int avx2) {
    PICK(tanh_mse_jets)(u, t, count, value, d1, d2, d3);
}
