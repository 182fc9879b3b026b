#include "block_sums.h"
#include <string.h>

/* No a * b + c may become a fused multiply-add: the two instruction sets must round alike. */
#pragma clang fp contract(off)

/* Four doubles; on SSE2 the compiler splits each operation into two, lane by lane. */
typedef double v4d __attribute__((vector_size(32)));

/* Macros, not functions: a function passing v4d by value would have two calling conventions. */
#define splat(s) ((v4d){(s), (s), (s), (s)})
#define load4(p) ({ v4d v_; memcpy(&v_, (p), sizeof v_); v_; })
#define store4(p, v) do { v4d s_ = (v); memcpy((p), &s_, sizeof s_); } while (0)
/* (l0 + l1) + (l2 + l3): one order on every instruction set. */
#define total(s) (((s)[0] + (s)[1]) + ((s)[2] + (s)[3]))

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

int slope_cpu_has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? 1 : 0;
}
#define PICK(f) (avx2 ? f##_avx2 : f##_base)
#else
int slope_cpu_has_avx2(void) { return 0; }
#define PICK(f) ((void)avx2, f##_base)
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
