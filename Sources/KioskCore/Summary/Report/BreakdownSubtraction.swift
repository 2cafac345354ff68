/// Keeps a breakdown's withheld figures from being worked out as the overall figures less the
/// shown groups'.
///
/// What a group withholds of a question (all of a question asked of a group, or the themes and
/// quotes of a text question with few commenters) is, summed over the groups that withhold it,
/// the overall figure less those of the groups that show it. While that difference is of fewer
/// than the minimum, the group showing the fewest withholds it too. With Legal's question
/// shown overall (9 answers) and for staff (5), the managers' 4 were the difference, though
/// withheld in their own group; with a text question's "pay" theme at 2 overall and 0 in the
/// shown groups, both pay comments were the small group's.
enum BreakdownSubtraction {
    /// Withholds, in more groups, questions asked of a group (`isAskedOfAGroup`) and the
    /// themes of text questions; a question withheld overall is withheld in every group, for
    /// the same reason. `withhold` gives a summary withheld for a reason.
    static func protect(
        _ groups: inout [BreakdownGroup], overall: Section, minGroup: Int, isAskedOfAGroup: (String) -> Bool,
        withhold: (QuestionSummary, Suppression) -> QuestionSummary
    ) {
        for question in overall.questions {
            if let suppression = question.suppression {
                for index in groups.indices {
                    guard var section = groups[index].section,
                        let position = section.questions.firstIndex(where: { $0.id == question.id })
                    else { continue }
                    section.questions[position] = withhold(section.questions[position], suppression)
                    groups[index].section = section
                }
            } else if isAskedOfAGroup(question.id) {
                balance(&groups, question: question.id, overall: question, minGroup: minGroup, shown: { summary in
                    summary.suppression == nil ? [summary.answeredCount, GroupAskedQuestions.shownCount(summary)] : nil
                }, withhold: { withhold($0, .complementary) })
            } else if case .text(let text) = question.result, text.commentsSuppression == nil {
                balance(&groups, question: question.id, overall: question, minGroup: minGroup, shown: { summary in
                    guard case .text(let text) = summary.result, text.commentsSuppression == nil else { return nil }
                    return [text.commenterCount]
                }, withhold: withholdingComments)
            }
        }
    }

    /// Withholds every option count, zeros included, of a masked question (a segment's, say
    /// location's) in every group, once any of its options is withheld overall or in a group.
    /// The groups' sizes and the overall counts are the totals of a table of group by option,
    /// and they pin down a withheld cell: overall Legal 9 less Paris's Legal 5 gave Berlin's
    /// Legal 4, withheld in Berlin.
    static func withholdCrossTables(_ groups: inout [BreakdownGroup], overall: Section) {
        for question in overall.questions {
            guard case .counts(let overallCounts) = question.result else { continue }
            func hasWithheld(_ summary: QuestionSummary?) -> Bool {
                guard case .counts(let counts)? = summary?.result else { return false }
                return counts.categories.contains { $0.suppression != nil }
            }
            let isWithheld = overallCounts.categories.contains { $0.suppression != nil }
                || groups.contains { group in hasWithheld(group.section?.questions.first { $0.id == question.id }) }
            guard isWithheld else { continue }
            for index in groups.indices {
                guard var section = groups[index].section,
                    let position = section.questions.firstIndex(where: { $0.id == question.id }),
                    case .counts(var counts) = section.questions[position].result
                else { continue }
                counts.categories = counts.categories.map { category in
                    CategoryCount(
                        label: category.label, description: category.description, count: 0, share: 0,
                        suppression: category.suppression ?? .complementary)
                }
                section.questions[position].result = .counts(counts)
                groups[index].section = section
            }
        }
    }

    /// A text summary with its themes and quotes withheld as complementary; its counts stay.
    static func withholdingComments(_ summary: QuestionSummary) -> QuestionSummary {
        guard case .text(var text) = summary.result else { return summary }
        text.withholdComments(.complementary)
        var withheld = summary
        withheld.result = .text(text)
        return withheld
    }

    /// Withholds `question` in groups, fewest first, until each figure `shown` gives (nil for a
    /// group that withholds it) leaves none or at least `minGroup` unaccounted for.
    private static func balance(
        _ groups: inout [BreakdownGroup], question id: String, overall: QuestionSummary, minGroup: Int,
        shown: (QuestionSummary) -> [Int]?, withhold: (QuestionSummary) -> QuestionSummary
    ) {
        guard var left = shown(overall) else { return }
        let total = left
        while true {
            left = total
            var fewest: (group: Int, question: Int, count: Int)?
            for (groupIndex, group) in groups.enumerated() {
                guard let index = group.section?.questions.firstIndex(where: { $0.id == id }),
                    let summary = group.section?.questions[index], let figures = shown(summary)
                else { continue }
                for (figure, value) in figures.enumerated() { left[figure] -= value }
                if figures[0] > 0, figures[0] < fewest?.count ?? .max { fewest = (groupIndex, index, figures[0]) }
            }
            guard left.contains(where: { $0 > 0 && $0 < minGroup }), let fewest, var section = groups[fewest.group].section else { return }
            section.questions[fewest.question] = withhold(section.questions[fewest.question])
            groups[fewest.group].section = section
        }
    }
}
