import Foundation
import Yams

/// Walks a composed YAML tree and builds a ``Questionnaire``, collecting a located diagnostic
/// for every problem instead of stopping at the first.
struct QuestionnaireDecoder {
    /// The file name diagnostics carry, as the user gave it.
    let file: String
    /// The source split into lines of Unicode scalars (Yams counts columns in scalars), used to
    /// place `when` errors on the exact character.
    let sourceLines: [[Unicode.Scalar]]
    /// Every problem found so far.
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, source: String) {
        self.file = file
        sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var scalars = Array(line.unicodeScalars)
            if scalars.last == "\r" { scalars.removeLast() }
            return scalars
        }
    }

    static let questionnaireKeys = ["id", "version", "title", "intro", "thanks", "audience", "nps_bands", "questions"]
    static let bandKeys = ["detractors", "passives", "promoters"]

    // MARK: Reporting

    mutating func report(_ message: String, at node: Node) {
        let mark = node.mark
        diagnostics.append(Diagnostic(file: file, line: mark?.line, column: mark?.column, message: message))
    }

    mutating func report(_ message: String, line: Int, column: Int) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
    }

    // MARK: The questionnaire

    mutating func decodeQuestionnaire(_ root: Node) -> Questionnaire? {
        guard case .mapping(let mapping) = root else {
            report(
                "expected a questionnaire, a mapping of keys such as 'id: staff-pulse' and 'title: ...'; found \(root.foundDescription)",
                at: root)
            return nil
        }
        let fields = fields(of: mapping, allowed: Self.questionnaireKeys) { key in
            "unknown key '\(key)'" + NearestName.suggestion(
                for: key, among: Self.questionnaireKeys,
                otherwise: "a questionnaire has the keys \(Self.listed(Self.questionnaireKeys))")
        }

        let id = required("id", in: fields, of: root, add: "'id: staff-pulse', the name used on the command line and in journals")
            .flatMap { text($0) }
        if let id, let field = fields["id"] {
            checkIdentifier(id, at: field.value, what: "questionnaire id", separator: "-", example: "staff-pulse")
        }
        let version = required("version", in: fields, of: root, add: "'version: 1', and raise it when you change the questions")
            .flatMap { text($0) }
        let title = required("title", in: fields, of: root, add: "'title: ...', the name shown on the welcome screen")
            .flatMap { text($0) }
        let intro = fields["intro"].flatMap { text($0) }
        let thanks = fields["thanks"].flatMap { text($0) }
        let audience = fields["audience"].flatMap { decodeAudience($0) }
        let bands = fields["nps_bands"].flatMap { decodeBands($0) }
        let questions = required("questions", in: fields, of: root, add: "'questions:' with a list of questions")
            .flatMap { decodeQuestions($0) }

        guard diagnostics.isEmpty, let id, let version, let title, let questions else { return nil }
        return Questionnaire(
            id: id,
            version: version,
            title: title,
            intro: intro ?? "",
            thanks: thanks ?? "Thank you.",
            audience: audience,
            npsBands: bands ?? .standard,
            questions: questions)
    }

    private mutating func decodeAudience(_ field: YAMLField) -> Audience? {
        guard let name = text(field) else { return nil }
        if let audience = Audience(rawValue: name) { return audience }
        let names = Audience.allCases.map(\.rawValue)
        report(
            "unknown audience '\(name)'" + NearestName.suggestion(for: name, among: names, otherwise: "use \(Self.listed(names, joiner: "or"))"),
            at: field.value)
        return nil
    }

    // MARK: NPS bands

    private mutating func decodeBands(_ field: YAMLField) -> NPSBands? {
        guard case .mapping(let mapping) = field.value else {
            report(
                "'nps_bands' must be a mapping such as 'detractors: \"0-6\"', 'promoters: \"9-10\"'; found \(field.value.foundDescription)",
                at: field.value)
            return nil
        }
        let fields = fields(of: mapping, allowed: Self.bandKeys) { key in
            "unknown key '\(key)'" + NearestName.suggestion(
                for: key, among: Self.bandKeys, otherwise: "'nps_bands' has \(Self.listed(Self.bandKeys))")
        }
        let detractorField = required("detractors", in: fields, of: field.value, add: "'detractors: \"0-6\"'")
        let promoterField = required("promoters", in: fields, of: field.value, add: "'promoters: \"9-10\"'")
        let detractors = detractorField.flatMap { scoreRange($0) }
        let promoters = promoterField.flatMap { scoreRange($0) }
        let passives = fields["passives"].flatMap { scoreRange($0) }
        guard let detractorField, let promoterField, let detractors, let promoters else { return nil }

        var isValid = true
        if detractors.lowerBound != 0 {
            report("detractors must start at 0, as in \"0-6\"", at: detractorField.value)
            isValid = false
        }
        if promoters.upperBound != 10 {
            report("promoters must end at 10, as in \"9-10\"", at: promoterField.value)
            isValid = false
        }
        guard isValid else { return nil }
        if promoters.lowerBound <= detractors.upperBound {
            report(
                "promoters (\(Self.rangeText(promoters))) overlap detractors (\(Self.rangeText(detractors))); "
                    + "promoters must start above \(detractors.upperBound)",
                at: promoterField.value)
            return nil
        }
        if let passives, let passiveField = fields["passives"] {
            let gap = (detractors.upperBound + 1, promoters.lowerBound - 1)
            if gap.0 > gap.1 {
                report(
                    "no scores are left for passives between detractors (\(Self.rangeText(detractors))) and promoters "
                        + "(\(Self.rangeText(promoters))); remove 'passives'",
                    at: passiveField.value)
                return nil
            }
            if passives != gap.0...gap.1 {
                report(
                    "passives must be \"\(Self.rangeText(gap.0...gap.1))\", exactly the scores between detractors "
                        + "(\(Self.rangeText(detractors))) and promoters (\(Self.rangeText(promoters)))",
                    at: passiveField.value)
                return nil
            }
        }
        return NPSBands(detractorMax: detractors.upperBound, promoterMin: promoters.lowerBound)
    }

    /// `"0-6"` or `10`: a range of 0-10 scores.
    private mutating func scoreRange(_ field: YAMLField) -> ClosedRange<Int>? {
        let problem = "'\(field.name)' must be a range of scores from 0 to 10 such as \"0-6\"; found \(field.value.foundDescription)"
        guard let raw = field.value.scalarText else {
            report(problem, at: field.value)
            return nil
        }
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), let low = Int(parts[0]), let high = Int(parts[parts.count - 1]) else {
            report(problem, at: field.value)
            return nil
        }
        guard low <= high, (0...10).contains(low), (0...10).contains(high) else {
            report(problem, at: field.value)
            return nil
        }
        return low...high
    }

    static func rangeText(_ range: ClosedRange<Int>) -> String {
        range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
    }

    // MARK: Reading values

    /// The keys of a mapping; unknown keys are reported with `unknownKey`'s message, and keys
    /// that `misplacedKey` recognises (valid elsewhere) with its message instead.
    mutating func fields(
        of mapping: Node.Mapping,
        allowed: [String],
        misplacedKey: (String) -> String? = { _ in nil },
        unknownKey: (String) -> String
    ) -> [String: YAMLField] {
        var fields: [String: YAMLField] = [:]
        for (key, value) in mapping {
            guard let name = key.scalarText else {
                report("expected a key name here, such as 'prompt'; found \(key.foundDescription)", at: key)
                continue
            }
            if allowed.contains(name) {
                fields[name] = YAMLField(name: name, key: key, value: value)
            } else if let message = misplacedKey(name) {
                report(message, at: key)
            } else {
                report(unknownKey(name), at: key)
            }
        }
        return fields
    }

    /// The field, or a "missing" diagnostic at the start of the mapping that lacks it.
    mutating func required(_ name: String, in fields: [String: YAMLField], of owner: Node, add example: String, context: String = "") -> YAMLField? {
        if let field = fields[name] { return field }
        let subject = context.isEmpty ? "missing '\(name)'" : "\(context) is missing '\(name)'"
        report("\(subject); add \(example)", at: owner)
        return nil
    }

    /// Non-empty text. Numbers and booleans are taken as written (`version: 1.0` is "1.0").
    /// Trailing line breaks from `|` blocks are dropped.
    mutating func text(_ field: YAMLField) -> String? {
        guard case .scalar = field.value else {
            report("'\(field.name)' must be text; found \(field.value.foundDescription)", at: field.value)
            return nil
        }
        let raw = field.value.scalarText ?? ""
        guard raw.contains(where: { !$0.isWhitespace }) else {
            report("'\(field.name)' is empty; write its text after '\(field.name):'", at: field.value)
            return nil
        }
        var trimmed = Substring(raw)
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        return String(trimmed)
    }

    mutating func wholeNumber(_ field: YAMLField) -> Int? {
        guard let number = field.value.wholeNumber else {
            report("'\(field.name)' must be a whole number, such as 5; found \(field.value.foundDescription)", at: field.value)
            return nil
        }
        return number
    }

    mutating func flag(_ field: YAMLField) -> Bool? {
        guard case .scalar(let scalar) = field.value, scalar.style == .plain || scalar.style == .any,
              field.value.tag.rawValue == Tag.Name.bool.rawValue, let value = field.value.bool
        else {
            report("'\(field.name)' must be true or false; found \(field.value.foundDescription)", at: field.value)
            return nil
        }
        return value
    }

    /// Reports an id that does not match `[a-z][a-z0-9<separator>]*`, with a corrected suggestion.
    mutating func checkIdentifier(_ id: String, at node: Node, what: String, separator: Character, example: String) {
        if Self.isIdentifier(id, separator: separator) { return }
        var suggestion = ""
        for character in id.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                suggestion.append(character)
            } else if character == " " || character == "-" || character == "_" || character == ".", suggestion.last != separator {
                suggestion.append(separator)
            }
        }
        while suggestion.last == separator { suggestion.removeLast() }
        let hint = Self.isIdentifier(suggestion, separator: separator) && suggestion != id
            ? "such as '\(suggestion)'" : "such as '\(example)'"
        report(
            "\(what) '\(id)' is not valid; use lower-case letters, digits and '\(separator)', starting with a letter, \(hint)",
            at: node)
    }

    static func isIdentifier(_ text: String, separator: Character) -> Bool {
        guard let first = text.first, first.isASCII, first.isLowercase else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == separator) }
    }

    /// `a, b and c` (or `a or b`), each quoted.
    static func listed(_ names: [String], joiner: String = "and") -> String {
        let quoted = names.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " \(joiner) " + (quoted.last ?? "")
    }
}
