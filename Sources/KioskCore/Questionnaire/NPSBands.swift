/// How 0-10 answers fall into detractors, passives and promoters.
///
/// The standard bands are 0-6 / 7-8 / 9-10; some eNPS programmes count 0-5 as detractors,
/// so a questionnaire may move the boundaries. Passives are whatever lies between.
public struct NPSBands: Sendable, Equatable {
    /// The highest score that counts as a detractor (6 in the standard bands).
    public var detractorMax: Int
    /// The lowest score that counts as a promoter (9 in the standard bands).
    public var promoterMin: Int

    /// The usual 0-6 / 7-8 / 9-10 split.
    public static let standard = NPSBands(detractorMax: 6, promoterMin: 9)

    /// Creates bands; callers validate that `0 <= detractorMax < promoterMin <= 10`.
    public init(detractorMax: Int, promoterMin: Int) {
        self.detractorMax = detractorMax
        self.promoterMin = promoterMin
    }

    /// The band a 0-10 score falls in.
    public func band(of score: Int) -> NPSBand {
        if score >= promoterMin { return .promoter }
        if score <= detractorMax { return .detractor }
        return .passive
    }

    /// The bands written the way reports print them: "detractors 0-6, passives 7-8, promoters 9-10".
    public var description: String {
        let passives = detractorMax + 1 <= promoterMin - 1
            ? "\(detractorMax + 1)-\(promoterMin - 1)" : "none"
        return "detractors 0-\(detractorMax), passives \(passives), promoters \(promoterMin)-10"
    }
}

/// Where one NPS answer falls.
public enum NPSBand: String, Sendable, Equatable, CaseIterable {
    case detractor
    case passive
    case promoter
}
