import Foundation
import KioskCore
import Testing

/// Checks the stemmer against a sample of the Snowball project's own reference output: every word in
/// `Fixtures/porter2-vocabulary.txt` must stem exactly as Snowball's `english` stemmer stems it. The
/// fixture's header says which part of `english/diffs.txt` in snowballstem/snowball-data it holds.
@Suite struct PorterStemmerVocabularyTests {
    struct Pair {
        var word: String
        var stem: String
        var line: Int
    }

    /// The fixture's `word stem` pairs; lines starting with `#` are comments.
    static func publishedPairs() throws -> [Pair] {
        let url = try #require(
            Bundle.module.url(forResource: "porter2-vocabulary", withExtension: "txt", subdirectory: "Fixtures"),
            "Fixtures/porter2-vocabulary.txt is missing from the test bundle"
        )
        let text = try String(contentsOf: url, encoding: .utf8)
        var pairs: [Pair] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: " ")
            try #require(fields.count == 2, "porter2-vocabulary.txt:\(index + 1): expected 'word stem', got '\(line)'")
            pairs.append(Pair(word: String(fields[0]), stem: String(fields[1]), line: index + 1))
        }
        return pairs
    }

    @Test func fixtureHoldsTheSample() throws {
        // Guards against a truncated or mis-copied fixture passing vacuously.
        #expect(try Self.publishedPairs().count >= 5_000)
    }

    @Test func everyPublishedWordStemsAsSnowballDoes() throws {
        let pairs = try Self.publishedPairs()
        let mismatches = pairs.compactMap { pair -> String? in
            let actual = PorterStemmer.stem(pair.word)
            guard actual != pair.stem else { return nil }
            return "line \(pair.line): \(pair.word) -> \(actual), expected \(pair.stem)"
        }
        let firstMismatches = mismatches.prefix(15).joined(separator: "\n")
        #expect(
            mismatches.isEmpty,
            "\(mismatches.count) of \(pairs.count) words stem differently from Snowball; first ones:\n\(firstMismatches)"
        )
    }
}
