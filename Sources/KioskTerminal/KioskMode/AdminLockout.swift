/// Rate-limits admin PIN attempts, so a passer-by cannot try PINs until one works.
///
/// Two wrong PINs are free (typos happen); from the third on, each wrong PIN locks the prompt
/// for twice as long as the last, from 5 seconds up to 5 minutes. A right PIN resets it.
public struct AdminLockout: Sendable {
    /// Wrong PINs allowed before the first lock.
    public static let freeAttempts = 2
    /// The longest lock.
    public static let maximumLock = Duration.seconds(300)

    private var consecutiveFailures = 0
    private var lockedUntil: ContinuousClock.Instant?

    /// An unlocked lockout.
    public init() {}

    /// How long until another attempt is allowed at `now`, or `nil` when one is allowed now.
    public func remainingLock(at now: ContinuousClock.Instant) -> Duration? {
        guard let lockedUntil, lockedUntil > now else { return nil }
        return lockedUntil - now
    }

    /// Records a wrong PIN at `now`.
    public mutating func recordFailure(at now: ContinuousClock.Instant) {
        consecutiveFailures += 1
        let locks = consecutiveFailures - Self.freeAttempts
        guard locks > 0 else { return }
        let seconds = min(5 << min(locks - 1, 16), 300)
        lockedUntil = now + .seconds(seconds)
    }

    /// Records a right PIN.
    public mutating func recordSuccess() {
        consecutiveFailures = 0
        lockedUntil = nil
    }
}
