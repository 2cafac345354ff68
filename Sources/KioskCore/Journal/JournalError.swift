import Foundation

/// A journal that cannot be opened, written or read, with a message that says what went wrong,
/// where, and what to do about it.
public struct JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure it was, for callers that react differently (the kiosk stops taking
    /// respondents after `notSaved`).
    public enum Kind: Sendable, Equatable {
        /// The journal could not be opened for appending.
        case cannotOpen
        /// A record could not be stored; nothing of it was left behind.
        case notSaved
        /// The journal could not be opened or read for reading.
        case cannotRead
    }

    /// What kind of failure it was.
    public var kind: Kind
    /// The journal's path as the user gave it.
    public var path: String
    /// What was wrong and what to do, in one or two sentences, without the path.
    public var message: String

    /// Creates an error.
    public init(kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// A record could not be stored.
    public static func notSaved(path: String, message: String) -> JournalError {
        JournalError(kind: .notSaved, path: path, message: message)
    }

    /// The error as a diagnostic on the journal file.
    public var diagnostic: Diagnostic {
        Diagnostic(file: path, message: message)
    }

    /// `path: error: message`.
    public var description: String { diagnostic.description }
}

extension JournalError {
    /// The C library's text for an `errno` value (`No space left on device`).
    static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
