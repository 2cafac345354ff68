/// Everything needed for one section (all respondents, or one group).
struct SectionTally: Sendable, Equatable {
    var respondentCount = 0
    var questions: [String: AnswerTally] = [:]

    /// Adds one response; answers to the questions in `freeText` are comments.
    mutating func add(_ record: JournalRecord, freeText: [String]) {
        respondentCount += 1
        for (questionID, answer) in record.answers {
            if freeText.contains(questionID) {
                questions[questionID, default: AnswerTally()].addComment(answer)
            } else {
                questions[questionID, default: AnswerTally()].add(answer)
            }
        }
    }

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
