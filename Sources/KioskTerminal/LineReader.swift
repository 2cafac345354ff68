import KioskCore

/// Reads one line of input after showing a prompt.
///
/// Two implementations: GNU readline on a terminal, plain lines from a pipe.
public protocol LineReader: AnyObject {
    /// Shows `prompt` and returns the line typed, without its newline, or `nil` at end of input.
    func readLine(prompt: String) -> String?
}
