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
        guard !corpus.documents.isEmpty else {
            return ThemeAnalysis(commenterCount: 0, themes: [], uncategorizedCount: 0)
        }
        var everyMember = Set<Int>()
        var usedQuotes = Set<String>()
        var themes: [Theme] = []
        var takenMemberSets: [Set<Int>] = []
        var predefinedStems = Set<String>()

        for named in predefined.prefix(maxThemes) {
            let keywords = named.keywords.map(Tokenizer.tokens).filter { !$0.isEmpty }.map(Keyword.init)
            predefinedStems.formUnion(keywords.filter { $0.tokens.count == 1 }.map { $0.tokens[0].stem })
            var members = Set<Int>()
            var quoteScores: [QuoteCandidate] = []
            for (documentIndex, document) in corpus.documents.enumerated() {
                for entry in document.entries {
                    let matches = keywords.filter(entry.contains).count
                    guard matches > 0 else { continue }
                    members.insert(documentIndex)
                    quoteScores.append(QuoteCandidate(entry: entry, score: matches))
                }
            }
            takenMemberSets.append(members)
            everyMember.formUnion(members)
            themes.append(
                Theme(
                    label: named.name, isPredefined: true, keywords: named.keywords,
                    commenterCount: members.count,
                    commenterShare: Double(members.count) / Double(corpus.documents.count),
                    quotes: chooseQuotes(quoteScores, used: &usedQuotes)))
        }

        var candidates = corpus.termDocuments
            .filter { $0.value.count >= minimumCommenters && !predefinedStems.contains($0.key) }
            .map { (term: $0.key, documents: $0.value, words: $0.key.utf8.count { $0 == UInt8(ascii: " ") } + 1) }
            .filter { candidate in !takenMemberSets.contains { covers($0, candidate.documents) } }
            .sorted(by: Self.candidateOrder)
        candidates = Array(candidates.prefix(500))

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
            let termSet = Set(terms)
            var quoteScores: [QuoteCandidate] = []
            for documentIndex in members.sorted() {
                for entry in corpus.documents[documentIndex].entries {
                    let score = entry.terms.intersection(termSet).count
                    if score > 0 { quoteScores.append(QuoteCandidate(entry: entry, score: score)) }
                }
            }
            discovered.append(
                Theme(
                    label: corpus.surfaceForm(of: seed.term), isPredefined: false,
                    keywords: terms.prefix(maxKeywords).map(corpus.surfaceForm(of:)), commenterCount: members.count,
                    commenterShare: Double(members.count) / Double(corpus.documents.count),
                    quotes: chooseQuotes(quoteScores, used: &usedQuotes)))
        }
        discovered.sort { ($0.commenterCount, $1.label) > ($1.commenterCount, $0.label) }
        return ThemeAnalysis(
            commenterCount: corpus.documents.count, themes: themes + discovered,
            uncategorizedCount: corpus.documents.count - everyMember.count)
    }

    /// Most commenters first, then phrases before single words, then alphabetical. `words` is
    /// counted once per candidate: splitting terms inside the comparison dominated the sort.
    static func candidateOrder(
        _ lhs: (term: String, documents: Set<Int>, words: Int), _ rhs: (term: String, documents: Set<Int>, words: Int)
    ) -> Bool {
        if lhs.documents.count != rhs.documents.count { return lhs.documents.count > rhs.documents.count }
        if lhs.words != rhs.words { return lhs.words > rhs.words }
        return lhs.term < rhs.term
    }

    /// |lhs ∩ rhs|, counted without building the intersection.
    func overlap(_ lhs: Set<Int>, _ rhs: Set<Int>) -> Int {
        let (small, large) = lhs.count <= rhs.count ? (lhs, rhs) : (rhs, lhs)
        return small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
    }

    func jaccard(_ lhs: Set<Int>, _ rhs: Set<Int>) -> Double {
        let shared = overlap(lhs, rhs)
        let union = lhs.count + rhs.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    func covers(_ theme: Set<Int>, _ documents: Set<Int>) -> Bool {
        guard !documents.isEmpty else { return true }
        return Double(overlap(documents, theme)) / Double(documents.count) >= coveredThreshold
    }

    func chooseQuotes(_ candidates: [QuoteCandidate], used: inout Set<String>) -> [String] {
        let ordered = candidates.sorted { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.entry.hash != rhs.entry.hash { return lhs.entry.hash < rhs.entry.hash }
            return lhs.entry.text < rhs.entry.text
        }
        var chosen: [Entry] = []
        // Prefer quotes no earlier theme used; fall back to them rather than show too few.
        for allowReuse in [false, true] where chosen.count < quotesPerTheme {
            for candidate in ordered where chosen.count < quotesPerTheme {
                if !allowReuse && used.contains(candidate.entry.text) { continue }
                if chosen.contains(where: {
                    $0.text == candidate.entry.text
                        || jaccard(words: $0.wordSet, candidate.entry.wordSet) >= nearDuplicateThreshold
                }) { continue }
                chosen.append(candidate.entry)
            }
        }
        for entry in chosen { used.insert(entry.text) }
        return chosen.map { truncated($0.text) }
    }

    func jaccard(words lhs: Set<String>, _ rhs: Set<String>) -> Double {
        let union = lhs.union(rhs).count
        return union == 0 ? 1 : Double(lhs.intersection(rhs).count) / Double(union)
    }

    func truncated(_ text: String) -> String {
        guard text.count > maxQuoteLength else { return text }
        return String(text.prefix(maxQuoteLength - 1)).trimmingTrailingSpaces() + "…"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
