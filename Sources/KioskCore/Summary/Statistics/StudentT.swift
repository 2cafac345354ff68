import Foundation

/// Student's t distribution: the quantiles behind a mean's confidence interval.
///
/// The cumulative distribution is computed from the regularized incomplete beta function
/// (continued fraction, modified Lentz), and the quantile by bisection on it, which is slow
/// by numerical standards but exact to the printed digits and has no tables to mistype.
public enum StudentT {
    /// The `probability` quantile (0.5 < probability < 1) for `degreesOfFreedom` >= 1.
    /// `Double.infinity` degrees of freedom give the normal quantile.
    public static func quantile(_ probability: Double, degreesOfFreedom: Double) -> Double {
        precondition(probability > 0.5 && probability < 1, "quantile expects an upper-tail probability")
        if degreesOfFreedom.isInfinite || degreesOfFreedom > 1e7 {
            return normalQuantile(probability)
        }
        var low = 0.0
        var high = 1.0
        while cumulative(high, degreesOfFreedom: degreesOfFreedom) < probability { high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if cumulative(middle, degreesOfFreedom: degreesOfFreedom) < probability {
                low = middle
            } else {
                high = middle
            }
        }
        return (low + high) / 2
    }

    /// P(T <= t) for `degreesOfFreedom` > 0.
    public static func cumulative(_ t: Double, degreesOfFreedom: Double) -> Double {
        let x = degreesOfFreedom / (degreesOfFreedom + t * t)
        let tail = 0.5 * regularizedIncompleteBeta(x, a: degreesOfFreedom / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The standard normal quantile, by bisection on `erfc`.
    static func normalQuantile(_ probability: Double) -> Double {
        var low = -40.0
        var high = 40.0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if 0.5 * erfc(-middle / 2.0.squareRoot()) < probability { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// I_x(a, b).
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logGammas + logPowers
        let front = exp(logFront)
        // The continued fraction converges fast only on one side of the mean; use symmetry.
        if x < (a + 1) / (a + b + 2) {
            return front * betaContinuedFraction(x, a: a, b: b) / a
        }
        return 1 - front * betaContinuedFraction(1 - x, a: b, b: a) / b
    }

    private static func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...500 {
            let m = Double(m)
            let evenStep = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + evenStep * d
            if abs(d) < tiny { d = tiny }
            c = 1 + evenStep / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let oddStep = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + oddStep * d
            if abs(d) < tiny { d = tiny }
            c = 1 + oddStep / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return result
    }
}
