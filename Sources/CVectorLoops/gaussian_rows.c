#include "gaussian_rows.h"

#include "vector_ops.h"

#define NAME(f) f##_base
#define TARGET
#include "gaussian_rows_body.inc"
#undef NAME
#undef TARGET

#if defined(__x86_64__)
#define NAME(f) f##_avx2
#define TARGET __attribute__((target("avx2")))
#include "gaussian_rows_body.inc"
#undef NAME
#undef TARGET
#endif

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
