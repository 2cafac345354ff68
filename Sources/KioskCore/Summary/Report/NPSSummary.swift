/// NPS results.
public struct NPSSummary: Sendable, Equatable {
    /// The bands used.
    public var bands: NPSBands
    /// Respondents who answered.
    public var respondentCount: Int
    /// Promoters.
    public var promoters: Int
    /// Passives.
    public var passives: Int
    /// Detractors.
    public var detractors: Int
    /// The score, -100...100.
    public var score: Double
    /// Promoters as a share (0...1) of respondents.
    public var promoterShare: Double
    /// Passives as a share.
    public var passiveShare: Double
    /// Detractors as a share.
    public var detractorShare: Double
    /// The 95% adjusted-Wald interval, -100...100.
    public var interval95: ConfidenceInterval
    /// The eleven answers 0...10, with counts and shares.
    public var distribution: [CategoryCount]
    /// Whether the sample is under 30, so the interval is wide and the score moves easily.
    public var isSmallSample: Bool

    /// The sample size below which reports add a note.
    public static let smallSampleThreshold = 30

    /// Creates an NPS summary from the 0-10 answer counts.
    public init(valueCounts: [Int: Int], bands: NPSBands) {
        var statistics = NPSStatistics(promoters: 0, passives: 0, detractors: 0)
        for (value, count) in valueCounts {
            switch bands.band(of: value) {
            case .promoter: statistics.promoters += count
            case .passive: statistics.passives += count
            case .detractor: statistics.detractors += count
            }
        }
        let total = statistics.respondentCount
        func share(_ count: Int) -> Double { total == 0 ? 0 : Double(count) / Double(total) }
        self.bands = bands
        respondentCount = total
        promoters = statistics.promoters
        passives = statistics.passives
        detractors = statistics.detractors
        score = statistics.score
        promoterShare = share(statistics.promoters)
        passiveShare = share(statistics.passives)
        detractorShare = share(statistics.detractors)
        interval95 = statistics.interval95
        distribution = (0...10).map { value in
            CategoryCount(label: String(value), count: valueCounts[value] ?? 0, share: share(valueCounts[value] ?? 0))
        }
        isSmallSample = total < Self.smallSampleThreshold
    }
}
