import KioskCore

/// What Tab offers for a partly typed option name.
enum OptionCompletion {
    /// The options that start with `text` (ignoring case and leading spaces).
    static func candidates(for text: String, among options: [String]) -> [String] {
        OptionMatcher(options: options).completions(of: text)
    }

    /// The longest prefix all `matches` share, ignoring case, spelt as in the first match.
    static func commonPrefix(of matches: [String]) -> String {
        guard var prefix = matches.first.map(Array.init) else { return "" }
        for match in matches.dropFirst() {
            let characters = Array(match)
            var length = 0
            while length < min(prefix.count, characters.count),
                  prefix[length].lowercased() == characters[length].lowercased() {
                length += 1
            }
            prefix = Array(prefix.prefix(length))
        }
        return String(prefix)
    }
}
