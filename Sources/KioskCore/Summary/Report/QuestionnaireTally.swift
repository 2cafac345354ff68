/// Everything needed for one questionnaire's summary, as a ``QuestionnaireAccumulator`` counted it.
struct QuestionnaireTally: Sendable, Equatable {
    var responseCount = 0
    var versions = Set<String>()
    var firstDate: String?
    var lastDate: String?
    var sessions = Set<String>()
    var overall = SectionTally()
    var groups: [String: SectionTally] = [:]
    var noAnswerGroup = SectionTally()
    /// NPS question id -> period -> answer value -> count.
    var trendCounts: [String: [String: [Int: Int]]] = [:]
    /// Period -> its earliest day, to put sessions in time order.
    var periodFirstDates: [String: String] = [:]

    /// Adds what another tally of the same questionnaire counted (another part of the journals).
    mutating func merge(_ other: QuestionnaireTally) {
        responseCount += other.responseCount
        versions.formUnion(other.versions)
        if let date = other.firstDate, firstDate.map({ date < $0 }) ?? true { firstDate = date }
        if let date = other.lastDate, lastDate.map({ date > $0 }) ?? true { lastDate = date }
        sessions.formUnion(other.sessions)
        overall.merge(other.overall)
        groups.merge(other.groups) { lhs, rhs in
            var merged = lhs
            merged.merge(rhs)
            return merged
        }
        noAnswerGroup.merge(other.noAnswerGroup)
        for (questionID, periods) in other.trendCounts {
            for (period, counts) in periods {
                trendCounts[questionID, default: [:]][period, default: [:]].merge(counts, uniquingKeysWith: +)
            }
        }
        periodFirstDates.merge(other.periodFirstDates) { min($0, $1) }
    }
}
