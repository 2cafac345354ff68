extension Condition {
    /// Parses a `when` expression such as `recommend <= 6 and team != "Other"`.
    ///
    /// Precedence, lowest first: `or`, `and`, `not`, comparison; parentheses group. Each
    /// comparison is a question id (`[a-z][a-z0-9_]*`) on the left, one of `== != < <= > >=`,
    /// and a number (`7`, `-1`, `2.5`) or a double-quoted string (`"Sales"`, with `\"` and `\\`
    /// escapes) on the right.
    public static func parse(_ source: String) throws(ConditionSyntaxError) -> Condition {
        try ConditionParser.parse(source).condition
    }
}

/// One comparison in a parsed expression, with where its parts are, so the loader can point
/// at the question id or the literal when a comparison makes no sense for the question.
struct ConditionComparisonSite: Sendable, Equatable {
    var questionID: String
    var questionIDOffset: Int
    var op: ComparisonOperator
    var value: ConditionValue
    var valueOffset: Int
}

/// A recursive-descent parser for `when` expressions.
struct ConditionParser {
    struct Parsed: Sendable, Equatable {
        var condition: Condition
        var comparisons: [ConditionComparisonSite]
    }

    private enum TokenKind: Equatable {
        case identifier(String)
        case number(Double)
        case string(String)
        case comparison(ComparisonOperator)
        case and, or, not
        case openParenthesis, closeParenthesis
        case end
    }

    private struct Token {
        var kind: TokenKind
        var offset: Int
        var text: String
    }

    private var tokens: [Token]
    private var position = 0
    private var comparisons: [ConditionComparisonSite] = []

