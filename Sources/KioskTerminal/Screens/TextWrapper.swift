/// Wraps prose to the width of an 80-column terminal.
enum TextWrapper {
    /// Wraps `text` into lines of at most `width` characters, starting the first line with
    /// `firstPrefix` and the others with `prefix`. Words longer than a line are split.
    static func wrap(_ text: String, width: Int = 78, firstPrefix: String = "", prefix: String = "") -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = lines.isEmpty ? firstPrefix : prefix
            var currentHasWord = false
            let limit = max(width - prefix.count, 20)
            for word in paragraph.split(separator: " ") {
                var word = Substring(word)
                while word.count > limit {
                    if currentHasWord { lines.append(current); current = prefix }
                    lines.append(current + word.prefix(limit))
                    current = prefix
                    currentHasWord = false
                    word = word.dropFirst(limit)
                }
                if currentHasWord && current.count + 1 + word.count > width {
                    lines.append(current)
                    current = prefix
                    currentHasWord = false
                }
                current += (currentHasWord ? " " : "") + word
                currentHasWord = true
            }
            lines.append(current)
        }
        return lines
    }
}
