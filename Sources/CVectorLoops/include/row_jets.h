#ifndef SLOPE_ROW_JETS_H
#define SLOPE_ROW_JETS_H

/// The history kernel's row jets for the paper's network, tanh with the MSE loss, four rows a
/// vector: for each row k, g(u) = (tanh u - t)² and g', g'', g''' at u[k], t[k], with exactly
/// the operations of slope's Jet code (Jet.tanh on the variable, then Loss.mse; Tanh.value's
/// rational form, or glibc's exp lane by lane outside it), so the bits equal the generic
/// Swift path's (RowJetsTests). `value` may be `u` itself. Baseline and AVX2 forms, the same bits.
void slope_tanh_mse_jets(const double *u, const double *t, long count, double *value, double *d1, double *d2,
                         double *d3, int avx2);

#endif
