/// Why a group or period is not shown.
public enum Suppression: String, Sendable, Equatable {
    /// Fewer respondents than the minimum group size.
    case belowMinimum = "below_minimum"
    /// Large enough, but hidden so the one small group cannot be worked out by subtraction.
    case complementary = "complementary"
}

/// The anonymity rule for groups and periods.
///
/// A group with fewer than `minGroup` respondents is hidden. Subtracting the shown groups from
/// the total gives the hidden ones' figures together, so when they hold fewer than `minGroup`
/// respondents together (one small group, or two of 1 and 2), the smallest of the others is
/// hidden with them.
public enum SuppressionRule {
    /// Which of `sizes` (label -> respondents) to hide, and why. Ties among the next-smallest
    /// are broken by label, so the result never depends on input order.
    public static func suppressed(sizes: [String: Int], minGroup: Int) -> [String: Suppression] {
        var result: [String: Suppression] = [:]
        var hiddenTotal = 0
        for (label, size) in sizes where size < minGroup {
            result[label] = .belowMinimum
            hiddenTotal += size
        }
        // The next-smallest is at least `minGroup` itself, so one is enough.
        if hiddenTotal > 0 && hiddenTotal < minGroup {
            let nextSmallest = sizes.filter { result[$0.key] == nil }.min { ($0.value, $0.key) < ($1.value, $1.key) }
            if let nextSmallest { result[nextSmallest.key] = .complementary }
        }
        return result
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
