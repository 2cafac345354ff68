/// Net Promoter Score arithmetic: the score and its adjusted-Wald interval.
///
/// The interval follows the method the design fixes: add three pseudo-respondents (three
/// quarters each of a promoter and a detractor, the rest passive), n' = n + 3,
/// p' = (P + 3/4) / n', d' = (D + 3/4) / n', V' = p' + d' - (p' - d')^2, and
/// (p' - d') ± 1.96 · sqrt(V' / n'), times 100, clamped to [-100, 100].
public struct NPSStatistics: Sendable, Equatable {
    /// Respondents who gave a promoter score.
    public var promoters: Int
    /// Respondents who gave a passive score.
    public var passives: Int
    /// Respondents who gave a detractor score.
    public var detractors: Int

    /// The multiplier of the standard error; 1.96 as the design states it.
    public static let zValue = 1.96

    /// Creates the statistics from band counts.
    public init(promoters: Int, passives: Int, detractors: Int) {
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
    }

    /// All respondents.
    public var respondentCount: Int { promoters + passives + detractors }

    /// The score from -100 to 100, or 0 when nobody answered.
    public var score: Double {
        guard respondentCount > 0 else { return 0 }
        return 100 * Double(promoters - detractors) / Double(respondentCount)
    }

    /// n' = n + 3.
    public var adjustedCount: Double { Double(respondentCount) + 3 }
    /// p' = (P + 3/4) / n'.
    public var adjustedPromoterShare: Double { (Double(promoters) + 0.75) / adjustedCount }
    /// d' = (D + 3/4) / n'.
    public var adjustedDetractorShare: Double { (Double(detractors) + 0.75) / adjustedCount }
    /// p' - d', on the -1...1 scale.
    public var adjustedScore: Double { adjustedPromoterShare - adjustedDetractorShare }
    /// V' = p' + d' - (p' - d')^2.
    public var adjustedVariance: Double {
        adjustedPromoterShare + adjustedDetractorShare - adjustedScore * adjustedScore
    }

    /// The 95% adjusted-Wald interval on the -100...100 scale.
    public var interval95: ConfidenceInterval {
        let halfWidth = Self.zValue * (adjustedVariance / adjustedCount).squareRoot()
        return ConfidenceInterval(low: 100 * (adjustedScore - halfWidth), high: 100 * (adjustedScore + halfWidth))
            .clamped(to: -100...100)
    }

    /// The two-sample z statistic of the change from `earlier` to `self`, on the adjusted values:
    /// z = (s2' - s1') / sqrt(V1'/n1' + V2'/n2').
    public func changeZ(from earlier: NPSStatistics) -> Double {
        let standardError = (earlier.adjustedVariance / earlier.adjustedCount
            + adjustedVariance / adjustedCount).squareRoot()
        guard standardError > 0 else { return 0 }
        return (adjustedScore - earlier.adjustedScore) / standardError
    }
}
