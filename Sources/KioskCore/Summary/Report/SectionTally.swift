/// Everything needed for one section (all respondents, or one group).
struct SectionTally: Sendable, Equatable {
    var respondentCount = 0
    var questions: [String: AnswerTally] = [:]

    mutating func add(_ record: JournalRecord) {
        respondentCount += 1
        for (questionID, answer) in record.answers {
            questions[questionID, default: AnswerTally()].add(answer)
        }
    }
}
