/// Removes what could identify a respondent, or hurt a reader, from free text before it is stored.
///
/// In order:
/// 1. Control characters go first (C0, DEL, C1, bidi controls and a few invisible characters), so
///    that nothing hidden can split an address or a number in two and slip past the later steps,
///    and nothing stored can reorder or repaint a terminal. TAB, line breaks and the other C0
///    whitespace become one space, so words on either side do not merge.
/// 2. E-mail addresses become `[email]`. They run before the number rules because the local part
///    often holds digits (`jo.5551234567@example.com`) that would otherwise leave a half-address.
/// 3. IBANs become `[iban]` when they pass the mod-97 check. They run before cards and phones
///    because their digit groups look like both, and the check makes the match certain.
/// 4. Card numbers of 13-19 digits become `[card]` when they pass the Luhn check. They run before
///    phones because a 4-4-4-4 card also has a phone's shape; Luhn is the more specific test.
/// 5. Phone numbers become `[phone]` (the rule is on ``isPhoneNumber(_:)``).
///
/// Steps 2 to 5 repeat until they change nothing, so scrubbing is idempotent:
/// `scrub(scrub(x)) == scrub(x)`.
///
/// The number rules look at runs of digits joined by single spaces, `-`, `.`, a parenthesised
/// group (`(555)`, `(0)`) and a leading `+`. A run touching a letter, `_`, a currency sign or `%`,
/// or joined to more digits by `:`, `/` or `,` (times, dates, fractions, thousands) loses that
/// group, so `14:30`, `report_2024.pdf`, `v2.10`, `$1,250.00` and `100%` are left alone. Day-first
/// and year-first dates (`23.11.2026`, `2026-11-23`) are recognised and never taken for numbers.
public enum Scrubber {
    /// The text with identifying details replaced and control characters removed.
    public static func scrub(_ text: String) -> String {
        var characters = Array(removingControlCharacters(text))
        // A replacement can free its neighbour for another rule: in "1111 4242 11+244242 1" the
        // "+244242 1" is glued to the "11" before it (as in a sum) until that number becomes
        // "[phone]"; in "jo@example.com.5551234566@x" the number after the domain keeps the
        // address from being one until it becomes "[phone]". Repeating the rules until nothing
        // changes makes the result one that scrubbing leaves alone, scrub(scrub(x)) == scrub(x)
        // (both found by fuzzing). Every pass that changes something removes an "@" or digits,
        // so the loop ends; usually the second pass changes nothing.
        var previous: [Character]
        repeat {
            previous = characters
            characters = replacingEmailAddresses(in: characters)
            characters = replacingIBANs(in: characters)
            characters = replacingCardAndPhoneNumbers(in: characters)
        } while characters != previous
        return String(characters)
    }

