import KioskCore

/// What came back from one prompt.
public enum LineInput: Sendable, Equatable {
    /// A line, without its newline.
    case line(String)
    /// End of input: Ctrl-D at an empty prompt, or the end of a pipe.
    case endOfInput
    /// Ctrl-C: the line being typed was dropped.
    case interrupted
    /// SIGTERM or SIGHUP: the kiosk is being shut down from outside.
    case terminated
}

/// Reads one line of input after showing a prompt.
///
/// Two implementations: ``ReadlineLineReader`` on a terminal, ``PlainLineReader`` for pipes,
/// files and screen readers.
@MainActor
public protocol LineReader: AnyObject {
    /// Shows `prompt`, offers `completions` for Tab where the reader supports it, and returns
    /// what the respondent did.
    func readLine(prompt: String, completions: [String]) -> LineInput

    /// Forgets everything typed so far (history), before the next respondent.
    func forgetRespondent()
}
