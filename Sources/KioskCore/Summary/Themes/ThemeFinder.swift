/// Finds the themes of free-text answers, deterministically and without any model or network.
///
/// 1. Each commenter's entries are split into words (``Tokenizer``); stop words, the words of
///    the question's own prompt, numbers and one-letter words are not terms. Terms are stems of
///    single words and of two adjacent non-stop words ("approv process").
/// 2. The questionnaire's own themes are counted first: a commenter is in one when any keyword
///    (stemmed, phrases matched word by word) appears in what they wrote.
/// 3. Discovered themes, greedily: the term with the most commenters (at least two) seeds a
///    theme; every other term whose set of commenters overlaps the seed's by a Jaccard index of
///    at least ``mergeThreshold`` joins it; terms whose commenters are mostly in the theme
///    already are dropped; repeat until ``maxThemes``.
/// 4. Quotes: the entries containing the most of a theme's terms, ties broken by a stable hash
///    of the text (never by journal order), skipping near-duplicates of a chosen quote.
///
/// The input is treated as a multiset: the same comments in any order give the same themes.
public struct ThemeFinder: Sendable {
    /// The most themes to report, predefined ones included.
    public var maxThemes = 8
    /// The most quotes per theme.
    public var quotesPerTheme = 3
    /// Terms used by fewer commenters are never themes of their own.
    public var minimumCommenters = 2
    /// The Jaccard overlap of commenter sets at which a term joins a theme.
    public var mergeThreshold = 0.3
    /// The share of a term's commenters already in one theme at which the term adds nothing new.
    public var coveredThreshold = 0.6
    /// Quotes whose word sets overlap at least this much (Jaccard) count as near-duplicates.
    public var nearDuplicateThreshold = 0.6
    /// The most keywords listed per discovered theme (the most widely used ones).
    public var maxKeywords = 8
    /// The longest quote, in characters; longer comments are cut with an ellipsis.
    public var maxQuoteLength = 240

    /// Creates a theme finder with the default settings.
    public init() {}

    /// The themes of `comments` (each commenter's entries) for a question asked with `prompt`.
    public func analyze(_ comments: [[String]], prompt: String, predefined: [NamedTheme] = []) -> ThemeAnalysis {
        let corpus = Corpus(comments: comments, prompt: prompt)
        let documentCount = corpus.documents.count
        guard documentCount > 0 else {
            return ThemeAnalysis(commenterCount: 0, themes: [], uncategorizedCount: 0)
        }
        var everyMember = DocumentSet(documentCount: documentCount)
        var usedQuotes = [Bool](repeating: false, count: corpus.entries.count)
        var themes: [Theme] = []
        var takenMemberSets: [DocumentSet] = []
        var predefinedStems = Set<Int32>()

        for named in predefined.prefix(maxThemes) {
            let keywords = named.keywords.map(Tokenizer.tokens).filter { !$0.isEmpty }
            predefinedStems.formUnion(keywords.filter { $0.count == 1 }.compactMap { corpus.stems.id(of: $0[0].stem) })
            let (theme, members) = predefinedTheme(named, keywords: keywords, in: corpus, usedQuotes: &usedQuotes)
            themes.append(theme)
            takenMemberSets.append(members)
            everyMember.formUnion(members)
        }

        var candidates = termCandidates(in: corpus, excludingStems: predefinedStems, taken: takenMemberSets)
        var discovered: [Theme] = []
        while themes.count + discovered.count < maxThemes, !candidates.isEmpty {
            let seed = candidates.removeFirst()
            var terms = [seed.term]
            var members = seed.documents
            candidates.removeAll { candidate in
                guard jaccard(candidate.documents, seed.documents) >= mergeThreshold else { return false }
                terms.append(candidate.term)
                members.formUnion(candidate.documents)
                return true
            }
            candidates.removeAll { covers(members, $0.documents) }
            everyMember.formUnion(members)
            discovered.append(
                Theme(
                    label: corpus.surfaceForm(of: seed.term), isPredefined: false,
                    keywords: terms.prefix(maxKeywords).map(corpus.surfaceForm(of:)), commenterCount: members.count,
                    commenterShare: Double(members.count) / Double(documentCount),
                    quotes: chooseQuotes(quoteCandidates(members: members, terms: terms, in: corpus), in: corpus, used: &usedQuotes)))
        }
        discovered.sort { ($0.commenterCount, $1.label) > ($1.commenterCount, $0.label) }
        return ThemeAnalysis(
            commenterCount: documentCount, themes: themes + discovered,
            uncategorizedCount: documentCount - everyMember.count)
    }

    /// A questionnaire's theme: the commenters who wrote any of its keywords, and quotes with
    /// the most of them.
    private func predefinedTheme(
        _ named: NamedTheme, keywords: [[Token]], in corpus: Corpus, usedQuotes: inout [Bool]
    ) -> (theme: Theme, members: DocumentSet) {
        let matcher = KeywordMatcher(keywords: keywords, corpus: corpus)
        let scores = corpus.entries.map { matcher.matchCount(corpus.entryWords[$0.words]) }
        var members = DocumentSet(documentCount: corpus.documents.count)
        for (document, entries) in corpus.documents.enumerated()
        where corpus.documentEntries[entries].contains(where: { scores[Int($0)] > 0 }) {
            members.insert(document)
        }
        let quoteCandidates = scores.indices.filter { scores[$0] > 0 }.map { QuoteCandidate(entry: $0, score: scores[$0]) }
        let theme = Theme(
            label: named.name, isPredefined: true, keywords: named.keywords, commenterCount: members.count,
            commenterShare: Double(members.count) / Double(corpus.documents.count),
            quotes: chooseQuotes(quoteCandidates, in: corpus, used: &usedQuotes))
        return (theme, members)
    }

    /// The terms that may seed or join a discovered theme, best first: used by at least
    /// ``minimumCommenters``, not a questionnaire theme's one-word keyword, and not mostly
    /// used by the commenters of one questionnaire theme.
    private func termCandidates(in corpus: Corpus, excludingStems excluded: Set<Int32>, taken: [DocumentSet]) -> [TermCandidate] {
        let candidates = corpus.terms.indices
            .filter { term in
                let documents = corpus.termDocuments[term]
                let isExcluded = corpus.terms[term].secondStem == nil && excluded.contains(corpus.terms[term].firstStem)
                return documents.count >= minimumCommenters && !isExcluded && !taken.contains { covers($0, documents) }
            }
            .map { term in
                TermCandidate(
                    term: term, text: corpus.text(of: term), isPhrase: corpus.terms[term].secondStem != nil,
                    documents: corpus.termDocuments[term])
            }
        return Array(candidates.sorted(by: TermCandidate.precedes).prefix(500))
    }

    func jaccard(_ lhs: DocumentSet, _ rhs: DocumentSet) -> Double {
        let shared = lhs.overlap(rhs)
        let union = lhs.count + rhs.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    func covers(_ theme: DocumentSet, _ documents: DocumentSet) -> Bool {
        guard documents.count > 0 else { return true }
        return Double(documents.overlap(theme)) / Double(documents.count) >= coveredThreshold
    }
}
