import Foundation

/// Byte keys for texts under which canonically equivalent texts are equal, as they are as Swift
/// `String`s: a comment typed with a precomposed "é" and one with "e" and a combining accent are
/// the same comment.
enum CanonicalText {
    /// Calls `body` with bytes that are the same for every text canonically equivalent to `text`
    /// (UTF-8): the text itself when it is surely in NFC (nearly always), otherwise its NFC form.
    static func withKey<Result>(_ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if isSurelyNFC(text) { return body(text) }
        var normalized = String(decoding: text, as: UTF8.self).precomposedStringWithCanonicalMapping
        return normalized.withUTF8(body)
    }

    /// Whether valid UTF-8 `text` is in NFC for certain, without normalizing it: every scalar is
    /// below U+0300, General Punctuation from U+2002 on, a variation selector (U+FE00-FE0F) or in
    /// the symbol and emoji blocks U+1F000-1FAFF. None of those has a canonical decomposition or a
    /// combining class, and none composes with what precedes it (NFC quick check Yes), so a text of
    /// them only is its own NFC. Anything else, including U+2000 and U+2001 (which decompose to
    /// U+2002 and U+2003), is left to normalization.
    static func isSurelyNFC(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < text.count {
            let (scalar, length) = UTF8Scalar.decode(text, at: index)
            guard scalar < 0x300 || (0x2002...0x206F).contains(scalar) || (0xFE00...0xFE0F).contains(scalar)
                || (0x1F000...0x1FAFF).contains(scalar)
            else { return false }
            index += length
        }
        return true
    }
}