    static func parse(_ source: String) throws(ConditionSyntaxError) -> Parsed {
        var parser = ConditionParser(tokens: try tokenize(Array(source)))
        if parser.tokens.count == 1 {
            throw ConditionSyntaxError(
                offset: 0, message: "the condition is empty; write one such as 'recommend <= 6'")
        }
        let condition = try parser.parseOr()
        let next = parser.peek
        switch next.kind {
        case .end:
            break
        case .closeParenthesis:
            throw ConditionSyntaxError(offset: next.offset, message: "this ')' has no matching '('")
        default:
            throw ConditionSyntaxError(
                offset: next.offset, message: "expected 'and' or 'or' before '\(next.text)'")
        }
        return Parsed(condition: condition, comparisons: parser.comparisons)
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    // MARK: Grammar

    private var peek: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func parseOr() throws(ConditionSyntaxError) -> Condition {
        var condition = try parseAnd()
        while peek.kind == .or {
            _ = advance()
            condition = .or(condition, try parseAnd())
        }
        return condition
    }

    private mutating func parseAnd() throws(ConditionSyntaxError) -> Condition {
        var condition = try parseNot()
        while peek.kind == .and {
            _ = advance()
            condition = .and(condition, try parseNot())
        }
        return condition
    }

    private mutating func parseNot() throws(ConditionSyntaxError) -> Condition {
        if peek.kind == .not {
            _ = advance()
            return .not(try parseNot())
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ConditionSyntaxError) -> Condition {
        let token = peek
        switch token.kind {
        case .openParenthesis:
            _ = advance()
            let inner = try parseOr()
            let closing = peek
            switch closing.kind {
            case .closeParenthesis:
                _ = advance()
                return inner
            case .end:
                throw ConditionSyntaxError(offset: token.offset, message: "this '(' is never closed; add ')'")
            default:
                throw ConditionSyntaxError(
                    offset: closing.offset, message: "expected 'and', 'or' or ')' before '\(closing.text)'")
            }
        case .identifier(let name):
            return try parseComparison(questionID: name, at: token)
        case .number, .string:
            throw literalOnTheLeft(token)
        case .comparison:
            throw ConditionSyntaxError(
                offset: token.offset,
                message: "'\(token.text)' needs a question id on its left, as in 'recommend \(token.text) 6'")
        case .end:
            throw ConditionSyntaxError(
                offset: token.offset,
                message: "the condition ends too early; expected a comparison such as 'recommend <= 6'\(afterPrevious)")
        case .closeParenthesis:
            throw ConditionSyntaxError(
                offset: token.offset, message: "expected a comparison such as 'recommend <= 6' before ')'")
        case .and, .or, .not:
            throw ConditionSyntaxError(
                offset: token.offset,
                message: "expected a comparison such as 'recommend <= 6' before '\(token.text)'")
        }
    }

    private var afterPrevious: String {
        position > 0 ? " after '\(tokens[position - 1].text)'" : ""
    }

    private mutating func parseComparison(questionID: String, at token: Token) throws(ConditionSyntaxError) -> Condition {
        try Self.checkQuestionID(questionID, offset: token.offset)
        _ = advance()
        let operatorToken = peek
        guard case .comparison(let op) = operatorToken.kind else {
            let found = operatorToken.kind == .end ? "the end" : "'\(operatorToken.text)'"
            throw ConditionSyntaxError(
                offset: operatorToken.offset,
                message: "expected one of == != < <= > >= after '\(questionID)', found \(found)")
        }
        _ = advance()
        let valueToken = peek
        let value: ConditionValue
        switch valueToken.kind {
        case .number(let number):
            value = .number(number)
        case .string(let text):
            value = .string(text)
        case .identifier(let word):
            throw ConditionSyntaxError(
                offset: valueToken.offset,
                message: "compare '\(questionID)' with a number or with text in double quotes, such as \"\(word)\"; "
                    + "comparing two questions is not supported")
        default:
            let found = valueToken.kind == .end ? "the end" : "'\(valueToken.text)'"
            throw ConditionSyntaxError(
                offset: valueToken.offset,
                message: "expected a number or a double-quoted string after '\(op.rawValue)', found \(found)")
        }
        _ = advance()
        comparisons.append(ConditionComparisonSite(
            questionID: questionID, questionIDOffset: token.offset,
            op: op, value: value, valueOffset: valueToken.offset))
        return .comparison(questionID: questionID, op: op, value: value)
    }

    /// `6 >= recommend`: say which way round to write it, with the comparison flipped.
    private func literalOnTheLeft(_ token: Token) -> ConditionSyntaxError {
        if position + 2 < tokens.count,
           case .comparison(let op) = tokens[position + 1].kind,
           case .identifier(let name) = tokens[position + 2].kind {
            return ConditionSyntaxError(
                offset: token.offset,
                message: "the question id goes on the left of a comparison: write '\(name) \(op.flipped.rawValue) \(token.text)'")
        }
        return ConditionSyntaxError(
            offset: token.offset,
            message: "a comparison starts with a question id on the left, as in 'recommend <= 6'")
    }

    private static func checkQuestionID(_ name: String, offset: Int) throws(ConditionSyntaxError) {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first),
              name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else {
            throw ConditionSyntaxError(
                offset: offset,
                message: "'\(name)' is not a question id; ids are lower-case letters, digits and '_', starting with a letter")
        }
    }

    // MARK: Tokens

    private static func tokenize(_ characters: [Character]) throws(ConditionSyntaxError) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        func text(_ start: Int, _ end: Int) -> String { String(characters[start..<end]) }
        func next(_ offset: Int) -> Character? {
            index + offset < characters.count ? characters[index + offset] : nil
        }

        while index < characters.count {
            let character = characters[index]
            let start = index
            if character.isWhitespace {
                index += 1
                continue
            }
            switch character {
            case "(":
                tokens.append(Token(kind: .openParenthesis, offset: start, text: "("))
                index += 1
            case ")":
                tokens.append(Token(kind: .closeParenthesis, offset: start, text: ")"))
                index += 1
            case "=", "!", "<", ">":
                let hasEquals = next(1) == "="
                let op: ComparisonOperator
                switch (character, hasEquals) {
                case ("=", true): op = .equal
                case ("!", true): op = .notEqual
                case ("<", false): op = .less
                case ("<", true): op = .lessOrEqual
                case (">", false): op = .greater
                case (">", true): op = .greaterOrEqual
                case ("=", false):
                    throw ConditionSyntaxError(offset: start, message: "use '==' to test for equality")
                default:
                    throw ConditionSyntaxError(offset: start, message: "use 'not' to negate a condition, or '!=' for 'not equal'")
                }
                index += hasEquals ? 2 : 1
                tokens.append(Token(kind: .comparison(op), offset: start, text: op.rawValue))
            case "&":
                throw ConditionSyntaxError(offset: start, message: "use 'and' to combine conditions")
            case "|":
                throw ConditionSyntaxError(offset: start, message: "use 'or' to combine conditions")
            case "'":
                throw ConditionSyntaxError(offset: start, message: "put text in double quotes, as in \"Sales\"")
            case "\"":
                index += 1
                var value = ""
                while true {
                    guard index < characters.count else {
                        throw ConditionSyntaxError(offset: start, message: "this string is never closed; add '\"' at its end")
                    }
                    let inner = characters[index]
                    if inner == "\"" {
                        index += 1
                        break
                    }
                    if inner == "\\" {
                        guard let escaped = next(1) else {
                            throw ConditionSyntaxError(offset: start, message: "this string is never closed; add '\"' at its end")
                        }
                        guard escaped == "\"" || escaped == "\\" else {
                            throw ConditionSyntaxError(
                                offset: index,
                                message: "unknown escape '\\\(escaped)' in a string; only \\\" and \\\\ may follow a backslash")
                        }
                        value.append(escaped)
                        index += 2
                        continue
                    }
                    value.append(inner)
                    index += 1
                }
                tokens.append(Token(kind: .string(value), offset: start, text: text(start, index)))
            case _ where character == "-" || character == "." || (character.isASCII && character.isNumber):
                index = try scanNumber(characters, from: start)
                let literal = text(start, index)
                guard let number = Double(literal) else {
                    throw ConditionSyntaxError(offset: start, message: "'\(literal)' is not a number")
                }
                // Some 310 digits overflow a Double to infinity, which no answer can equal and
                // which `description` could only write as "inf" (found by fuzzing).
                guard number.isFinite else {
                    throw ConditionSyntaxError(offset: start, message: "this number is too large; no answer can reach it")
                }
                tokens.append(Token(kind: .number(number), offset: start, text: literal))
            case _ where isWordCharacter(character):
                while index < characters.count,
                      isWordCharacter(characters[index]) || (characters[index].isASCII && characters[index].isNumber) {
                    index += 1
                }
                let word = text(start, index)
                switch word {
                case "and": tokens.append(Token(kind: .and, offset: start, text: word))
                case "or": tokens.append(Token(kind: .or, offset: start, text: word))
                case "not": tokens.append(Token(kind: .not, offset: start, text: word))
                default:
                    if ["and", "or", "not"].contains(word.lowercased()) {
                        throw ConditionSyntaxError(offset: start, message: "write '\(word.lowercased())' in lower case")
                    }
                    tokens.append(Token(kind: .identifier(word), offset: start, text: word))
                }
            default:
                throw ConditionSyntaxError(offset: start, message: "unexpected character '\(character)'")
            }
        }
        tokens.append(Token(kind: .end, offset: characters.count, text: ""))
        return tokens
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character == "_" || (character.isASCII && character.isLetter)
    }

