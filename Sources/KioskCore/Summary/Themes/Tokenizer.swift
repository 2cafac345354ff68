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
        var copy = text
        let segmented = copy.withUTF8 { bytes -> [String]? in
            var words: [String] = []
            let isSegmented = forEachSegment(of: bytes) { segment in
                switch segment {
                case .ascii(let piece):
                    let word = asciiWord(piece)
                    if !word.isEmpty { words.append(String(decoding: word.lazy.map(lowercased), as: UTF8.self)) }
                case .unicode(let piece):
                    words.append(contentsOf: unicodeWords(String(decoding: piece, as: UTF8.self)))
                }
            }
            return isSegmented ? words : nil
        }
        return segmented ?? unicodeWords(text)
    }

    /// A stretch of a text whose words do not depend on the text around it.
    enum Segment {
        /// Letters, digits and apostrophes of ASCII only: at most one word (``asciiWord(_:)``).
        case ascii(UnsafeBufferPointer<UInt8>)
        /// Anything else: its words are ``unicodeWords(_:)`` of it.
        case unicode(UnsafeBufferPointer<UInt8>)
    }

    /// Calls `body` with the segments of a text's UTF-8, in order; `false`, without calling it,
    /// when the text has a `[` (placeholders are replaced in the whole text by ``unicodeWords(_:)``).
    ///
    /// The text is cut at ASCII separators whose neighbours are ASCII too, where neither NFKC,
    /// lower-casing nor grapheme breaking can join anything across the cut, so the words of the
    /// segments are the words of the whole. ASCII segments (most of any comment) are read byte
    /// by byte; only segments with other characters need the Unicode path.
    static func forEachSegment(of bytes: UnsafeBufferPointer<UInt8>, _ body: (Segment) -> Void) -> Bool {
        guard !bytes.contains(UInt8(ascii: "[")) else { return false }
        var pieceStart = 0
        var pieceIsASCII = true
        func finishPiece(_ end: Int) {
            guard end > pieceStart else { return }
            let piece = UnsafeBufferPointer(rebasing: bytes[pieceStart..<end])
            body(pieceIsASCII ? .ascii(piece) : .unicode(piece))
        }
        for index in 0..<bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x80...:
                pieceIsASCII = false
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"):
                break
            default:
                guard index == 0 || bytes[index - 1] < 0x80, index + 1 == bytes.count || bytes[index + 1] < 0x80 else { break }
                finishPiece(index)
                pieceStart = index + 1
                pieceIsASCII = true
            }
        }
        finishPiece(bytes.count)
        return true
    }

    /// The word of an ASCII segment, before lower-casing: the segment without leading and
    /// trailing apostrophes, which only count between letters or digits (empty when nothing
    /// else remains).
    static func asciiWord(_ segment: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var (start, end) = (0, segment.count)
        while start < end && segment[start] == UInt8(ascii: "'") { start += 1 }
        while end > start && segment[end - 1] == UInt8(ascii: "'") { end -= 1 }
        return UnsafeBufferPointer(rebasing: segment[start..<end])
    }

    /// An ASCII byte in lower case: NFKC leaves ASCII as it is, so that is all an ASCII word needs.
    static func lowercased(_ byte: UInt8) -> UInt8 {
        isUppercase(byte) ? byte | 0x20 : byte
    }

    static func isUppercase(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// The words of any text: NFKC, lower case, then runs of letters and digits.
    static func unicodeWords(_ text: String) -> [String] {
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

    /// `text` with runs of white space collapsed to one space and none at either end, as
    /// `split(whereSeparator: \.isWhitespace).joined(separator: " ")` gives it. Byte by byte
    /// unless the text has white space outside ASCII, or a space that is part of a larger
    /// character (see ``spaceStandsAlone(_:_:)``).
    static func collapsingWhitespace(_ text: String) -> String {
        var copy = text
        var collapsed: [UInt8] = []
        guard copy.withUTF8({ collapseWhitespace($0, into: &collapsed) }) else {
            return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return String(decoding: collapsed, as: UTF8.self)
    }

    /// ``collapsingWhitespace(_:)`` of a text's UTF-8 into `collapsed`, byte by byte; `false`
    /// (leaving `collapsed` unspecified) for the texts it must leave to the general path.
    static func collapseWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, into collapsed: inout [UInt8]) -> Bool {
        var isCollapsed = true
        collapsed = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            var spacePending = false
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    if byte == 0x20 && !spaceStandsAlone(bytes, index) {
                        isCollapsed = false
                        return
                    }
                    spacePending = count > 0
                    continue
                }
                if byte >= 0x80 && isWhitespaceLead(bytes, index) {
                    isCollapsed = false
                    return
                }
                if spacePending {
                    buffer[count] = 0x20
                    count += 1
                }
                spacePending = false
                buffer[count] = byte
                count += 1
            }
        }
        return isCollapsed
    }

    /// Whether the space at `index` is a character of its own. A combining mark (or emoji
    /// modifier, or joiner) after a space makes one white-space character of both, and a
    /// prepended mark before it one character that is not white space, so the space's neighbours
    /// outside ASCII must be from ranges without any of those: U+0080-02FF, the dashes, quotes and
    /// other punctuation of U+2010-2027 and U+2030-205E, and the symbols and emoji of
    /// U+1F000-1FAFF other than the skin-tone modifiers U+1F3FB-1F3FF. (Tabs and line breaks are
    /// control characters, never part of a larger character.)
    private static func spaceStandsAlone(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        func neverJoinsSpace(_ scalar: UInt32) -> Bool {
            scalar < 0x300 || (0x2010...0x2027).contains(scalar) || (0x2030...0x205E).contains(scalar)
                || (0x1F000...0x1FAFF).contains(scalar) && !(0x1F3FB...0x1F3FF).contains(scalar)
        }
        if index > 0, bytes[index - 1] >= 0x80, !neverJoinsSpace(UTF8Scalar.decode(bytes, endingAt: index)) { return false }
        if index + 1 < bytes.count, bytes[index + 1] >= 0x80, !neverJoinsSpace(UTF8Scalar.decode(bytes, at: index + 1).value) {
            return false
        }
        return true
    }

    /// Whether the UTF-8 sequence at `index` is white space beyond ASCII: U+0085, U+00A0,
    /// U+1680, U+2000-200A, U+2028, U+2029, U+202F, U+205F, U+3000.
    private static func isWhitespaceLead(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        func at(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch bytes[index] {
        case 0xC2: return at(1) == 0x85 || at(1) == 0xA0
        case 0xE1: return at(1) == 0x9A && at(2) == 0x80
        case 0xE2:
            if at(1) == 0x80 { return (0x80...0x8A).contains(at(2)) || at(2) == 0xA8 || at(2) == 0xA9 || at(2) == 0xAF }
            return at(1) == 0x81 && at(2) == 0x9F
        case 0xE3: return at(1) == 0x80 && at(2) == 0x80
        default: return false
        }
    }

    /// The words of `text` with their stems.
    public static func tokens(_ text: String) -> [Token] {
        words(text).map { Token(surface: $0, stem: PorterStemmer.stem($0)) }
    }
}
