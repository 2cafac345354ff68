/// Everything needed for one section (all respondents, or one group).
struct SectionTally: Sendable, Equatable {
    var respondentCount = 0
    var questions: [String: AnswerTally] = [:]

    /// Adds what another tally of the same section counted.
    mutating func merge(_ other: SectionTally) {
        respondentCount += other.respondentCount
        questions.merge(other.questions) { lhs, rhs in
            var merged = lhs
            merged.merge(rhs)
            return merged
        }
    }
}
