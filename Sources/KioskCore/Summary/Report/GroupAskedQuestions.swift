/// The group rule for questions asked only of a group.
///
/// A question whose `when` depends on an answer that is not a number (a choice, such as a
/// team or "joined this year", a yes/no, a text), directly or through another such question,
/// is answered by a group of people: "asked only of Legal". Its figures are that group's, so
/// they are withheld as a small group's are: where fewer than the minimum answered it, and
/// where an option its condition names is withheld (its count would give that option's size
/// away, and with it a hidden team's by subtraction). A condition on a score picks out no
/// group of people, so a detractors' follow-up is shown however few answered it. In a
/// breakdown, ``BreakdownSubtraction`` withholds it in more groups when the overall figures
/// less the shown groups' would give a small group's away.
enum GroupAskedQuestions {
    /// Who a question is asked of, as far as the group rule is concerned.
    enum Asking: Sendable, Equatable {
        /// Everyone, or those picked out by answers that name no group of people (a score).
        case notAGroup
        /// Those picked out by answers that are not numbers: by such question, the options
        /// (lower-cased) that the condition names.
        case group(namedOptions: [String: Set<String>])
        /// Unknown: the question is not in the questionnaire file (or there is none), so its
        /// condition is unknown. Withheld only where too few answered it.
        case unknown
    }

    /// Who each question is asked of, from the `when` conditions: a question depending on an
    /// answer that is not a number, directly or through other questions, is asked of a group.
    static func asking(_ questions: [Question]) -> [String: Asking] {
        let dimensionIDs = Set(questions.filter { !$0.kind.isNumeric }.map(\.id))
        var named: [String: [String: Set<String>]] = [:]
        // A condition names only earlier questions, so one pass in order sees every chain.
        for question in questions {
            guard let condition = question.condition else { continue }
            var options: [String: Set<String>] = [:]
            let texts = condition.comparedTexts
            for id in condition.referencedQuestionIDs {
                if dimensionIDs.contains(id) { options[id, default: []].formUnion((texts[id] ?? []).map { $0.lowercased() }) }
                options.merge(named[id] ?? [:]) { $0.union($1) }
            }
            if !options.isEmpty { named[question.id] = options }
        }
        return Dictionary(uniqueKeysWithValues: questions.map { question in
            (question.id, named[question.id].map { Asking.group(namedOptions: $0) } ?? .notAGroup)
        })
    }

    /// The respondents whose figures a summary shows: its commenters for a text question
    /// (blank answers show nothing), else those it counts as answered.
    static func shownCount(_ summary: QuestionSummary) -> Int {
        if case .text(let text) = summary.result { return text.commenterCount }
        return summary.answeredCount
    }

    /// Why a question asked as `asking` is withheld in a section of `respondents` whose
    /// questions' summaries are `section` (by id), if it is.
    static func suppression(
        of summary: QuestionSummary, asking: Asking, respondents: Int, section: [String: QuestionSummary], minGroup: Int
    ) -> Suppression? {
        let answered = summary.answeredCount, shown = shownCount(summary)
        let tooFew = (answered > 0 && answered < minGroup) || (shown > 0 && shown < minGroup)
        switch asking {
        case .notAGroup:
            return nil
        case .unknown:
            return tooFew ? .belowMinimum : nil
        case .group(let namedOptions):
            if tooFew { return .belowMinimum }
            // Answered by the whole section, its n is the section's size, which is shown anyway.
            if answered == respondents { return nil }
            for (dimension, options) in namedOptions {
                guard case .counts(let counts)? = section[dimension]?.result else { continue }
                if counts.categories.contains(where: { $0.suppression != nil && options.contains($0.label.lowercased()) }) {
                    return .complementary
                }
            }
            return nil
        }
    }
}
