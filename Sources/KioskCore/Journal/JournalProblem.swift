/// A damaged line found while reading a journal. Readers skip such lines and count them; they
/// are never fatal.
public struct JournalProblem: Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the line.
    public enum Kind: Error, Sendable, Equatable, CustomStringConvertible {
        /// The line is not JSON; the text says where the parser stopped.
        case malformedJSON(String)
        /// The line is JSON but not a format 1 record (a field missing or of the wrong type).
        case notARecord(String)
        /// The line declares a format this version does not read.
        case unknownFormat(Int)
        /// The line's bytes are not UTF-8.
        case invalidUTF8
        /// The line holds NUL bytes, which a crash or a full disk can leave behind.
        case nulBytes
        /// The file ends without a newline in the middle of a record.
        case tornLastLine
        /// The line is longer than a reader accepts; the rest of it was skipped unread.
        case lineTooLong(limitBytes: Int)

        public var description: String {
            switch self {
            case .malformedJSON(let detail):
                "malformed JSON: \(detail); the line was skipped"
            case .notARecord(let detail):
                "not a journal record: \(detail); the line was skipped"
            case .unknownFormat(let format):
                "unknown format \(format); this kiosk reads format \(JournalRecord.currentFormat), "
                    + "so the line was skipped (a newer kiosk may read it)"
            case .invalidUTF8:
                "invalid UTF-8; the line was skipped"
            case .nulBytes:
                "NUL bytes, as a crash or a full disk can leave behind; the line was skipped"
            case .tornLastLine:
                "torn last line: the file ends in the middle of a record (a write was interrupted); "
                    + "the partial record was skipped"
            case .lineTooLong(let limit):
                "line longer than \(limit) bytes; the line was skipped"
            }
        }
    }

    /// The journal's path as the user gave it.
    public var path: String
    /// The 1-based line number.
    public var line: Int
    /// What is wrong.
    public var kind: Kind

    /// Creates a problem report.
    public init(path: String, line: Int, kind: Kind) {
        self.path = path
        self.line = line
        self.kind = kind
    }

    /// The problem as an error diagnostic at `path:line`.
    public var diagnostic: Diagnostic {
        Diagnostic(file: path, line: line, message: kind.description)
    }

    /// `path:line: error: kind`.
    public var description: String { diagnostic.description }
}
