// The prepared comments the theme finder works on: entries, documents and the corpus.

/// A predefined theme's keyword, prepared once per analysis rather than once per entry.
struct Keyword {
    var tokens: [Token]
    /// Per word: whether it also matches as the start of a longer word (four letters or more).
    var matchesPrefix: [Bool]

    init(_ tokens: [Token]) {
        self.tokens = tokens
        matchesPrefix = tokens.map { $0.surface.count >= 4 }
    }
}

extension Entry {
    /// Whether the keyword's words appear here in a row, each matching by stem or, for
    /// keywords of four letters or more, as the start of a word ("staff" matches "staffed").
    func contains(_ keyword: Keyword) -> Bool {
        let words = keyword.tokens
        guard !words.isEmpty, words.count <= allStems.count else { return false }
        for start in 0...(allStems.count - words.count) {
            var matches = true
            for offset in words.indices {
                let word = words[offset]
                if allStems[start + offset] == word.stem { continue }
                if keyword.matchesPrefix[offset], Self.hasPrefix(surfaces[start + offset], word.surface) { continue }
                matches = false
                break
            }
            if matches { return true }
        }
        return false
    }

    /// `String.hasPrefix`, compared as bytes when both are ASCII (where the two agree), since
    /// the general comparison checks normalization on every call.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        // Different ASCII first letters decide it at once (most calls).
        if let first = text.utf8.first, let prefixFirst = prefix.utf8.first, first < 0x80, prefixFirst < 0x80, first != prefixFirst {
            return false
        }
        var text = text, prefix = prefix
        let ascii = text.withUTF8 { textBytes in
            prefix.withUTF8 { prefixBytes -> Bool? in
                guard textBytes.allSatisfy({ $0 < 0x80 }), prefixBytes.allSatisfy({ $0 < 0x80 }) else { return nil }
                return prefixBytes.count <= textBytes.count && textBytes.prefix(prefixBytes.count).elementsEqual(prefixBytes)
            }
        }
        return ascii ?? text.hasPrefix(prefix)
    }
}

struct QuoteCandidate {
    var entry: Entry
    var score: Int
}

/// One entry a commenter wrote, with what the theme finder needs to know about it.
struct Entry {
    /// The entry with runs of white space collapsed.
    var text: String
    /// The stable hash that orders equally good quotes.
    var hash: UInt64
    /// Every word's stem in order, stop words included, for matching predefined keyword phrases.
    var allStems: [String]
    /// The entry's terms: stems of content words and of adjacent pairs of them.
    var terms: Set<String>
    /// Every word as written (normalized), in order, for matching keywords by prefix.
    var surfaces: [String]
    /// The entry's distinct words, for spotting near-duplicate quotes.
    var wordSet: Set<String>
}

/// One commenter's entries.
struct Document {
    var entries: [Entry]
    var terms: Set<String>
}

/// All comments of a question, prepared once.
struct Corpus {
    var documents: [Document] = []
    var termDocuments: [String: Set<Int>] = [:]
    var surfaceCounts: [String: [String: Int]] = [:]

