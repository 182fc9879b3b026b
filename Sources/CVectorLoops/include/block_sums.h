#ifndef SLOPE_BLOCK_SUMS_H
#define SLOPE_BLOCK_SUMS_H

/// The history kernel's vector loops over one feature-major block of rows (RowBlock.swift;
/// docs/method.md, "Derivatives, two conventions"). `x` holds `lines` lines of `stride`
/// numbers (line j: input j over the block's rows); `padded` rows, a multiple of 4, are read.
/// Every function is compiled twice, for baseline x86-64 (SSE2) and for AVX2, from one body:
/// both add in the same order (4 lanes in row order, then (l0 + l1) + (l2 + l3)) with no
/// fused multiply-add, so they give the same bits; `avx2` picks the second (only where
/// slope_cpu_has_avx2() says the CPU has it).

/// u[k] = w[n] + Σ_j w[j] x[j][k] for k < padded, the n = lines - 1 inputs added in order.
void slope_block_affine(const double *x, long stride, long lines, long padded, const double *w, double *u, int avx2);

/// For each line j: a[j] += Σ c0·x, a[p+j] += Σ c1·x², a[2p+j] += Σ c2·x³, a[3p+j] += Σ c3·x,
/// a[4p+j] += Σ c4·x, with p = lines and coefficient line s at c + s·stride.
void slope_block_reduce_five(const double *x, long stride, long lines, long padded, const double *c, double *a, int avx2);

/// For each line j: a[j] += Σ c0·x and a[p+j] += Σ c1·x^power (power 1 or 2).
void slope_block_reduce_two(const double *x, long stride, long lines, long padded, int power, const double *c,
                            double *a, int avx2);

#endif
