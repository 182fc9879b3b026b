/* Shared by the vector loops: four-double vectors and the rules that make both instruction
   sets round alike. Included by each .c file of this target, not public. */
#ifndef SLOPE_VECTOR_OPS_H
#define SLOPE_VECTOR_OPS_H
#include <string.h>

/* No a * b + c may become a fused multiply-add: the two instruction sets must round alike. */
#pragma clang fp contract(off)

/* Four doubles; on SSE2 the compiler splits each operation into two, lane by lane. */
typedef double v4d __attribute__((vector_size(32)));
typedef long long v4l __attribute__((vector_size(32)));

/* Macros, not functions: a function passing v4d by value would have two calling conventions. */
#define splat(s) ((v4d){(s), (s), (s), (s)})
#define load4(p) ({ v4d v_; memcpy(&v_, (p), sizeof v_); v_; })
#define store4(p, v) do { v4d s_ = (v); memcpy((p), &s_, sizeof s_); } while (0)
/* (l0 + l1) + (l2 + l3): one order on every instruction set. */
#define total(s) (((s)[0] + (s)[1]) + ((s)[2] + (s)[3]))

/* exp of each lane for t <= 709 (the HSIC rows' t <= 0): t = n ln 2 + r with n the nearest
   integer to t / ln 2 (by adding and subtracting 1.5 * 2^52) and ln 2 split in two (Cephes'
   C1 + C2), e^r = 1 + 2 r P(r²) / (Q(r²) - r P(r²)) with Cephes' exp coefficients, times 2^n
   from its bits. Below t = -708.39 (results under 2.2e-308) the lane is 0. Relative error
   under 2.3e-16 against glibc (VectorExpTests). A statement expression, so that it inlines
   into either instruction set. */
#define vexp(t_in) ({ \
    v4d t_ = (t_in); \
    v4l keep_ = (v4l)(t_ >= splat(-708.39)); \
    t_ = (v4d)(((v4l)t_ & keep_) | ((v4l)splat(-708.39) & ~keep_)); \
    v4d y_ = t_ * splat(1.4426950408889634073599) + splat(6755399441055744.0); \
    v4d n_ = y_ - splat(6755399441055744.0); \
    v4l bits_ = (v4l)y_ - (v4l)splat(6755399441055744.0); \
    v4d r_ = t_ - n_ * splat(6.93145751953125E-1); \
    r_ = r_ - n_ * splat(1.42860682030941723212E-6); \
    v4d rr_ = r_ * r_; \
    v4d px_ = r_ * ((splat(1.26177193074810590878E-4) * rr_ + splat(3.02994407707441961300E-2)) * rr_ \
                    + splat(9.99999999999999999910E-1)); \
    v4d q_ = ((splat(3.00198505138664455042E-6) * rr_ + splat(2.52448340349684104192E-3)) * rr_ \
              + splat(2.27265548208155028766E-1)) * rr_ + splat(2.00000000000000000009E0); \
    v4d e_ = splat(1.0) + splat(2.0) * (px_ / (q_ - px_)); \
    v4d scale_ = (v4d)((bits_ + 1023) << 52); \
    (v4d)((v4l)(e_ * scale_) & keep_); })

/* The form a public entry point runs: AVX2 when asked (the CPU has it), else baseline. */
#if defined(__x86_64__)
#define PICK(f) (avx2 ? f##_avx2 : f##_base)
#else
#define PICK(f) ((void)avx2, f##_base)
#endif

#endif
