/// The mean, standard deviation and t-interval of integer answers, computed exactly from
/// counts per value (two passes: sum, then squared deviations from the mean).
public struct MeanStatistics: Sendable, Equatable {
    /// How many values there are.
    public let count: Int
    /// The mean of the values (0 when there are none).
    public let mean: Double
    private let sumOfSquaredDeviations: Double

    /// Creates the statistics of values given as value -> how many times it occurs.
    public init(valueCounts: [Int: Int]) {
        let values = valueCounts.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        let count = values.reduce(0) { $0 + $1.value }
        let sum = values.reduce(0) { $0 + $1.key * $1.value }
        let mean = count == 0 ? 0 : Double(sum) / Double(count)
        self.count = count
        self.mean = mean
        sumOfSquaredDeviations = values.reduce(0.0) { total, item in
            let deviation = Double(item.key) - mean
            return total + deviation * deviation * Double(item.value)
        }
    }

    /// The sample standard deviation (n - 1 in the denominator), or `nil` below two values.
    public var standardDeviation: Double? {
        guard count >= 2 else { return nil }
        return (sumOfSquaredDeviations / Double(count - 1)).squareRoot()
    }

    /// The 95% t-interval of the mean, or `nil` below two values.
    public var interval95: ConfidenceInterval? {
        guard let standardDeviation else { return nil }
        let t = StudentT.quantile(0.975, degreesOfFreedom: Double(count - 1))
        let halfWidth = t * standardDeviation / Double(count).squareRoot()
        return ConfidenceInterval(low: mean - halfWidth, high: mean + halfWidth)
    }
}
