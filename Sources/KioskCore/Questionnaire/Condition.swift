/// A `when` expression: a small, safe condition on earlier answers.
///
/// Grammar (lowest precedence first):
/// `or` < `and` < `not` < comparison; a comparison is `question_id OP literal` with
/// `OP` one of `== != < <= > >=` and a literal a number or a double-quoted string.
public indirect enum Condition: Sendable, Equatable {
    case comparison(questionID: String, op: ComparisonOperator, value: ConditionValue)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)

    /// Every question id the condition reads, in order of appearance.
    public var referencedQuestionIDs: [String] {
        switch self {
        case .comparison(let id, _, _): [id]
        case .and(let lhs, let rhs), .or(let lhs, let rhs): lhs.referencedQuestionIDs + rhs.referencedQuestionIDs
        case .not(let inner): inner.referencedQuestionIDs
        }
    }

    /// The text each question is compared with, by question id: the options a condition on a
    /// choice question names.
    public var comparedTexts: [String: Set<String>] {
        switch self {
        case .comparison(let id, _, .string(let text)): [id: [text]]
        case .comparison: [:]
        case .and(let lhs, let rhs), .or(let lhs, let rhs): lhs.comparedTexts.merging(rhs.comparedTexts) { $0.union($1) }
        case .not(let inner): inner.comparedTexts
        }
    }

    /// Whether the condition holds for the answers given so far.
    ///
    /// A comparison with a question that has no answer (skipped, or not asked) is false, so a
    /// follow-up for detractors is not asked of someone who skipped the score. Text and list
    /// answers compare as strings; `==` on a list means "contains".
    public func isSatisfied(by answers: [String: Answer]) -> Bool {
        switch self {
        case .and(let lhs, let rhs):
            return lhs.isSatisfied(by: answers) && rhs.isSatisfied(by: answers)
        case .or(let lhs, let rhs):
            return lhs.isSatisfied(by: answers) || rhs.isSatisfied(by: answers)
        case .not(let inner):
            return !inner.isSatisfied(by: answers)
        case .comparison(let id, let op, let value):
            guard let answer = answers[id] else { return false }
            return Self.compare(answer, op, value)
        }
    }

    private static func compare(_ answer: Answer, _ op: ComparisonOperator, _ value: ConditionValue) -> Bool {
        switch (answer, value) {
        case (.number(let number), .number(let literal)):
            return op.holds(Double(number), literal)
        case (.text(let text), .string(let literal)):
            return op.holds(text.lowercased(), literal.lowercased())
        case (.list(let items), .string(let literal)):
            let contains = items.contains { $0.lowercased() == literal.lowercased() }
            switch op {
            case .equal: return contains
            case .notEqual: return !contains
            default: return false
            }
        default:
            return false
        }
    }
}

/// A comparison in a `when` expression.
public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    func holds<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
        switch self {
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        }
    }
}

/// The literal on the right of a comparison.
public enum ConditionValue: Sendable, Equatable {
    case number(Double)
    case string(String)
}

extension Condition: CustomStringConvertible {
    /// The condition written the way a questionnaire file writes it, with only the parentheses
    /// that precedence needs: `recommend <= 6 and (team == "Sales" or team == "Service")`.
    public var description: String {
        render(within: 0)
    }

    /// Binding strength: `or` 1, `and` 2, `not` 3, a comparison 4.
    private var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .not: 3
        case .comparison: 4
        }
    }

    private func render(within parentPrecedence: Int) -> String {
        let text: String
        switch self {
        case .comparison(let id, let op, let value):
            text = "\(id) \(op.rawValue) \(value)"
        case .or(let lhs, let rhs):
            text = "\(lhs.render(within: 1)) or \(rhs.render(within: 2))"
        case .and(let lhs, let rhs):
            text = "\(lhs.render(within: 2)) and \(rhs.render(within: 3))"
        case .not(let inner):
            text = "not \(inner.render(within: 3))"
        }
        return precedence < parentPrecedence ? "(\(text))" : text
    }
}

extension ConditionValue: CustomStringConvertible {
    /// The literal as written in a condition: `6`, `2.5`, `"Sales"` (with `\"` and `\\` escaped).
    public var description: String {
        switch self {
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 {
                return String(Int(number))
            }
            return Self.positionalNotation(number)
        case .string(let text):
            var escaped = ""
            for character in text {
                if character == "\\" || character == "\"" { escaped.append("\\") }
                escaped.append(character)
            }
            return "\"\(escaped)\""
        }
    }

    /// `number` (finite) without an exponent, since the parser reads only `-?[0-9]+(\.[0-9]+)?`:
    /// Swift's shortest digits that read back to the same `Double`, with the point moved and
    /// zeros added instead of `e+70` or `e-05`. Without this, `x <= 1e70` written out in full,
    /// or `x < 0.00001`, came back as text that does not parse (found by fuzzing).
    static func positionalNotation(_ number: Double) -> String {
        let shortest = String(number)
        guard let exponentMark = shortest.firstIndex(of: "e"),
              let exponent = Int(shortest[shortest.index(after: exponentMark)...])
        else { return shortest }
        var mantissa = shortest[..<exponentMark]
        let sign = mantissa.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { mantissa = mantissa.dropFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerDigits = parts[0]
        let digits = String(integerDigits) + (parts.count > 1 ? String(parts[1]) : "")
        let digitsBeforePoint = integerDigits.count + exponent
        if digitsBeforePoint <= 0 {
            return sign + "0." + String(repeating: "0", count: -digitsBeforePoint) + digits
        }
        if digitsBeforePoint >= digits.count {
            return sign + digits + String(repeating: "0", count: digitsBeforePoint - digits.count)
        }
        return sign + digits.prefix(digitsBeforePoint) + "." + digits.dropFirst(digitsBeforePoint)
    }
}
