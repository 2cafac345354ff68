import Foundation

/// One word of a comment: as written (normalized) and as stemmed.
public struct Token: Sendable, Equatable, Hashable {
    /// The word after NFKC normalization and lower-casing.
    public var surface: String
    /// The word's Porter2 stem.
    public var stem: String

    /// Creates a token.
    public init(surface: String, stem: String) {
        self.surface = surface
        self.stem = stem
    }
}

/// Splits comments into words, the same way on every platform.
///
/// Foundation's word enumeration differs between Apple platforms and Linux, so words are
/// runs of letters and digits (Unicode properties), with apostrophes kept inside a word
/// ("don't", "team's") and typographic apostrophes folded to `'`. Text is NFKC-normalized
/// and lower-cased first, so "Ｔｏｏｌｓ" and "tools" are one word.
public enum Tokenizer {
    /// The anonymizer's placeholders, which are not words the respondent wrote.
    static let placeholders = ["[email]", "[phone]", "[card]", "[iban]"]

    /// The words of `text`, in order.
    public static func words(_ text: String) -> [String] {
        var normalized = text.precomposedStringWithCompatibilityMapping.lowercased()
        if normalized.contains("[") {
            for placeholder in placeholders {
                normalized = normalized.replacingOccurrences(of: placeholder, with: " ")
            }
        }
        var words: [String] = []
        var current = ""
        func finishWord() {
            while current.hasSuffix("'") { current.removeLast() }
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        for character in normalized {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if (character == "'" || character == "\u{2019}") && !current.isEmpty {
                current.append("'")
            } else {
                finishWord()
            }
        }
        finishWord()
        return words
    }

    /// The words of `text` with their stems.
    public static func tokens(_ text: String) -> [Token] {
        words(text).map { Token(surface: $0, stem: PorterStemmer.stem($0)) }
    }
}
