#ifndef SLOPE_GAUSSIAN_ROWS_H
#define SLOPE_GAUSSIAN_ROWS_H

/// Row i of the lower triangle of a Gaussian Gram matrix, formed on the fly for the analysis's
/// streamed HSIC baseline (StreamedHSIC.swift; docs/method.md, "Correlations and p-values"):
/// k_j = exp(-0.5 r²), r = (x[i] - x[j]) · (1 / scale), for j < i, four j at a time with the
/// vector exp of this target (entries under 2.2e-308 read as 0). Compiled for baseline x86-64
/// and for AVX2 from one body, the same bits either way (`avx2` picks the form).

/// rows[j] += k_j for j < i; sums[0] = Σ k_j, sums[1] = Σ k_j l[j], sums[2] = Σ k_j².
void slope_gaussian_row_sums(const double *x, long i, double scale, const double *l, double *rows, double *sums,
                             int avx2);

/// Σ_{j<i} (kc_j lc_j)² with kc_j = k_j - km[i] - km[j] + kg and lc_j = l[j] - lm[i] - lm[j] + lg:
/// the squared products of the doubly centred Gram matrices' entries (the gamma test's variance).
double slope_gaussian_row_centred(const double *x, long i, double scale, const double *l, const double *km,
                                  double kg, const double *lm, double lg, int avx2);

/// exp of `count` values into `out` by the vector exp the rows use (for its tests).
void slope_vector_exp(const double *t, double *out, long count, int avx2);

#endif
