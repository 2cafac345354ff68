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
        if let words = asciiWords(text) { return words }
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

    /// `words(_:)` for plain ASCII text without placeholders, byte by byte: NFKC leaves ASCII
    /// as it is, so only lower-casing and splitting remain. `nil` for any other text.
    static func asciiWords(_ text: String) -> [String]? {
        var utf8 = text.utf8
        if let words = utf8.withContiguousStorageIfAvailable({ asciiWords($0) }) { return words }
        var copy = text
        copy.makeContiguousUTF8()
        utf8 = copy.utf8
        return utf8.withContiguousStorageIfAvailable { asciiWords($0) } ?? nil
    }

    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var words: [String] = []
        var current: [UInt8] = []
        func finishWord() {
            while current.last == UInt8(ascii: "'") { current.removeLast() }
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            switch byte {
            case 0x80..., UInt8(ascii: "["): return nil
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte | 0x20)
            case UInt8(ascii: "'") where !current.isEmpty: current.append(byte)
            default: finishWord()
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
