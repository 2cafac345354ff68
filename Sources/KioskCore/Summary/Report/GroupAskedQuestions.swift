/// The group rule for questions asked only of a group.
///
/// A question whose `when` depends on the answer to a segment question or to the `--by`
/// question (directly or through another such question) is answered by a group of people:
/// "asked only of Legal". Its figures are that group's, so they are withheld as a small
/// group's are: when fewer than the minimum answered it, when fewer than the minimum of those
/// who could have been asked did not (who could be worked out by subtraction), and in a
/// breakdown, when the groups that do not show it leave fewer than the minimum to be worked
/// out from the total.
enum GroupAskedQuestions {
    /// Who a question is asked of, as far as the group rule is concerned.
    enum Asking: Sendable, Equatable {
        /// Everyone, or those picked out by answers that name no group of people (a score).
        case notAGroup
        /// Those picked out by the answers to these segment or `--by` questions.
        case group(dimensions: Set<String>)
        /// Unknown: the question is answered in the journals but not in the questionnaire
        /// file, so its condition is unknown. Withheld only when too few answered it.
        case unknown
    }

    /// The segment and `--by` questions each question's `when` depends on, directly or
    /// through other questions; questions that depend on none are left out.
    static func dimensions(of questions: [Question], groupBy: String?) -> [String: Set<String>] {
        var dimensionIDs = Set(questions.compactMap { question -> String? in
            guard case .choice(_, isSegment: true) = question.kind else { return nil }
            return question.id
        })
        if let groupBy { dimensionIDs.insert(groupBy) }
        var result: [String: Set<String>] = [:]
        // A condition names only earlier questions, so one pass in order sees every chain.
        for question in questions {
            guard let condition = question.condition else { continue }
            var dimensions: Set<String> = []
            for id in condition.referencedQuestionIDs {
                if dimensionIDs.contains(id) { dimensions.insert(id) }
                dimensions.formUnion(result[id] ?? [])
            }
            if !dimensions.isEmpty { result[question.id] = dimensions }
        }
        return result
    }

    /// The respondents whose figures a summary shows: its commenters for a text question
    /// (blank answers show nothing), else those it counts as answered.
    static func shownCount(_ summary: QuestionSummary) -> Int {
        if case .text(let text) = summary.result { return text.commenterCount }
        return summary.answeredCount
    }

    /// Why a question asked as `asking` is withheld in a section, if it is. `answeredCounts`
    /// are the section's questions' `answered` figures by id: those of the dimensions are the
    /// totals the question's could be subtracted from, as is `respondents`.
    static func suppression(
        of summary: QuestionSummary, asking: Asking, respondents: Int, answeredCounts: [String: Int], minGroup: Int
    ) -> Suppression? {
        let answered = summary.answeredCount, shown = shownCount(summary)
        switch asking {
        case .notAGroup:
            return nil
        case .unknown:
            return (answered > 0 && answered < minGroup) || (shown > 0 && shown < minGroup) ? .belowMinimum : nil
        case .group(let dimensions):
            if (answered > 0 && answered < minGroup) || (shown > 0 && shown < minGroup) { return .belowMinimum }
            let totals = [respondents] + dimensions.compactMap { answeredCounts[$0] }
            for total in totals where total - answered > 0 && total - answered < minGroup { return .complementary }
            return nil
        }
    }

    /// Withholds questions asked of a group in more of a breakdown's groups, smallest first,
    /// until what the overall figures less the shown groups' leave is none or at least
    /// `minGroup` respondents: with Legal's question shown overall (9) and for staff (5), the
    /// managers' 4 answers were the difference, though withheld in their own group.
    /// `withhold` gives a group's summary withheld with a reason.
    static func protect(
        _ groups: inout [BreakdownGroup], overall: Section, asked: Set<String>, minGroup: Int,
        withhold: (QuestionSummary, Suppression) -> QuestionSummary
    ) {
        for question in overall.questions where asked.contains(question.id) && question.suppression == nil {
            while true {
                var leftAnswered = question.answeredCount, leftShown = shownCount(question)
                var smallest: (group: Int, question: Int, answered: Int)?
                for (groupIndex, group) in groups.enumerated() {
                    guard let index = group.section?.questions.firstIndex(where: { $0.id == question.id }),
                        let summary = group.section?.questions[index], summary.suppression == nil
                    else { continue }
                    leftAnswered -= summary.answeredCount
                    leftShown -= shownCount(summary)
                    if summary.answeredCount > 0, summary.answeredCount < smallest?.answered ?? .max {
                        smallest = (groupIndex, index, summary.answeredCount)
                    }
                }
                let isSafe = (leftAnswered == 0 || leftAnswered >= minGroup) && (leftShown == 0 || leftShown >= minGroup)
                guard !isSafe, let smallest, var section = groups[smallest.group].section else { break }
                section.questions[smallest.question] = withhold(section.questions[smallest.question], .complementary)
                groups[smallest.group].section = section
            }
        }
    }
}
