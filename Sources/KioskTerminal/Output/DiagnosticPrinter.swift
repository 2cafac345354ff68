import Foundation
import KioskCore

/// Prints diagnostics to standard error, compiler style, coloured only when standard error is a
/// terminal and `NO_COLOR` is unset (as swift-format's printer does).
public struct DiagnosticPrinter: Sendable {
    private let usesColor: Bool

    /// Creates a printer that decides on colour from the environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        usesColor = isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"] == nil
    }

    /// Writes one diagnostic and a newline to standard error.
    public func print(_ diagnostic: Diagnostic) {
        var line = "\(diagnostic.location): "
        if usesColor {
            let colour = switch diagnostic.severity {
            case .error: "\u{1B}[1;31m"
            case .warning: "\u{1B}[1;35m"
            case .note: "\u{1B}[1;90m"
            }
            line += "\(colour)\(diagnostic.severity.rawValue):\u{1B}[0m \u{1B}[1m\(diagnostic.message)\u{1B}[0m"
        } else {
            line += "\(diagnostic.severity.rawValue): \(diagnostic.message)"
        }
        StandardError.write(line + "\n")
    }
}

/// Unbuffered writes to standard error.
public enum StandardError {
    /// Writes `text` as UTF-8 to file descriptor 2.
    public static func write(_ text: String) {
        TerminalOutput.writeAll(text, to: STDERR_FILENO)
    }
}
