/// Results of a numeric scale (or of numbers inferred without a questionnaire).
public struct ScaleSummary: Sendable, Equatable {
    /// The lowest value on the scale (or observed, when inferred).
    public var minimum: Int
    /// The highest value.
    public var maximum: Int
    /// Respondents who answered.
    public var respondentCount: Int
    /// Every value from `minimum` to `maximum`, with counts and shares.
    public var distribution: [CategoryCount]
    /// The mean answer.
    public var mean: Double
    /// The sample standard deviation, from two answers on.
    public var standardDeviation: Double?
    /// The mean's 95% t-interval, from two answers on.
    public var meanInterval95: ConfidenceInterval?
    /// The two highest values' share with its Agresti-Coull interval; absent for inferred scales.
    public var topTwoBox: ProportionSummary?

    /// Creates a scale summary.
    public init(
        minimum: Int, maximum: Int, respondentCount: Int, distribution: [CategoryCount], mean: Double,
        standardDeviation: Double?, meanInterval95: ConfidenceInterval?, topTwoBox: ProportionSummary?
    ) {
        self.minimum = minimum
        self.maximum = maximum
        self.respondentCount = respondentCount
        self.distribution = distribution
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.meanInterval95 = meanInterval95
        self.topTwoBox = topTwoBox
    }
}

/// A share with its interval.
public struct ProportionSummary: Sendable, Equatable {
    /// How many qualify.
    public var count: Int
    /// Out of how many.
    public var base: Int
    /// `count / base`.
    public var share: Double
    /// The 95% Agresti-Coull interval of the share.
    public var interval95: ConfidenceInterval

    /// Creates a proportion summary.
    public init(count: Int, base: Int, share: Double, interval95: ConfidenceInterval) {
        self.count = count
        self.base = base
        self.share = share
        self.interval95 = interval95
    }
}
