/// Running moments of integer answers, kept in a numerically stable way (Welford).
public struct MeanStatistics: Sendable, Equatable {
    /// How many values were added.
    public private(set) var count = 0
    /// The mean of the values so far.
    public private(set) var mean = 0.0
    private var sumOfSquaredDeviations = 0.0

    /// Creates empty statistics.
    public init() {}

    /// Adds `value` `times` times.
    public mutating func add(_ value: Double, times: Int = 1) {
        for _ in 0..<max(times, 0) {
            count += 1
            let delta = value - mean
            mean += delta / Double(count)
            sumOfSquaredDeviations += delta * (value - mean)
        }
    }

    /// The sample standard deviation (n - 1 in the denominator), or `nil` below two values.
    public var standardDeviation: Double? {
        guard count >= 2 else { return nil }
        return (sumOfSquaredDeviations / Double(count - 1)).squareRoot()
    }

    /// The 95% t-interval of the mean, or `nil` below two values.
    public var interval95: ConfidenceInterval? {
        guard let standardDeviation else { return nil }
        let t = StudentT.quantile(0.975, degreesOfFreedom: Double(count - 1))
        let halfWidth = t * standardDeviation / Double(count).squareRoot()
        return ConfidenceInterval(low: mean - halfWidth, high: mean + halfWidth)
    }
}
