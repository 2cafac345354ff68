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
}
