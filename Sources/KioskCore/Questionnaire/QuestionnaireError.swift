/// Why a questionnaire could not be loaded or found: every problem, each located in its file.
///
/// Loading collects all the problems in a file rather than stopping at the first, so one run of
/// `kiosk validate` shows everything to fix.
public struct QuestionnaireError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, in the order they appear in the file.
    public var diagnostics: [Diagnostic]

    /// Creates an error from several diagnostics.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Creates an error from one diagnostic.
    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    /// The diagnostics, one per line, compiler style.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
