/// The Agresti-Coull interval of a proportion: add z²/2 successes and z²/2 failures, then use
/// the Wald formula. It behaves well for small samples and shares near 0 or 1.
public enum ProportionInterval {
    /// The 95% interval of `successes` out of `trials`, as shares from 0 to 1.
    /// Returns `nil` when there are no trials.
    public static func agrestiCoull95(successes: Int, trials: Int) -> ConfidenceInterval? {
        guard trials > 0 else { return nil }
        let z = NPSStatistics.zValue
        let adjustedTrials = Double(trials) + z * z
        let adjustedShare = (Double(successes) + z * z / 2) / adjustedTrials
        let halfWidth = z * (adjustedShare * (1 - adjustedShare) / adjustedTrials).squareRoot()
        return ConfidenceInterval(low: adjustedShare - halfWidth, high: adjustedShare + halfWidth)
            .clamped(to: 0...1)
    }
}