    init(comments: [[String]], prompt: String) {
        let promptStems = Set(Tokenizer.tokens(prompt).map(\.stem))
        // Whether a word as written can be a term; words repeat, so each is judged once.
        var contentWords: [String: Bool] = [:]
        func isContent(_ token: Token) -> Bool {
            guard !promptStems.contains(token.stem) else { return false }
            if let known = contentWords[token.surface] { return known }
            let surface = token.surface
            let content = surface.count >= 2 && !StopWords.all.contains(surface) && !surface.allSatisfy(\.isNumber)
            contentWords[surface] = content
            return content
        }
        // First pass: every entry's tokens, so stems can be folded across the whole corpus.
        var tokenized: [[(text: String, tokens: [Token])]] = []
        var stems = Set<String>()
        // Journals repeat words and whole comments; stem and tokenize each only once.
        var entryCache: [String: (text: String, tokens: [Token])] = [:]
        var stemCache: [String: String] = [:]
        func prepare(_ raw: String) -> (text: String, tokens: [Token]) {
            if let cached = entryCache[raw] { return cached }
            let text = Tokenizer.collapsingWhitespace(raw)
            var tokens: [Token] = []
            for word in Tokenizer.words(text) {
                let stem = stemCache[word] ?? PorterStemmer.stem(word)
                stemCache[word] = stem
                tokens.append(Token(surface: word, stem: stem))
            }
            entryCache[raw] = (text, tokens)
            return (text, tokens)
        }
        for comment in comments {
            var entries: [(text: String, tokens: [Token])] = []
            for raw in comment {
                let entry = prepare(raw)
                guard !entry.text.isEmpty else { continue }
                stems.formUnion(entry.tokens.map(\.stem))
                entries.append(entry)
            }
            if !entries.isEmpty { tokenized.append(entries) }
        }
        // Porter2 undoubles "staffed" to "staf" while "staff" stays "staff"; when both stems
        // occur, they are one word for theme purposes.
        func folded(_ token: Token) -> Token {
            guard let last = token.stem.last, stems.contains(token.stem + String(last)) else { return token }
            return Token(surface: token.surface, stem: token.stem + String(last))
        }
        var prepared: [(key: (UInt64, String), entries: [Entry])] = []
        // Each distinct entry is analysed once; its surface forms are counted per occurrence.
        var analysed: [String: (entry: Entry, surfaces: [(term: String, surface: String)])] = [:]
        func analyse(_ text: String, _ rawTokens: [Token]) -> (entry: Entry, surfaces: [(term: String, surface: String)]) {
            if let cached = analysed[text] { return cached }
            let tokens = rawTokens.map(folded)
            var terms = Set<String>()
            var surfaces: [(term: String, surface: String)] = []
            for (index, token) in tokens.enumerated() where isContent(token) {
                terms.insert(token.stem)
                surfaces.append((token.stem, token.surface))
                if index + 1 < tokens.count, isContent(tokens[index + 1]) {
                    let next = tokens[index + 1]
                    let phrase = token.stem + " " + next.stem
                    terms.insert(phrase)
                    surfaces.append((phrase, token.surface + " " + next.surface))
                }
            }
            let entry = Entry(
                text: text, hash: StableHash.fnv1a(text), allStems: tokens.map(\.stem), terms: terms,
                surfaces: tokens.map(\.surface), wordSet: Set(tokens.map(\.surface)))
            analysed[text] = (entry, surfaces)
            return (entry, surfaces)
        }
        var surfaceCounts: [String: [String: Int]] = [:]
        for comment in tokenized {
            var entries: [Entry] = []
            for (text, rawTokens) in comment {
                let (entry, surfaces) = analyse(text, rawTokens)
                for (term, surface) in surfaces { surfaceCounts[term, default: [:]][surface, default: 0] += 1 }
                entries.append(entry)
            }
            let joined = entries.map(\.text).joined(separator: "\n")
            prepared.append((key: (StableHash.fnv1a(joined), joined), entries: entries))
        }
        // The documents' order, and so every index below, depends only on their content.
        prepared.sort { $0.key < $1.key }
        for (index, item) in prepared.enumerated() {
            let terms = item.entries.reduce(into: Set<String>()) { $0.formUnion($1.terms) }
            documents.append(Document(entries: item.entries, terms: terms))
            for term in terms { termDocuments[term, default: []].insert(index) }
        }
        self.surfaceCounts = surfaceCounts
    }

    /// The most common way respondents wrote `term` (ties: alphabetical).
    func surfaceForm(of term: String) -> String {
        guard let forms = surfaceCounts[term] else { return term }
        return forms.min { ($1.value, $0.key) < ($0.value, $1.key) }?.key ?? term
    }
}