    /// The text without C0 and C1 control characters, DEL, bidi controls, zero-width spaces,
    /// word joiners and byte-order marks. TAB, line feed, carriage return, vertical tab, form
    /// feed and the Unicode line and paragraph separators become a single space.
    ///
    /// Zero-width joiner and non-joiner stay: emoji sequences and several scripts need them.
    public static func removingControlCharacters(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasBreak = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09...0x0D, 0x2028, 0x2029:
                // A CR LF pair (or any run of breaks) becomes one space, not two.
                if !previousWasBreak { scalars.append(" ") }
                previousWasBreak = true
                continue
            case 0x00...0x1F, 0x7F, 0x80...0x9F,
                 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069,
                 0x200B, 0x2060, 0xFEFF:
                break
            default:
                scalars.append(scalar)
                previousWasBreak = false
            }
        }
        return String(scalars)
    }

    // MARK: E-mail addresses

    private static func isEmailLocalCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "._%+-".contains(character)
    }

    private static func isEmailDomainCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "."
    }

    private static func replacingEmailAddresses(in characters: [Character]) -> [Character] {
        var output: [Character] = []
        output.reserveCapacity(characters.count)
        var index = 0
        while index < characters.count {
            guard characters[index] == "@" else {
                output.append(characters[index])
                index += 1
                continue
            }
            // The local part is whatever address characters were just copied to the output.
            var localStart = output.count
            while localStart > 0, isEmailLocalCharacter(output[localStart - 1]) { localStart -= 1 }
            while localStart < output.count, output[localStart] == "." { localStart += 1 }
            var domainEnd = index + 1
            while domainEnd < characters.count, isEmailDomainCharacter(characters[domainEnd]) { domainEnd += 1 }
            // A sentence's full stop or a dash after the address is not part of the domain.
            while domainEnd > index + 1, characters[domainEnd - 1] == "." || characters[domainEnd - 1] == "-" {
                domainEnd -= 1
            }
            let domain = characters[(index + 1)..<domainEnd]
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            let hasValidDomain = labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
                && (labels.last.map { $0.count >= 2 && $0.allSatisfy(\.isLetter) } ?? false)
            if localStart < output.count, hasValidDomain {
                output.removeSubrange(localStart...)
                output.append(contentsOf: "[email]")
                index = domainEnd
            } else {
                output.append("@")
                index += 1
            }
        }
        return output
    }

    // MARK: IBANs

    private static func isASCIIDigit(_ character: Character) -> Bool {
        guard let value = character.asciiValue else { return false }
        return value >= 48 && value <= 57
    }

    private static func isASCIILetter(_ character: Character) -> Bool {
        guard let value = character.asciiValue else { return false }
        return (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
    }

    private static func isASCIIAlphanumeric(_ character: Character) -> Bool {
        isASCIIDigit(character) || isASCIILetter(character)
    }

    /// Whether the letters and digits (spaces already removed) form an IBAN with a valid check.
    static func passesIBANCheck(_ compact: [Character]) -> Bool {
        guard compact.count >= 15, compact.count <= 34 else { return false }
        // ISO 13616: move the country and check digits to the end, letters count as 10...35,
        // and the whole number modulo 97 must be 1. Done digit by digit to stay in an Int.
        let rearranged = compact[4...] + compact[..<4]
        var remainder = 0
        for character in rearranged {
            guard let value = character.uppercased().first?.asciiValue else { return false }
            if value >= 48 && value <= 57 {
                remainder = (remainder * 10 + Int(value - 48)) % 97
            } else if value >= 65 && value <= 90 {
                remainder = (remainder * 100 + Int(value - 55)) % 97
            } else {
                return false
            }
        }
        return remainder == 1
    }

    private static func replacingIBANs(in characters: [Character]) -> [Character] {
        var output: [Character] = []
        output.reserveCapacity(characters.count)
        var index = 0
        while index < characters.count {
            if let end = ibanEnd(startingAt: index, in: characters) {
                output.append(contentsOf: "[iban]")
                index = end
            } else {
                output.append(characters[index])
                index += 1
            }
        }
        return output
    }

    /// The end of an IBAN starting at `start`: two letters, two digits, then letters and digits,
    /// optionally in groups of four separated by single spaces. The longest candidate that
    /// passes the check wins, so a word after the last group is not swallowed.
    private static func ibanEnd(startingAt start: Int, in characters: [Character]) -> Int? {
        guard start + 4 <= characters.count,
              isASCIILetter(characters[start]), isASCIILetter(characters[start + 1]),
              isASCIIDigit(characters[start + 2]), isASCIIDigit(characters[start + 3])
        else { return nil }
        if start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber { return nil }
        var compact: [Character] = []
        var ends: [Int] = []  // ends[k]: index just after the (k+1)th letter or digit
        var index = start
        var groupLength = 0
        while index < characters.count, compact.count < 34 {
            let character = characters[index]
            if isASCIIAlphanumeric(character) {
                compact.append(character)
                groupLength += 1
                index += 1
                ends.append(index)
            } else if character == " ", groupLength == 4, index + 1 < characters.count,
                      isASCIIAlphanumeric(characters[index + 1]) {
                groupLength = 0
                index += 1
            } else {
                break
            }
        }
        var length = compact.count
        while length >= 15 {
            let end = ends[length - 1]
            let endsAtWordBoundary = end == characters.count || !isASCIIAlphanumeric(characters[end])
            if endsAtWordBoundary, passesIBANCheck(Array(compact[..<length])) { return end }
            length -= 1
        }
        return nil
    }

    // MARK: Card and phone numbers

    /// A run of digits inside a number-like span, possibly in parentheses.
    struct DigitGroup: Equatable {
        /// The characters of the group, parentheses included.
        var range: Range<Int>
        var digitCount: Int
        var isParenthesized: Bool
        /// The separator between this group and the next in its span: `""` (after a
        /// parenthesised group), `" "`, `"-"` or `"."`.
        var separatorAfter: String = ""
    }

    /// A stretch of digit groups that could be one number, with whether a `+` leads it.
    struct NumberSpan {
        var groups: [DigitGroup]
        var hasLeadingPlus: Bool
        var plusIndex: Int?
    }

    private static func isNumberAlphabet(_ character: Character) -> Bool {
        isASCIIDigit(character) || " -.()+".contains(character)
    }

    /// Whether `character`, next to a digit group with `otherSide` beyond it, glues the group to
    /// something that is not a phone or card: a word, a file name, an amount, a time, a date
    /// written with slashes, a fraction or a thousands separator.
    private static func gluesNumber(_ character: Character, otherSide: Character?) -> Bool {
        if character.isLetter || character.isNumber || character == "_" || character == "%"
            || character.isCurrencySymbol {
            return true
        }
        if ":/,\\".contains(character), let otherSide, isASCIIDigit(otherSide) { return true }
        return false
    }

    private static func replacingCardAndPhoneNumbers(in characters: [Character]) -> [Character] {
        var replacements: [(range: Range<Int>, token: String)] = []
        var index = 0
        while index < characters.count {
            guard isNumberAlphabet(characters[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, isNumberAlphabet(characters[end]) { end += 1 }
            for span in numberSpans(in: index..<end, of: characters) {
                replacements += numberReplacements(in: span, of: characters)
            }
            index = end
        }
        var output = characters
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            output.replaceSubrange(replacement.range, with: replacement.token)
        }
        return output
    }

    /// Splits a run of number-alphabet characters into spans of digit groups joined by valid
    /// separators: a single space, `-` or `.`, or nothing next to a parenthesised group.
    static func numberSpans(in run: Range<Int>, of characters: [Character]) -> [NumberSpan] {
        var spans: [NumberSpan] = []
        var current = NumberSpan(groups: [], hasLeadingPlus: false)
        var pendingSeparator = ""
        var separatorIsValid = true
        var pendingPlus: Int?

        func closeSpan() {
            if !current.groups.isEmpty { spans.append(current) }
            current = NumberSpan(groups: [], hasLeadingPlus: false)
        }

        var index = run.lowerBound
        while index < run.upperBound {
            let character = characters[index]
            var group: DigitGroup?
            if isASCIIDigit(character) {
                var end = index
                while end < run.upperBound, isASCIIDigit(characters[end]) { end += 1 }
                group = DigitGroup(range: index..<end, digitCount: end - index, isParenthesized: false)
            } else if character == "(" {
                var end = index + 1
                while end < run.upperBound, isASCIIDigit(characters[end]) { end += 1 }
                let digits = end - index - 1
                if digits >= 1, digits <= 5, end < run.upperBound, characters[end] == ")" {
                    group = DigitGroup(range: index..<(end + 1), digitCount: digits, isParenthesized: true)
                }
            }
            guard let group else {
                // A separator, a `+`, or a stray parenthesis.
                if character == "+" {
                    closeSpan()
                    pendingPlus = index
                    pendingSeparator = ""
                    separatorIsValid = true
                } else {
                    pendingPlus = nil
                    if character == "(" || character == ")" {
                        separatorIsValid = false
                    } else {
                        pendingSeparator.append(character)
                    }
                }
                index += 1
                continue
            }
            if let previous = current.groups.last {
                let joinsWithoutSeparator = pendingSeparator.isEmpty
                    && (previous.isParenthesized || group.isParenthesized)
                if separatorIsValid, pendingSeparator.count == 1 || joinsWithoutSeparator {
                    current.groups[current.groups.count - 1].separatorAfter = pendingSeparator
                } else {
                    closeSpan()
                }
            }
            if current.groups.isEmpty, let plus = pendingPlus, plus == group.range.lowerBound - 1 {
                current.hasLeadingPlus = true
                current.plusIndex = plus
            }
            current.groups.append(group)
            pendingSeparator = ""
            separatorIsValid = true
            pendingPlus = nil
            index = group.range.upperBound
        }
        closeSpan()
        return spans.compactMap { trimmingGluedEdges($0, of: characters) }
    }

    /// Drops an edge group glued to a word, amount, time, date or fraction outside the span.
    private static func trimmingGluedEdges(_ span: NumberSpan, of characters: [Character]) -> NumberSpan? {
        var span = span
        guard let first = span.groups.first, let last = span.groups.last else { return nil }
        let start = span.plusIndex ?? first.range.lowerBound
        if start > 0 {
            let before = characters[start - 1]
            let beyond = start > 1 ? characters[start - 2] : nil
            if gluesNumber(before, otherSide: beyond) {
                span.groups.removeFirst()
                span.hasLeadingPlus = false
                span.plusIndex = nil
            }
        }
        let end = last.range.upperBound
        if end < characters.count, !span.groups.isEmpty {
            let after = characters[end]
            let beyond = end + 1 < characters.count ? characters[end + 1] : nil
            if gluesNumber(after, otherSide: beyond) { span.groups.removeLast() }
        }
        guard let newLast = span.groups.last else { return nil }
        span.groups[span.groups.count - 1] = DigitGroup(
            range: newLast.range, digitCount: newLast.digitCount, isParenthesized: newLast.isParenthesized)
        return span
    }

    /// Whether three groups read as a date: year-month-day or day-month-year (or month-day-year),
    /// joined by the same `-` or `.`.
    private static func isDate(_ groups: ArraySlice<DigitGroup>, in characters: [Character]) -> Bool {
        guard groups.count == 3, groups.allSatisfy({ !$0.isParenthesized }) else { return false }
        let parts = Array(groups)
        let separator = parts[0].separatorAfter
        guard separator == "-" || separator == ".", parts[1].separatorAfter == separator else { return false }
        func value(_ group: DigitGroup) -> Int {
            characters[group.range].reduce(0) { $0 * 10 + Int(($1.asciiValue ?? 48) - 48) }
        }
        let lengths = parts.map(\.digitCount)
        if lengths[0] == 4, (1...2).contains(lengths[1]), (1...2).contains(lengths[2]) {
            return (1...12).contains(value(parts[1])) && (1...31).contains(value(parts[2]))
        }
        if (1...2).contains(lengths[0]), (1...2).contains(lengths[1]), lengths[2] == 4 {
            let first = value(parts[0])
            let second = value(parts[1])
            return (1...31).contains(first) && (1...31).contains(second) && (first <= 12 || second <= 12)
        }
        return false
    }

    /// The digits of some groups, parentheses left out.
    private static func digits(of groups: ArraySlice<DigitGroup>, in characters: [Character]) -> [Int] {
        groups.flatMap { group in
            characters[group.range].compactMap { character in
                isASCIIDigit(character) ? Int((character.asciiValue ?? 48) - 48) : nil
            }
        }
    }

    /// Whether the digits pass the Luhn check that every payment card number carries.
    static func passesLuhnCheck(_ digits: [Int]) -> Bool {
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            if position % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }

    /// Whether some consecutive groups of a span (`isInternational` when a `+` leads them)
    /// read as a phone number.
    ///
    /// The rule: 8 to 15 digits (15 is the E.164 maximum), or 7 when a `+` or an area code in
    /// parentheses says "phone" on its own; and at most one group of a single digit outside
    /// parentheses (a country code like the `1` of `+1-555-123-4567`), so that a list of
    /// single-digit ratings (`9 8 7 6 5 4 3 2`) is not a phone number.
    static func isPhoneNumber(_ groups: ArraySlice<DigitGroup>, isInternational: Bool) -> Bool {
        let digitCount = groups.reduce(0) { $0 + $1.digitCount }
        let hasParentheses = groups.contains(where: \.isParenthesized)
        let minimum = isInternational || hasParentheses ? 7 : 8
        guard digitCount >= minimum, digitCount <= 15 else { return false }
        let singleDigitGroups = groups.filter { !$0.isParenthesized && $0.digitCount == 1 }.count
        return singleDigitGroups <= 1
    }

    private static func numberReplacements(
        in span: NumberSpan, of characters: [Character]
    ) -> [(range: Range<Int>, token: String)] {
        let groups = span.groups
        // Dates are never numbers to hide; they may sit in a span beside a real phone number.
        var isTaken = Array(repeating: false, count: groups.count)
        var index = 0
        while index + 3 <= groups.count {
            if isDate(groups[index..<(index + 3)], in: characters) {
                for taken in index..<(index + 3) { isTaken[taken] = true }
                index += 3
            } else {
                index += 1
            }
        }
        var replacements: [(range: Range<Int>, token: String)] = []
        func range(from first: Int, to last: Int) -> Range<Int> {
            let start = first == 0 && span.hasLeadingPlus ? (span.plusIndex ?? groups[first].range.lowerBound)
                : groups[first].range.lowerBound
            return start..<groups[last].range.upperBound
        }
        // Cards first, longest window from each start: a `+` or parentheses mean a phone.
        index = 0
        while index < groups.count {
            var best: Int?
            var digitCount = 0
            var last = index
            while last < groups.count, !isTaken[last], !groups[last].isParenthesized {
                digitCount += groups[last].digitCount
                if digitCount > 19 { break }
                let international = index == 0 && span.hasLeadingPlus
                if digitCount >= 13, !international,
                   passesLuhnCheck(digits(of: groups[index...last], in: characters)) {
                    best = last
                }
                last += 1
            }
            if let best {
                replacements.append((range(from: index, to: best), "[card]"))
                for taken in index...best { isTaken[taken] = true }
                index = best + 1
            } else {
                index += 1
            }
        }
        // Then phones: each stretch of groups left between dates and cards, whole. Taking only
        // part of a stretch would turn any long non-card number (16 digits failing Luhn) into
        // "[phone]" plus a remainder, which says less than leaving the number as it is.
        index = 0
        while index < groups.count {
            guard !isTaken[index] else {
                index += 1
                continue
            }
            var last = index
            while last + 1 < groups.count, !isTaken[last + 1] { last += 1 }
            if isPhoneNumber(groups[index...last], isInternational: index == 0 && span.hasLeadingPlus) {
                replacements.append((range(from: index, to: last), "[phone]"))
            }
            index = last + 1
        }
        return replacements
    }
}
