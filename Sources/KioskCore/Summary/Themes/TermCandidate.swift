/// A term that may seed or join a discovered theme.
struct TermCandidate {
    var term: Int
    /// The term as text, which breaks ties in the order.
    var text: String
    var isPhrase: Bool
    /// The commenters who used the term.
    var documents: DocumentSet

    /// Most commenters first, then phrases before single words, then alphabetical.
    static func precedes(_ lhs: TermCandidate, _ rhs: TermCandidate) -> Bool {
        if lhs.documents.count != rhs.documents.count { return lhs.documents.count > rhs.documents.count }
        if lhs.isPhrase != rhs.isPhrase { return lhs.isPhrase }
        return lhs.text < rhs.text
    }
}
