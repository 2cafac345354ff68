// The prepared comments the theme finder works on: entries, documents, terms and their wordings.
//
// Everything is numbered (words, stems, terms, entries, documents) so that the theme finder
// compares integers and walks arrays; strings are made only for what reaches the report.

/// One distinct entry (texts that are equal as Swift strings are one entry).
struct Entry {
    /// The entry with runs of white space collapsed, as first written.
    var text: String
    /// The stable hash that orders equally good quotes.
    var hash: UInt64
    /// Where its words' ids are in ``Corpus/entryWords``, in order, stop words included.
    var words: Range<Int>
    /// Where its distinct terms' ids are in ``Corpus/entryTerms``, ascending.
    var terms: Range<Int> = 0..<0
}

/// A term: the stem of a content word, or of two adjacent content words ("approv process").
struct Term {
    var firstStem: Int32
    /// The second word's stem, or `nil` for a one-word term.
    var secondStem: Int32?
}

/// All comments of a question, prepared once.
struct Corpus {
    private(set) var vocabulary = Vocabulary()
    private(set) var stems: WordStems
    private(set) var entries: [Entry] = []
    private(set) var entryWords: [Int32] = []
    private(set) var entryTerms: [Int32] = []
    /// The entries of each document (one per commenter) in an order that depends only on their
    /// content, each a range of ``documentEntries``.
    private(set) var documents: [Range<Int>] = []
    private(set) var documentEntries: [Int32] = []
    private(set) var terms: [Term] = []
    /// Per term: the documents with the term in any entry.
    private(set) var termDocuments: [DocumentSet] = []
    /// How often each content word was written, repeated entries included: the wordings of
    /// one-word terms.
    private var wordCounts: [Int]
    /// Adjacent pairs of content words, how often each was written and its term: the wordings
    /// of two-word terms.
    private var wordPairs = PairTable()
    private var wordPairCounts: [Int] = []
    private var wordPairTerms: [Int32] = []

    init(comments: [[String]], prompt: String) {
        let (commentEntries, occurrences) = Self.readEntries(comments, into: &entries, &entryWords, &vocabulary)
        stems = WordStems(vocabulary)
        wordCounts = [Int](repeating: 0, count: vocabulary.count)
        findTerms(occurrences: occurrences, isContent: contentWords(prompt: prompt))
        arrangeDocuments(commentEntries)
    }

    /// Reads every comment's non-blank entries, each distinct one once: the entry ids of each
    /// comment with any, and how often each entry was written.
    private static func readEntries(
        _ comments: [[String]], into entries: inout [Entry], _ entryWords: inout [Int32], _ vocabulary: inout Vocabulary
    ) -> (commentEntries: [[Int32]], occurrences: [Int]) {
        var entryKeys = ByteStringTable()
        var occurrences: [Int] = []
        var commentEntries: [[Int32]] = []
        var collapsed: [UInt8] = []
        for comment in comments {
            var ids: [Int32] = []
            for raw in comment {
                var raw = raw
                if !raw.withUTF8({ Tokenizer.collapseWhitespace($0, into: &collapsed) }) {
                    collapsed = Array(Tokenizer.collapsingWhitespace(raw).utf8)
                }
                guard !collapsed.isEmpty else { continue }
                let (id, isNew) = collapsed.withUnsafeBufferPointer { text in
                    CanonicalText.withKey(text) { entryKeys.insert($0) }
                }
                if isNew {
                    let start = entryWords.count
                    collapsed.withUnsafeBufferPointer { vocabulary.appendWords(of: $0, to: &entryWords) }
                    entries.append(
                        Entry(text: String(decoding: collapsed, as: UTF8.self), hash: StableHash.fnv1a(collapsed), words: start..<entryWords.count))
                    occurrences.append(0)
                }
                occurrences[id] += 1
                ids.append(Int32(id))
            }
            if !ids.isEmpty { commentEntries.append(ids) }
        }
        return (commentEntries, occurrences)
    }

    /// Per word: whether it can be part of a term. Stop words, numbers, one-letter words and
    /// the words of the question's own prompt (by stem) say nothing about a comment's topic.
    private func contentWords(prompt: String) -> [Bool] {
        let promptStems = Set(Tokenizer.tokens(prompt).compactMap { stems.id(of: $0.stem) })
        return vocabulary.surfaces.indices.map { word in
            let surface = vocabulary.surfaces[word]
            return !promptStems.contains(stems.stemOfWord[word]) && surface.count >= 2
                && !StopWords.all.contains(surface) && !surface.allSatisfy(\.isNumber)
        }
    }

