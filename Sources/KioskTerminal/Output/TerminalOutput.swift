import Foundation

/// Where screens are written, and what that destination can show.
public struct TerminalOutput: Sendable {
    /// The file descriptor written to.
    public let fileDescriptor: Int32
    /// Whether colours and bold text are used: only on a terminal, never with `--plain` or `NO_COLOR`.
    public let usesColor: Bool
    /// Whether the screen is cleared between questions: only on a terminal, never with `--plain`.
    public let controlsScreen: Bool

    /// Decides from the descriptor, the `--plain` flag and the environment.
    public init(
        fileDescriptor: Int32 = STDOUT_FILENO,
        plain: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.fileDescriptor = fileDescriptor
        let isTerminal = isatty(fileDescriptor) == 1 && environment["TERM"] != "dumb"
        controlsScreen = isTerminal && !plain
        usesColor = controlsScreen && environment["NO_COLOR"] == nil
    }

    /// Writes `text` as UTF-8, all of it.
    public func write(_ text: String) {
        Self.writeAll(text, to: fileDescriptor)
    }

    /// Writes all of `text` to `descriptor` unbuffered, retrying after signals; gives up quietly
    /// when the other end is gone, since there is no one left to tell.
    static func writeAll(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Clears the visible screen (not the scrollback) and homes the cursor.
    public func clearScreen() {
        if controlsScreen { write("\u{1B}[H\u{1B}[2J") }
    }

    /// Clears the screen and the scrollback, so the next respondent cannot scroll up to the last one.
    public func clearScreenAndScrollback() {
        if controlsScreen { write("\u{1B}[H\u{1B}[2J\u{1B}[3J") }
    }

    /// `text` in bold, when colours are on.
    public func bold(_ text: String) -> String { styled(text, "1") }
    /// `text` dimmed, when colours are on.
    public func dim(_ text: String) -> String { styled(text, "2") }
    /// `text` in red, for answers that were not accepted.
    public func warning(_ text: String) -> String { styled(text, "31") }
    /// `text` in the accent colour, for titles.
    public func accent(_ text: String) -> String { styled(text, "1;36") }

    private func styled(_ text: String, _ code: String) -> String {
        usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
