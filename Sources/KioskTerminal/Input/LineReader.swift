import KioskCore

/// What came back from one prompt.
public enum LineInput: Sendable, Equatable {
    /// A line, without its newline.
    case line(String)
    /// End of input: Ctrl-D at an empty prompt, or the end of a pipe.
    case endOfInput
    /// Ctrl-C: the line being typed was dropped.
    case interrupted
    /// SIGTERM or SIGHUP: the kiosk is being shut down from outside; the line was dropped.
    case terminated
    /// Nobody pressed a key for the idle timeout minus the countdown; `partial` is what had
    /// been typed, to put back if the respondent is still there.
    case idle(partial: String)
    /// The terminal changed size; the screen needs drawing again with `partial` put back.
    case resized(partial: String)
}

/// How a wait for a key ended.
public enum KeyWait: Sendable, Equatable {
    case key
    case deadline
    case terminated
}

/// Reads input after showing a prompt.
///
/// Two implementations: ``ReadlineLineReader`` on a terminal, ``PlainLineReader`` for pipes,
/// files and screen readers.
@MainActor
public protocol LineReader: AnyObject {
    /// Whether a person at a keyboard is on the other end (so end of input is only Ctrl-D).
    var isInteractive: Bool { get }

    /// After how long without a key ``readLine(prompt:completions:prefill:)`` returns
    /// ``LineInput/idle(partial:)``; `nil` never.
    var idleAfter: Duration? { get set }

    /// Shows `prompt` with `prefill` already typed, offers `completions` for Tab where the
    /// reader supports it, and returns what the respondent did.
    func readLine(prompt: String, completions: [String], prefill: String) -> LineInput

    /// Reads a line without echoing it (the admin PIN); `nil` when cancelled or at end of input.
    func readSecret(prompt: String) -> String?

    /// Waits for any key until `deadline`; the key itself is discarded.
    func waitForKey(until deadline: ContinuousClock.Instant) -> KeyWait

    /// Forgets everything typed so far (history), before the next respondent.
    func forgetRespondent()
}