    /// Scans `-?[0-9]+(\.[0-9]+)?` and returns the index after it.
    private static func scanNumber(_ characters: [Character], from start: Int) throws(ConditionSyntaxError) -> Int {
        func isDigit(_ index: Int) -> Bool {
            index < characters.count && characters[index].isASCII && characters[index].isNumber
        }
        var index = start
        if characters[index] == "-" { index += 1 }
        guard isDigit(index) else {
            if index < characters.count, characters[index] == "." {
                throw ConditionSyntaxError(offset: index, message: "write a digit before the decimal point, as in 0.5")
            }
            throw ConditionSyntaxError(offset: index, message: "expected a digit after '-'")
        }
        while isDigit(index) { index += 1 }
        if index < characters.count, characters[index] == "." {
            index += 1
            guard isDigit(index) else {
                throw ConditionSyntaxError(offset: index, message: "expected a digit after the decimal point")
            }
            while isDigit(index) { index += 1 }
        }
        if index < characters.count,
           characters[index] == "." || characters[index] == "_" || characters[index].isLetter || characters[index].isNumber {
            throw ConditionSyntaxError(offset: index, message: "unexpected '\(characters[index])' after a number")
        }
        return index
    }
}

extension ComparisonOperator {
    /// The operator that says the same with its sides swapped (`<` for `>`).
    var flipped: ComparisonOperator {
        switch self {
        case .equal, .notEqual: self
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        }
    }
}
