/// Counts which of a predefined theme's keywords each entry of a corpus contains.
///
/// A keyword's words appear in an entry in a row, each matching by stem or, for keyword words
/// of four letters or more, as the start of a word ("staff" matches "staffed"). Whether a word
/// matches depends only on the word, so that is decided once per distinct word of the corpus;
/// an entry is then read once, trying only the keywords whose first word matches where it is.
struct KeywordMatcher {
    /// How many words each keyword has.
    private var keywordLengths: [Int] = []
    /// Per keyword, the row of ``matches`` of its first word.
    private var keywordRows: [Int] = []
    /// Row by row (one row per keyword word), per vocabulary word: whether it matches there.
    private var matches: [Bool] = []
    private let vocabularySize: Int
    /// Per vocabulary word, the keywords whose first word it matches: `startingKeywords` from
    /// `startOffsets[word]` to `startOffsets[word + 1]`.
    private var startOffsets: [Int] = []
    private var startingKeywords: [Int32] = []

    /// A matcher for `keywords` (each a keyword's tokens, none empty) in `corpus`.
    init(keywords: [[Token]], corpus: Corpus) {
        vocabularySize = corpus.vocabulary.count
        for keyword in keywords {
            keywordLengths.append(keyword.count)
            keywordRows.append(matches.count / max(vocabularySize, 1))
            for token in keyword {
                let stem = corpus.stems.id(of: token.stem)
                let matchesPrefix = token.surface.count >= 4
                for word in 0..<vocabularySize {
                    matches.append(
                        corpus.stems.stemOfWord[word] == stem
                            || matchesPrefix && Self.hasPrefix(corpus.vocabulary.surfaces[word], token.surface))
                }
            }
        }
        for word in 0..<vocabularySize {
            startOffsets.append(startingKeywords.count)
            for keyword in keywordRows.indices where matches[keywordRows[keyword] * vocabularySize + word] {
                startingKeywords.append(Int32(keyword))
            }
        }
        startOffsets.append(startingKeywords.count)
    }

    /// How many of the keywords appear in an entry with these words (each keyword counted once).
    func matchCount(_ words: ArraySlice<Int32>) -> Int {
        var found: [Int32] = []
        for start in words.indices {
            let word = Int(words[start])
            for keyword in startingKeywords[startOffsets[word]..<startOffsets[word + 1]] where !found.contains(keyword) {
                if matches(keyword: Int(keyword), at: start, in: words) { found.append(keyword) }
            }
        }
        return found.count
    }

    /// Whether the keyword's later words follow its first word at `start`.
    private func matches(keyword: Int, at start: Int, in words: ArraySlice<Int32>) -> Bool {
        let length = keywordLengths[keyword]
        guard start + length <= words.endIndex else { return false }
        for offset in (0..<length).dropFirst() {
            let row = keywordRows[keyword] + offset
            if !matches[row * vocabularySize + Int(words[start + offset])] { return false }
        }
        return true
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
