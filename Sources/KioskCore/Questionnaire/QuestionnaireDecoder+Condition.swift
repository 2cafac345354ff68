import Yams

extension QuestionnaireDecoder {
    /// Parses a `when` and checks it against the questions before this one, placing each
    /// problem on the character of the expression it concerns.
    mutating func decodeCondition(_ field: YAMLField, ownID: String?, context: QuestionContext) -> Condition? {
        guard case .scalar = field.value, let source = field.value.scalarText else {
            report(
                "'when' must be a condition on an earlier answer, such as 'recommend <= 6'; found \(field.value.foundDescription)",
                at: field.value)
            return nil
        }
        let parsed: ConditionParser.Parsed
        do {
            parsed = try ConditionParser.parse(source)
        } catch {
            report(error.message, atOffset: error.offset, in: source, node: field.value)
            return nil
        }

        var isValid = true
        for site in parsed.comparisons {
            if site.questionID == ownID {
                report(
                    "a question cannot depend on its own answer; '\(site.questionID)' is this question",
                    atOffset: site.questionIDOffset, in: source, node: field.value)
                isValid = false
            } else if let earlier = context.earlier[site.questionID] {
                if let kind = earlier.kind, let problem = Self.mismatch(site, kind: kind) {
                    report(problem, atOffset: site.valueOffset, in: source, node: field.value)
                    isValid = false
                }
            } else if let laterNumber = context.later[site.questionID] {
                report(
                    "'\(site.questionID)' is question \(laterNumber), asked after this one; a condition can only use "
                        + "answers given before it, so move '\(site.questionID)' earlier",
                    atOffset: site.questionIDOffset, in: source, node: field.value)
                isValid = false
            } else {
                let known: String
                if let nearest = NearestName.nearest(to: site.questionID, among: context.earlierOrder) {
                    known = "; did you mean '\(nearest)'?"
                } else if context.earlierOrder.isEmpty {
                    known = "; this is the first question, so there is no earlier answer to depend on"
                } else {
                    known = "; earlier questions are \(Self.listed(context.earlierOrder))"
                }
                report(
                    "no question '\(site.questionID)' in this questionnaire\(known)",
                    atOffset: site.questionIDOffset, in: source, node: field.value)
                isValid = false
            }
        }
        return isValid ? parsed.condition : nil
    }

    /// Why a comparison cannot work for the question's kind of answer, if it cannot.
    private static func mismatch(_ site: ConditionComparisonSite, kind: QuestionKind) -> String? {
        let id = site.questionID
        if kind.isNumeric {
            if case .string(let text) = site.value {
                return "'\(id)' is a\(kind.typeName == "nps" ? "n" : "") \(kind.typeName) question with numeric answers; "
                    + "compare it with a number, not \"\(text)\", as in '\(id) <= 6'"
            }
            return nil
        }
        let example = kind.options.first.map { "\"\($0)\"" } ?? "\"...\""
        guard case .string(let text) = site.value else {
            return "'\(id)' is a \(kind.typeName) question with text answers; compare it with text in double quotes, "
                + "as in '\(id) == \(example)'"
        }
        guard site.op == .equal || site.op == .notEqual else {
            return "'\(site.op.rawValue)' compares numbers, but '\(id)' is a \(kind.typeName) question with text answers; use == or !="
        }
        let options = kind.options
        if !options.isEmpty, !options.contains(where: { $0.lowercased() == text.lowercased() }) {
            return "\"\(text)\" is not an option of '\(id)'"
                + NearestName.suggestion(for: text, among: options, otherwise: "its options are \(listed(options))")
        }
        return nil
    }

    /// Reports at the column of `offset` within the expression when the expression appears
    /// verbatim in the file (plain or quoted without escapes); otherwise at the value's start,
    /// naming the character.
    mutating func report(_ message: String, atOffset offset: Int, in expression: String, node: Node) {
        if let column = column(ofOffset: offset, in: expression, node: node), let line = node.mark?.line {
            report(message, line: line, column: column)
        } else {
            report("\(message) (at character \(offset + 1) of the condition)", at: node)
        }
    }

    private func column(ofOffset offset: Int, in expression: String, node: Node) -> Int? {
        guard case .scalar(let scalar) = node, let mark = scalar.mark else { return nil }
        let startColumn: Int
        switch scalar.style {
        case .plain, .any: startColumn = mark.column
        case .singleQuoted, .doubleQuoted: startColumn = mark.column + 1
        default: return nil
        }
        let lineIndex = mark.line - 1
        guard sourceLines.indices.contains(lineIndex) else { return nil }
        let line = sourceLines[lineIndex]
        let expressionScalars = Array(expression.unicodeScalars)
        let start = startColumn - 1
        guard start >= 0, start + expressionScalars.count <= line.count,
              Array(line[start..<start + expressionScalars.count]) == expressionScalars
        else { return nil }
        let scalarOffset = String(expression.prefix(offset)).unicodeScalars.count
        return startColumn + scalarOffset
    }
}
