/// How histories are read (docs/method.md, "The reading").
public struct ReadingOptions: Sendable, Equatable {
    /// Which second derivative the trend reads.
    public let convention: Convention
    /// The paper's series or slope's relative one.
    public let series: TrendSeries
    /// |ρ| below this is a flat trend; in [0, 1).
    public let flat: Double
    /// Trainings on the target shuffled that give each trend a p-value, in pairs sharing a
    /// shuffled target; 0 for none.
    public let nullTrainings: Int

    /// - Throws: `SlopeError.invalidSetting` for `flat` outside [0, 1) or `nullTrainings`
    ///   neither 0 nor an even number in 4...10000.
    public init(convention: Convention = .diag, series: TrendSeries = .paper, flat: Double = 0.1,
                nullTrainings: Int = 20) throws(SlopeError) {
        guard flat >= 0 && flat < 1 else { throw SlopeError.invalidSetting(.flat, reason: "must be in [0, 1)") }
        guard nullTrainings == 0 || ((4...10_000).contains(nullTrainings) && nullTrainings % 2 == 0) else {
            throw SlopeError.invalidSetting(.nullTrainings, reason: "must be 0 (no null) or an even number from 4 to 10000 (the trainings come in pairs sharing a shuffled target)")
        }
        self.convention = convention
        self.series = series
        self.flat = flat
        self.nullTrainings = nullTrainings
    }

    /// The null trainings these options ask for, nil for none.
    public var null: NullTrainings? {
        nullTrainings > 0 ? NullTrainings(count: nullTrainings, convention: convention) : nil
    }
}
