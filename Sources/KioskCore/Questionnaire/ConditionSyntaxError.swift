/// A `when` expression that could not be parsed: what is wrong and exactly where.
///
/// The loader adds ``offset`` to the column where the expression starts in the YAML file, so
/// the diagnostic points at the offending character rather than at the start of the line.
public struct ConditionSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 0-based offset, in characters, of the problem within the expression.
    public var offset: Int
    /// What is wrong and what to write instead.
    public var message: String

    /// Creates a syntax error at `offset` characters into the expression.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// `character N: message`, with a 1-based position as people count.
    public var description: String {
        "character \(offset + 1): \(message)"
    }
}
