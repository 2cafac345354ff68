/// Why a group or period is not shown.
public enum Suppression: String, Sendable, Equatable {
    /// Fewer respondents than the minimum group size.
    case belowMinimum = "below_minimum"
    /// Large enough, but hidden so the one small group cannot be worked out by subtraction.
    case complementary = "complementary"
}

/// The anonymity rule for groups and periods.
///
/// A group with fewer than `minGroup` respondents is hidden. When exactly one group would be
/// hidden, the smallest of the others is hidden with it, because the one hidden group's
/// figures could otherwise be worked out by subtracting the shown groups from the total.
public enum SuppressionRule {
    /// Which of `sizes` (label -> respondents) to hide, and why. Ties among the next-smallest
    /// are broken by label, so the result never depends on input order.
    public static func suppressed(sizes: [String: Int], minGroup: Int) -> [String: Suppression] {
        var result: [String: Suppression] = [:]
        for (label, size) in sizes where size < minGroup { result[label] = .belowMinimum }
        if result.count == 1 {
            let nextSmallest = sizes.filter { result[$0.key] == nil }.min { ($0.value, $0.key) < ($1.value, $1.key) }
            if let nextSmallest { result[nextSmallest.key] = .complementary }
        }
        return result
    }

    /// Whether to withhold a question asked only of a group (its `when` depends on a segment
    /// answer): the `answered` respondents are that group, and the others of the section's
    /// `respondents` are the rest, who could be worked out by subtraction.
    public static func suppressedQuestion(answered: Int, respondents: Int, minGroup: Int) -> Suppression? {
        if answered > 0 && answered < minGroup { return .belowMinimum }
        let others = respondents - answered
        if others > 0 && others < minGroup { return .complementary }
        return nil
    }

    /// Which groups of a breakdown to hide: the rule over every group, "(no answer)" included,
    /// and also over the answered groups alone. The report shows how many answered the
    /// question and its options' counts with the same rule applied (see
    /// ``CountsSummary/categories``), so a group hidden there must be hidden here too, or its
    /// size and the lone small option's could be worked out from the answered total.
    /// `answered` maps each answer to its respondents; `noAnswer` names and counts the
    /// respondents who skipped the question.
    public static func suppressedGroups(
        answered: [String: Int], noAnswer: (label: String, size: Int)?, minGroup: Int
    ) -> [String: Suppression] {
        var sizes = answered
        if let noAnswer, noAnswer.size > 0 { sizes[noAnswer.label] = noAnswer.size }
        var result = suppressed(sizes: sizes, minGroup: minGroup)
        result.merge(suppressed(sizes: answered, minGroup: minGroup)) { everyGroup, _ in everyGroup }
        return result
    }
}
