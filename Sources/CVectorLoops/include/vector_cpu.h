#ifndef SLOPE_VECTOR_CPU_H
#define SLOPE_VECTOR_CPU_H

/// 1 if the CPU runs AVX2 instructions (always 0 off x86-64): the `avx2` argument the vector
/// loops of this target take.
int slope_cpu_has_avx2(void);

#endif
