/// Makes respondents' text (and anything else that came from a journal) harmless in each
/// output format. Every renderer passes every string from the report through one of these.
public enum UntrustedText {
    /// Whether a scalar must never reach a terminal raw: C0 controls, DEL, C1 controls, the
    /// bidirectional formatting characters, and the Unicode line and paragraph separators.
    public static func isDangerous(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        case 0x2028, 0x2029: true
        default: false
        }
    }

    /// `<U+202E>`: how a dangerous scalar is shown instead of being obeyed.
    public static func visibleName(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// One line of text safe for a terminal: tabs and line breaks become spaces, every other
    /// control, C1 or bidi character is shown as `<U+XXXX>`.
    public static func terminal(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" || scalar == "\n" {
                result.append(" ")
            } else if isDangerous(scalar) {
                result.append(contentsOf: visibleName(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Inline Markdown text that renders as the literal text: no live HTML (`<`, `>`, `&` become
    /// entities), no emphasis, links, code, headings, strikethrough or table cell boundaries
    /// (backslash escapes), one line; a leading `-`, `+` or `=` cannot start a list or a
    /// heading underline.
    public static func markdown(_ text: String) -> String {
        var result = ""
        for character in terminal(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~":
                result += "\\" + String(character)
            case "-", "+", "=":
                result += (result.isEmpty ? "\\" : "") + String(character)
            default: result.append(character)
            }
        }
        return result
    }

    /// HTML text or attribute value (in double or single quotes, in HTML or inline SVG) that
    /// shows as the literal text: one line as for a terminal, then `&`, `<`, `>`, `"` and `'`
    /// as character references, so nothing can close an element or an attribute.
    public static func html(_ text: String) -> String {
        var result = ""
        for character in terminal(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The characters that make a spreadsheet treat a cell as a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A CSV cell (RFC 4180) for text: one line, prefixed with `'` when it would start a formula
    /// (also after leading spaces), quoted when it contains a comma, quote or surrounding spaces.
    public static func csvText(_ text: String) -> String {
        var cell = terminal(text)
        // Checked before and after making the text one line: a leading tab or CR is a formula
        // start even though it is shown as a space or `<U+000D>`.
        let startsFormula = text.first.map(formulaStarts.contains) ?? false
        let firstVisible = cell.first { $0 != " " }
        if startsFormula || (firstVisible.map(formulaStarts.contains) ?? false) {
            cell = "'" + cell
        }
        if cell.contains(",") || cell.contains("\"") || cell.first == " " || cell.last == " " {
            cell = "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
        }
        return cell
    }

    /// A JSON string literal, quotes included: `"` and `\` escaped, controls as `\n`/`\t` or
    /// `\u00XX`, and DEL, C1, bidi and separator characters as `\uXXXX` so that printing the JSON
    /// on a terminal is as safe as printing the text report.
    public static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isDangerous(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var remainder = self[...]
        while let range = remainder.firstRange(of: target) {
            result += remainder[..<range.lowerBound]
            result += replacement
            remainder = remainder[range.upperBound...]
        }
        return result + remainder
    }
}
