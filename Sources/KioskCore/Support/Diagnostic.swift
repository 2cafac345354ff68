/// A problem found in a file, located precisely enough for an editor to jump to it.
///
/// Printed compiler style, `file:line:column: error: message`, so editors and CI logs link it.
public struct Diagnostic: Sendable, Equatable, Error, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Equatable {
        case error
        case warning
        case note
    }

    /// The file the problem is in, as the user named it.
    public var file: String
    /// 1-based line, or `nil` when the problem concerns the whole file.
    public var line: Int?
    /// 1-based column, or `nil` when only the line is known.
    public var column: Int?
    /// How bad the problem is.
    public var severity: Severity
    /// What is wrong and, where it helps, what to do about it.
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `file:line:column`, with the parts that are known.
    public var location: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    /// `file:line:column: error: message`.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}
