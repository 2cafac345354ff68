/// An entry that may be quoted for a theme, with how well it shows the theme.
struct QuoteCandidate {
    /// The entry's index in the corpus.
    var entry: Int
    var score: Int
}

extension ThemeFinder {
    /// The entries of a discovered theme's members, each scored by how many of the theme's terms
    /// it has (entries with none are left out; an entry several members wrote comes once).
    func quoteCandidates(members: DocumentSet, terms: [Int], in corpus: Corpus) -> [QuoteCandidate] {
        var isThemeTerm = [Bool](repeating: false, count: corpus.terms.count)
        for term in terms { isThemeTerm[term] = true }
        var isSeen = [Bool](repeating: false, count: corpus.entries.count)
        var candidates: [QuoteCandidate] = []
        for document in members.sorted {
            for entry in corpus.documentEntries[corpus.documents[document]] where !isSeen[Int(entry)] {
                isSeen[Int(entry)] = true
                let score = corpus.entryTerms[corpus.entries[Int(entry)].terms].count { isThemeTerm[Int($0)] }
                if score > 0 { candidates.append(QuoteCandidate(entry: Int(entry), score: score)) }
            }
        }
        return candidates
    }

    /// Up to ``quotesPerTheme`` quotes: the best candidates (ties broken by a stable hash of the
    /// text), skipping near-duplicates of a chosen quote and, while others remain, entries an
    /// earlier theme quoted (`used`, by entry).
    func chooseQuotes(_ candidates: [QuoteCandidate], in corpus: Corpus, used: inout [Bool]) -> [String] {
        let ordered = candidates.sorted { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            let (left, right) = (corpus.entries[lhs.entry], corpus.entries[rhs.entry])
            if left.hash != right.hash { return left.hash < right.hash }
            return left.text < right.text
        }
        var chosen: [(entry: Int, words: [Int32])] = []
        // Prefer quotes no earlier theme used; fall back to them rather than show too few.
        for allowReuse in [false, true] where chosen.count < quotesPerTheme {
            for candidate in ordered where chosen.count < quotesPerTheme {
                if !allowReuse && used[candidate.entry] { continue }
                if chosen.contains(where: { $0.entry == candidate.entry }) { continue }
                let words = Set(corpus.entryWords[corpus.entries[candidate.entry].words]).sorted()
                if chosen.contains(where: { jaccard(words: $0.words, words) >= nearDuplicateThreshold }) { continue }
                chosen.append((candidate.entry, words))
            }
        }
        for (entry, _) in chosen { used[entry] = true }
        return chosen.map { truncated(corpus.entries[$0.entry].text) }
    }

    /// The Jaccard index of two entries' distinct words (ascending ids); 1 when both have none.
    func jaccard(words lhs: [Int32], _ rhs: [Int32]) -> Double {
        var shared = 0
        var (left, right) = (0, 0)
        while left < lhs.count && right < rhs.count {
            if lhs[left] == rhs[right] {
                shared += 1
                left += 1
                right += 1
            } else if lhs[left] < rhs[right] {
                left += 1
            } else {
                right += 1
            }
        }
        let union = lhs.count + rhs.count - shared
        return union == 0 ? 1 : Double(shared) / Double(union)
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