    /// The terms of every entry, and how often each wording of a term was written.
    private mutating func findTerms(occurrences: [Int], isContent: [Bool]) {
        var singleTerms = [Int32?](repeating: nil, count: vocabulary.count)
        var stemPairs = PairTable()
        var pairTerms: [Int32] = []
        var found: [Int32] = []
        for entry in entries.indices {
            found.removeAll(keepingCapacity: true)
            let words = entryWords[entries[entry].words]
            for index in words.indices where isContent[Int(words[index])] {
                let word = words[index]
                let stem = stems.stemOfWord[Int(word)]
                if let term = singleTerms[Int(stem)] {
                    found.append(term)
                } else {
                    singleTerms[Int(stem)] = Int32(terms.count)
                    found.append(Int32(terms.count))
                    terms.append(Term(firstStem: stem, secondStem: nil))
                }
                wordCounts[Int(word)] += occurrences[entry]
                guard index + 1 < words.endIndex, isContent[Int(words[index + 1])] else { continue }
                let (pair, isNewPair) = wordPairs.insert(word, words[index + 1])
                if isNewPair {
                    let nextStem = stems.stemOfWord[Int(words[index + 1])]
                    let (stemPair, isNewStemPair) = stemPairs.insert(stem, nextStem)
                    if isNewStemPair {
                        pairTerms.append(Int32(terms.count))
                        terms.append(Term(firstStem: stem, secondStem: nextStem))
                    }
                    wordPairTerms.append(pairTerms[stemPair])
                    wordPairCounts.append(0)
                }
                wordPairCounts[pair] += occurrences[entry]
                found.append(wordPairTerms[pair])
            }
            found.sort()
            let start = entryTerms.count
            for term in found where entryTerms.count == start || entryTerms.last != term { entryTerms.append(term) }
            entries[entry].terms = start..<entryTerms.count
        }
    }

    /// Orders the documents by content and notes which documents have each term.
    private mutating func arrangeDocuments(_ commentEntries: [[Int32]]) {
        let keys = commentEntries.map { ids in
            ids.dropFirst().reduce(entries[Int(ids[0])].hash) { hash, id in
                StableHash.fnv1a(entries[Int(id)].text.utf8, continuing: StableHash.fnv1a(CollectionOfOne(0x0A), continuing: hash))
            }
        }
        // The same order as sorting by (hash, entries joined by line feeds): the joined texts
        // are compared only when two different documents' hashes collide.
        let order = commentEntries.indices.sorted { lhs, rhs in
            if keys[lhs] != keys[rhs] { return keys[lhs] < keys[rhs] }
            guard commentEntries[lhs] != commentEntries[rhs] else { return false }
            return joinedText(commentEntries[lhs]) < joinedText(commentEntries[rhs])
        }
        termDocuments = [DocumentSet](repeating: DocumentSet(documentCount: order.count), count: terms.count)
        for (document, comment) in order.enumerated() {
            let start = documentEntries.count
            documentEntries.append(contentsOf: commentEntries[comment])
            documents.append(start..<documentEntries.count)
            for entry in commentEntries[comment] {
                for term in entryTerms[entries[Int(entry)].terms] { termDocuments[Int(term)].insert(document) }
            }
        }
    }

    private func joinedText(_ ids: [Int32]) -> String {
        ids.map { entries[Int($0)].text }.joined(separator: "\n")
    }

    /// The term as text: its stem, or both stems with a space between.
    func text(of term: Int) -> String {
        let first = stems.string(terms[term].firstStem)
        guard let second = terms[term].secondStem else { return first }
        return first + " " + stems.string(second)
    }

    /// The most common way respondents wrote `term` (ties: alphabetical).
    func surfaceForm(of term: Int) -> String {
        var best: (count: Int, form: String)?
        func consider(_ count: Int, _ form: String) {
            if let current = best, count < current.count || (count == current.count && form >= current.form) { return }
            best = (count, form)
        }
        if terms[term].secondStem == nil {
            for word in wordCounts.indices where wordCounts[word] > 0 && stems.stemOfWord[word] == terms[term].firstStem {
                consider(wordCounts[word], vocabulary.surfaces[word])
            }
        } else {
            for pair in wordPairTerms.indices where wordPairTerms[pair] == term {
                let words = wordPairs.pairs[pair]
                consider(wordPairCounts[pair], vocabulary.surfaces[Int(words.first)] + " " + vocabulary.surfaces[Int(words.second)])
            }
        }
        return best?.form ?? text(of: term)
    }
}
