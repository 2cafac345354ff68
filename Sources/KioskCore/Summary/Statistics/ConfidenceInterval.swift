/// A two-sided 95% confidence interval, in the unit of the statistic it belongs to.
public struct ConfidenceInterval: Sendable, Equatable, Hashable {
    /// The lower bound.
    public var low: Double
    /// The upper bound.
    public var high: Double

    /// Creates an interval; callers pass `low <= high`.
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The interval with both bounds moved into `range`.
    public func clamped(to range: ClosedRange<Double>) -> ConfidenceInterval {
        ConfidenceInterval(
            low: min(max(low, range.lowerBound), range.upperBound),
            high: min(max(high, range.lowerBound), range.upperBound)
        )
    }
}

/// The 97.5% quantile of the standard normal distribution, used for every 95% interval here.
public let normalQuantile975 = 1.959963984540054
