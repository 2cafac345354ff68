import Foundation
import Yams

/// What a `when` may refer to: questions before the current one (with their kinds when they
/// loaded) and the ids of the questions after it.
struct QuestionContext {
    struct Earlier {
        var number: Int
        var kind: QuestionKind?
    }

    var earlier: [String: Earlier] = [:]
    var earlierOrder: [String] = []
    var later: [String: Int] = [:]
}

extension QuestionnaireDecoder {
    static let commonQuestionKeys = ["id", "type", "prompt", "help", "required", "when"]
    static let typeNames = ["nps", "scale", "choice", "multi", "yesno", "text"]
    static let keysByType: [String: [String]] = [
        "nps": ["labels"],
        "scale": ["min", "max", "labels"],
        "choice": ["options", "segment"],
        "multi": ["options", "min", "max"],
        "yesno": [],
        "text": ["max_length", "entries", "themes"],
    ]
    static let allQuestionKeys = commonQuestionKeys + ["labels", "min", "max", "options", "segment", "max_length", "entries", "themes"]
    static let maxLengthRange = 1...10_000
    static let defaultMaxLength = 1000
    static let scaleBounds = -100...100
    static let scaleMaxPoints = 101

    // MARK: The list

    mutating func decodeQuestions(_ field: YAMLField) -> [Question]? {
        guard case .sequence(let sequence) = field.value else {
            if field.value.isNull {
                report("'questions' is empty; add at least one question, starting with '- id: ...'", at: field.value)
            } else {
                report(
                    "'questions' must be a list, each question starting with '- id: ...'; found \(field.value.foundDescription)",
                    at: field.value)
            }
            return nil
        }
        guard !sequence.isEmpty else {
            report("'questions' is empty; add at least one question, starting with '- id: ...'", at: field.value)
            return nil
        }

        // Every id first, so a `when` naming a later question can say so rather than "unknown".
        let idNodes: [(id: String, node: Node)?] = sequence.map { item in
            guard case .mapping(let mapping) = item, let node = mapping["id"], let id = node.scalarText else { return nil }
            return (id, node)
        }
        var context = QuestionContext()
        for (index, entry) in idNodes.enumerated() {
            if let entry, context.later[entry.id] == nil { context.later[entry.id] = index + 1 }
        }

        var questions: [Question] = []
        var firstUse: [String: (number: Int, line: Int?)] = [:]
        for (index, item) in sequence.enumerated() {
            let number = index + 1
            let ownID = idNodes[index]?.id
            if let ownID, context.later[ownID] == number { context.later[ownID] = nil }
            let (question, kind) = decodeQuestion(item, number: number, ownID: ownID, context: context)
            if let question { questions.append(question) }
            guard let (id, node) = idNodes[index] else { continue }
            if let first = firstUse[id] {
                let place = first.line.map { " (line \($0))" } ?? ""
                report(
                    "question id '\(id)' is already used by question \(first.number)\(place); give each question its own id",
                    at: node)
            } else {
                firstUse[id] = (number, node.mark?.line)
                context.earlier[id] = .init(number: number, kind: kind)
                context.earlierOrder.append(id)
            }
        }
        return questions.count == sequence.count ? questions : nil
    }

    // MARK: One question

