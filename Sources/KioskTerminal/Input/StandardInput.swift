import Foundation

/// The line reader for this process's standard input.
@MainActor
public enum StandardInput {
    /// GNU readline when standard input is a terminal; plain lines otherwise, because readline
    /// never sees the end of a pipe once an input hook is installed.
    public static func lineReader(output: TerminalOutput) -> LineReader {
        isatty(STDIN_FILENO) == 1 ? ReadlineLineReader(output: output) : PlainLineReader(output: output)
    }
}
