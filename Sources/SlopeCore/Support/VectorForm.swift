import CVectorLoops

/// Which form of the C vector loops (CVectorLoops) this machine runs: AVX2 where the CPU has
/// it, baseline x86-64 elsewhere. Both forms give the same bits (docs/ARCHITECTURE.md).
enum VectorForm {
    /// The `avx2` argument of every CVectorLoops entry point.
    static let avx2: Int32 = slope_cpu_has_avx2()
}