    /// The question if it is valid, and its kind whenever the type and its own keys are, so
    /// later conditions can still be checked against a question with an unrelated mistake.
    private mutating func decodeQuestion(
        _ node: Node, number: Int, ownID: String?, context: QuestionContext
    ) -> (question: Question?, kind: QuestionKind?) {
        guard case .mapping(let mapping) = node else {
            report(
                "question \(number) must be a mapping with 'id', 'type' and 'prompt'; found \(node.foundDescription)",
                at: node)
            return (nil, nil)
        }
        let diagnosticsBefore = diagnostics.count
        let name = ownID.map { "question '\($0)'" } ?? "question \(number)"

        // The type decides which other keys belong, so it is read first.
        var typeName: String?
        if let typeNode = mapping["type"] {
            typeName = decodeTypeName(YAMLField(name: "type", key: typeNode, value: typeNode))
        }
        let allowed = typeName.map { Self.commonQuestionKeys + (Self.keysByType[$0] ?? []) } ?? Self.allQuestionKeys
        let fields = fields(
            of: mapping,
            allowed: allowed,
            misplacedKey: { key in
                guard let typeName, Self.allQuestionKeys.contains(key) else { return nil }
                let users = Self.typeNames.filter { Self.keysByType[$0]?.contains(key) ?? false }
                return "'\(key)' is not used by a '\(typeName)' question; remove it, or change the type "
                    + "('\(key)' belongs to \(Self.listed(users)) questions)"
            },
            unknownKey: { key in
                "unknown key '\(key)'" + NearestName.suggestion(
                    for: key, among: allowed,
                    otherwise: "a\(typeName.map { $0 == "nps" ? "n nps" : " \($0)" } ?? "") question has \(Self.listed(allowed))")
            })

        let id = required("id", in: fields, of: node, add: "'id: ...', a short name such as 'reason'", context: name)
            .flatMap { text($0) }
        if let id, let field = fields["id"] {
            checkIdentifier(id, at: field.value, what: "question id", separator: "_", example: "main_reason")
        }
        _ = required("type", in: fields, of: node, add: "'type:' with one of \(Self.listed(Self.typeNames, joiner: "or"))", context: name)
        let prompt = required("prompt", in: fields, of: node, add: "'prompt: ...' with the question to ask", context: name)
            .flatMap { text($0) }
        let help = fields["help"].flatMap { text($0) }
        let isRequired = fields["required"].flatMap { flag($0) }
        let condition = fields["when"].flatMap { decodeCondition($0, ownID: ownID, context: context) }

        var kind: QuestionKind?
        switch typeName {
        case "nps":
            let labels = fields["labels"].flatMap { decodeLabels($0, range: 0...10) }
            kind = .nps(labels: labels ?? [:])
        case "scale":
            kind = decodeScale(fields, node: node, name: name)
        case "choice":
            let options = required("options", in: fields, of: node, add: "'options:' with a list of answers to pick from", context: name)
                .flatMap { decodeOptions($0) }
            let isSegment = fields["segment"].flatMap { flag($0) } ?? false
            kind = options.map { .choice(options: $0, isSegment: isSegment) }
        case "multi":
            kind = decodeMulti(fields, node: node, name: name)
        case "yesno":
            kind = .yesno
        case "text":
            kind = decodeText(fields)
        default:
            kind = nil
        }

        guard diagnostics.count == diagnosticsBefore, let id, let prompt, let kind else { return (nil, kind) }
        return (Question(id: id, prompt: prompt, help: help, isRequired: isRequired, condition: condition, kind: kind), kind)
    }

    private mutating func decodeTypeName(_ field: YAMLField) -> String? {
        guard let type = field.value.scalarText, !type.isEmpty else {
            report(
                "'type' must be one of \(Self.listed(Self.typeNames, joiner: "or")); found \(field.value.foundDescription)",
                at: field.value)
            return nil
        }
        guard Self.typeNames.contains(type) else {
            report(
                "unknown question type '\(type)'"
                    + NearestName.suggestion(for: type, among: Self.typeNames, otherwise: "use \(Self.listed(Self.typeNames, joiner: "or"))"),
                at: field.value)
            return nil
        }
        return type
    }

    // MARK: Types

    private mutating func decodeScale(_ fields: [String: YAMLField], node: Node, name: String) -> QuestionKind? {
        let minField = required("min", in: fields, of: node, add: "'min:', the lowest answer, such as 1", context: name)
        let maxField = required("max", in: fields, of: node, add: "'max:', the highest answer, such as 5", context: name)
        let low = minField.flatMap { boundedScaleValue($0) }
        let high = maxField.flatMap { boundedScaleValue($0) }
        guard let low, let high, let maxField else { return nil }
        guard low < high else {
            report("'max' (\(high)) must be greater than 'min' (\(low))", at: maxField.value)
            return nil
        }
        guard high - low < Self.scaleMaxPoints else {
            report(
                "a scale has at most \(Self.scaleMaxPoints) points, such as 0 to 100; 'min' \(low) and 'max' \(high) give \(high - low + 1)",
                at: maxField.value)
            return nil
        }
        let labels = fields["labels"].flatMap { decodeLabels($0, range: low...high) }
        return .scale(min: low, max: high, labels: labels ?? [:])
    }

