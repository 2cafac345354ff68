import Foundation

/// Replaces the names on a list (a staff roster, say) with `[name]` in free text.
///
/// Respondents name colleagues and managers ("ask Jane Doe in billing"), and a name can single out
/// a respondent or someone else; the journal must not carry them. A name matches as whole words,
/// ignoring case and accents (those that decompose: "Jané" matches "Jane", but "Ø" is its own
/// letter, not an accented "O"), with any white space between its words, so "jane  DOE" matches
/// "Jane Doe" but "Janet" does not match "Jane". Each line of the list is
/// matched as written: list first names and surnames on lines of their own to catch them alone.
public struct NameRedactor: Sendable, Equatable {
    /// Each name as folded words, grouped by its first word; longest names first so "Jane Doe"
    /// wins over "Jane".
    private let namesByFirstWord: [String: [[String]]]

    /// A redactor for `names`; blank entries are ignored.
    public init(names: [String]) {
        var grouped: [String: [[String]]] = [:]
        for name in names {
            let words = Self.words(in: Array(name)).map(\.folded)
            guard let first = words.first else { continue }
            grouped[first, default: []].append(words)
        }
        namesByFirstWord = grouped.mapValues { $0.sorted { $0.count > $1.count } }
    }

    /// Reads a list with one name per line; `#` starts a comment.
    public static func load(path: String) throws(NameListError) -> NameRedactor {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NameListError(path: path, message: "cannot read the list of names to redact; check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NameListError(path: path, message: "the list of names is not UTF-8 text")
        }
        let names = text.split(whereSeparator: \.isNewline).map { line in
            String(line.prefix { $0 != "#" }).trimmingCharacters(in: .whitespaces)
        }
        return NameRedactor(names: names)
    }

    /// Whether the list is empty (nothing would ever be redacted).
    public var isEmpty: Bool { namesByFirstWord.isEmpty }

    /// `text` with every listed name replaced by `[name]`.
    public func redact(_ text: String) -> String {
        guard !namesByFirstWord.isEmpty else { return text }
        let characters = Array(text)
        let words = Self.words(in: characters)
        var result: [Character] = []
        var copiedUpTo = 0
        var index = 0
        while index < words.count {
            guard let length = matchLength(at: index, words, characters) else {
                index += 1
                continue
            }
            let start = words[index].range.lowerBound
            let end = words[index + length - 1].range.upperBound
            result.append(contentsOf: characters[copiedUpTo..<start])
            result.append(contentsOf: "[name]")
            copiedUpTo = end
            index += length
        }
        result.append(contentsOf: characters[copiedUpTo...])
        return String(result)
    }

    /// How many words starting at `index` form a listed name, if any.
    private func matchLength(at index: Int, _ words: [Word], _ characters: [Character]) -> Int? {
        guard let candidates = namesByFirstWord[words[index].folded] else { return nil }
        for name in candidates where index + name.count <= words.count {
            var matches = true
            for offset in 1..<max(name.count, 1) where matches {
                let previous = words[index + offset - 1].range
                let next = words[index + offset]
                let gap = characters[previous.upperBound..<next.range.lowerBound]
                matches = next.folded == name[offset] && !gap.isEmpty && gap.allSatisfy(\.isWhitespace)
            }
            if matches { return name.count }
        }
        return nil
    }

    private struct Word {
        var range: Range<Int>
        var folded: String
    }

    /// Runs of letters and digits, with their folded form.
    private static func words(in characters: [Character]) -> [Word] {
        var words: [Word] = []
        var start: Int?
        for index in 0...characters.count {
            let isWordCharacter = index < characters.count && (characters[index].isLetter || characters[index].isNumber)
            if isWordCharacter, start == nil { start = index }
            if !isWordCharacter, let wordStart = start {
                let text = String(characters[wordStart..<index])
                words.append(Word(
                    range: wordStart..<index,
                    folded: text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)))
                start = nil
            }
        }
        return words
    }
}

/// Why a list of names could not be used.
public struct NameListError: Error, Sendable, Equatable {
    /// The list's path.
    public var path: String
    /// What went wrong and what to do.
    public var message: String

    /// The error as a diagnostic for the printer.
    public var diagnostic: Diagnostic {
        Diagnostic(file: path, message: message)
    }
}
