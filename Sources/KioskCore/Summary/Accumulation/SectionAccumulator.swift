/// Counts the answers of one section of a questionnaire's report (everyone, or one group of a
/// breakdown), question by question. Questions are numbered by the
/// ``QuestionnaireAccumulator`` that owns the section.
struct SectionAccumulator: Sendable {
    private(set) var respondentCount = 0
    /// By question number; a question no one in the section answered may have none.
    private var answers: [AnswerAccumulator] = []

    /// Adds one response whose answers are to the questions numbered `questions` (by position;
    /// it may be longer than the record's answers); `freeText` tells, for every question
    /// numbered so far, whether it is free text, and `questionHashes` what its comments are
    /// sampled with, with the record id's `respondentHash` (see ``CommentSample``).
    mutating func add(
        _ record: RecordView, questions: [Int], freeText: [Bool], respondentHash: UInt64, questionHashes: [UInt64],
        listKey: inout [UInt8]
    ) {
        respondentCount += 1
        // Grown once for every question known, so the loop below needs no check per answer.
        if answers.count < freeText.count {
            answers.append(contentsOf: repeatElement(AnswerAccumulator(), count: freeText.count - answers.count))
        }
        for position in record.answers.indices {
            let question = questions[position]
            let value = record.answers[position].value
            if freeText[question] {
                let key = CommentSample.key(respondentHash: respondentHash, questionHash: questionHashes[question])
                answers[question].addComment(value, of: record, key: key)
            } else {
                answers[question].add(value, of: record, listKey: &listKey)
            }
        }
    }

    /// Adds what another section counted; `questions` maps its question numbers to this one's.
    mutating func merge(_ other: SectionAccumulator, questions: [Int]) {
        respondentCount += other.respondentCount
        for (index, answer) in other.answers.enumerated() {
            let question = questions[index]
            while answers.count <= question { answers.append(AnswerAccumulator()) }
            answers[question].merge(answer)
        }
    }

    /// A section with nothing counted that samples comments no more widely than this one.
    func emptied() -> SectionAccumulator {
        var empty = SectionAccumulator()
        empty.answers = answers.map { $0.emptied() }
        return empty
    }

    /// The counts as the report reads them, by question id (`questionID(number)`); questions
    /// with no answers here are left out.
    func tally(questionID: (Int) -> String) -> SectionTally {
        var tally = SectionTally()
        tally.respondentCount = respondentCount
        for (index, answer) in answers.enumerated() {
            let counted = answer.tally()
            guard counted.answeredCount > 0 else { continue }
            tally.questions[questionID(index), default: AnswerTally()].merge(counted)
        }
        return tally
    }
}