    private mutating func boundedScaleValue(_ field: YAMLField) -> Int? {
        guard let value = wholeNumber(field) else { return nil }
        guard Self.scaleBounds.contains(value) else {
            report(
                "'\(field.name)' must be between \(Self.scaleBounds.lowerBound) and \(Self.scaleBounds.upperBound); found \(value)",
                at: field.value)
            return nil
        }
        return value
    }

    private mutating func decodeMulti(_ fields: [String: YAMLField], node: Node, name: String) -> QuestionKind? {
        let options = required("options", in: fields, of: node, add: "'options:' with a list of answers to pick from", context: name)
            .flatMap { decodeOptions($0) }
        let minPicks = fields["min"].flatMap { wholeNumber($0) }
        let maxPicks = fields["max"].flatMap { wholeNumber($0) }
        guard let options else { return nil }
        let resolvedMin = minPicks ?? 1
        let resolvedMax = maxPicks ?? options.count
        if let minField = fields["min"], let minPicks, minPicks < 0 {
            report("'min' is the fewest options a respondent must pick; it cannot be negative (found \(minPicks))", at: minField.value)
            return nil
        }
        if let maxField = fields["max"], let maxPicks {
            if maxPicks < 1 {
                report("'max' is the most options a respondent may pick; it must be at least 1 (found \(maxPicks))", at: maxField.value)
                return nil
            }
            if maxPicks > options.count {
                report("'max' is \(maxPicks) but there are only \(options.count) options; lower 'max' or add options", at: maxField.value)
                return nil
            }
        }
        if resolvedMin > resolvedMax {
            let where_ = fields["min"] ?? fields["max"]
            let message = "'min' (\(resolvedMin)) is more than 'max' (\(resolvedMax)); a respondent could never answer"
            if let where_ { report(message, at: where_.value) } else { report(message, at: node) }
            return nil
        }
        return .multi(options: options, minPicks: resolvedMin, maxPicks: resolvedMax)
    }

    private mutating func decodeText(_ fields: [String: YAMLField]) -> QuestionKind? {
        let diagnosticsBefore = diagnostics.count
        var maxLength = Self.defaultMaxLength
        if let field = fields["max_length"], let value = wholeNumber(field) {
            if Self.maxLengthRange.contains(value) {
                maxLength = value
            } else {
                report(
                    "'max_length' must be from \(Self.maxLengthRange.lowerBound) to \(Self.maxLengthRange.upperBound) characters; found \(value)",
                    at: field.value)
            }
        }
        var allowsMany = false
        if let field = fields["entries"], let entries = text(field) {
            switch entries {
            case "one": allowsMany = false
            case "many": allowsMany = true
            default:
                report(
                    "'entries' must be 'one' or 'many'; found '\(entries)'"
                        + (NearestName.nearest(to: entries, among: ["one", "many"]).map { "; did you mean '\($0)'?" } ?? ""),
                    at: field.value)
            }
        }
        let themes = fields["themes"].flatMap { decodeThemes($0) }
        guard diagnostics.count == diagnosticsBefore else { return nil }
        return .text(maxLengthCharacters: maxLength, allowsManyEntries: allowsMany, themes: themes ?? [])
    }

    // MARK: Parts

