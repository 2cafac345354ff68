import Foundation

/// Asks for the admin PIN at a locked-down kiosk and says whether to let staff out.
@MainActor
final class AdminGate {
    private let hash: String?
    private let reader: LineReader
    private let output: TerminalOutput
    private var lockout = AdminLockout()

    init(hash: String?, reader: LineReader, output: TerminalOutput) {
        self.hash = hash
        self.reader = reader
        self.output = output
    }

    /// Asks for the PIN; `true` when it is right. Wrong PINs are rate-limited.
    func admit() -> Bool {
        output.clearScreen()
        if let remaining = lockout.remainingLock(at: .now) {
            let seconds = Int((remaining + .milliseconds(999)).components.seconds)
            return refuse("Too many wrong PINs. Try again in \(seconds) s.")
        }
        guard let hash else {
            return refuse("No admin PIN is configured; stop this kiosk from outside (SIGTERM).")
        }
        guard let pin = reader.readSecret(prompt: "Admin PIN: ") else { return false }
        if AdminPIN.matches(pin, hash: hash) {
            lockout.recordSuccess()
            output.write("Admin PIN accepted; the kiosk is stopping.\n")
            return true
        }
        lockout.recordFailure(at: .now)
        return refuse("Wrong PIN.")
    }

    private func refuse(_ message: String) -> Bool {
        output.write(output.warning(message) + "\n")
        _ = reader.waitForKey(until: ContinuousClock.now + .seconds(3))
        return false
    }
}
