/// NPS over time for one NPS question.
public struct Trend: Sendable, Equatable {
    /// The NPS question.
    public var questionID: String
    /// Its prompt.
    public var prompt: String
    /// The period used.
    public var period: TrendPeriod
    /// The periods in time order (sessions by their first day, then name).
    public var points: [TrendPoint]

    /// Creates a trend.
    public init(questionID: String, prompt: String, period: TrendPeriod, points: [TrendPoint]) {
        self.questionID = questionID
        self.prompt = prompt
        self.period = period
        self.points = points
    }

    /// The label of the period of records without a session tag.
    public static let noSessionLabel = "(no session)"
    /// The caveat every trend carries.
    public static let samePeopleNote =
        "The same people may have answered in several periods, so periods are not independent samples; treat significance as a guide."
}

/// One period of a trend.
public struct TrendPoint: Sendable, Equatable {
    /// The period's label (`2026-W48`, `2026-11`, a session tag).
    public var period: String
    /// Why the period is hidden, if it is.
    public var suppression: Suppression?
    /// The period's NPS, `nil` when suppressed.
    public var nps: NPSSummary?
    /// The change from the previous shown period, if there is one.
    public var change: TrendChange?

    /// Creates a point.
    public init(period: String, suppression: Suppression?, nps: NPSSummary?, change: TrendChange?) {
        self.period = period
        self.suppression = suppression
        self.nps = nps
        self.change = change
    }
}

/// The change of NPS between two periods.
public struct TrendChange: Sendable, Equatable {
    /// The earlier period compared with.
    public var fromPeriod: String
    /// The difference of the scores, in points.
    public var difference: Double
    /// The two-sample z statistic on the adjusted values.
    public var z: Double
    /// Whether |z| > 1.96.
    public var isSignificant: Bool

    /// Creates a change.
    public init(fromPeriod: String, difference: Double, z: Double, isSignificant: Bool) {
        self.fromPeriod = fromPeriod
        self.difference = difference
        self.z = z
        self.isSignificant = isSignificant
    }
}