    private mutating func decodeLabels(_ field: YAMLField, range: ClosedRange<Int>) -> [Int: String]? {
        guard case .mapping(let mapping) = field.value else {
            report(
                "'labels' must map answers to words, such as '0: Not at all likely'; found \(field.value.foundDescription)",
                at: field.value)
            return nil
        }
        var labels: [Int: String] = [:]
        var isValid = true
        for (key, value) in mapping {
            guard let number = key.wholeNumber else {
                report(
                    "a label's key is the answer it names, a whole number from \(Self.rangeText(range)); found \(key.foundDescription)",
                    at: key)
                isValid = false
                continue
            }
            guard range.contains(number) else {
                report("label \(number) is outside the answers \(Self.rangeText(range)); use a value in that range", at: key)
                isValid = false
                continue
            }
            guard labels[number] == nil else {
                report("label \(number) is given twice; keep one", at: key)
                isValid = false
                continue
            }
            guard let label = text(YAMLField(name: "label \(number)", key: key, value: value)) else {
                isValid = false
                continue
            }
            labels[number] = label
        }
        return isValid ? labels : nil
    }

    private mutating func decodeOptions(_ field: YAMLField) -> [String]? {
        guard case .sequence(let sequence) = field.value, !sequence.isEmpty else {
            let found = field.value.foundDescription
            report(
                "'options' must be a non-empty list of answers, such as [Sales, Service, Other]; found \(found == "a list" ? "an empty list" : found)",
                at: field.value)
            return nil
        }
        var options: [String] = []
        var seen: [String: String] = [:]
        var isValid = true
        for (index, item) in sequence.enumerated() {
            if case .mapping = item {
                report("option \(index + 1) is a mapping; if the option contains ': ', put it in quotes", at: item)
                isValid = false
                continue
            }
            guard let option = text(YAMLField(name: "option \(index + 1)", key: item, value: item)) else {
                isValid = false
                continue
            }
            let trimmed = option.trimmingCharacters(in: .whitespaces)
            if Self.isNumeric(trimmed) {
                report(
                    "option '\(trimmed)' is a number, but respondents may answer with an option's number, so it would be ambiguous; "
                        + "write it in words, such as '\(trimmed) or more'",
                    at: item)
                isValid = false
            } else if trimmed.hasPrefix(":") {
                report("option '\(trimmed)' starts with ':', which is kept for commands such as ':back'; reword it", at: item)
                isValid = false
            } else if let first = seen[trimmed.lowercased()] {
                report("option '\(trimmed)' repeats '\(first)'; options must differ by more than letter case", at: item)
                isValid = false
            } else {
                seen[trimmed.lowercased()] = trimmed
                options.append(trimmed)
            }
        }
        return isValid ? options : nil
    }

    private static func isNumeric(_ text: String) -> Bool {
        text.contains(where: { $0.isASCII && $0.isNumber })
            && text.allSatisfy { ($0.isASCII && $0.isNumber) || ".,+- ".contains($0) }
    }

    private mutating func decodeThemes(_ field: YAMLField) -> [NamedTheme]? {
        guard case .mapping(let mapping) = field.value, !mapping.isEmpty else {
            report(
                "'themes' must map each theme's name to a list of keywords, such as 'tools: [system, laptop, software]'; found \(field.value.foundDescription)",
                at: field.value)
            return nil
        }
        var themes: [NamedTheme] = []
        var seen: Set<String> = []
        var isValid = true
        for (key, value) in mapping {
            guard let name = text(YAMLField(name: "theme name", key: key, value: key)) else {
                isValid = false
                continue
            }
            guard seen.insert(name.lowercased()).inserted else {
                report("theme '\(name)' is given twice; merge their keywords", at: key)
                isValid = false
                continue
            }
            guard case .sequence(let sequence) = value, !sequence.isEmpty else {
                report(
                    "theme '\(name)' needs a non-empty list of keywords, such as [\(name), ...]; found \(value.foundDescription)",
                    at: value)
                isValid = false
                continue
            }
            var keywords: [String] = []
            for item in sequence {
                guard let keyword = text(YAMLField(name: "keyword of theme '\(name)'", key: item, value: item)) else {
                    isValid = false
                    continue
                }
                keywords.append(keyword)
            }
            themes.append(NamedTheme(name: name, keywords: keywords))
        }
        return isValid ? themes : nil
    }
}
