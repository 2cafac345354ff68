import KioskCore
import Testing

@Suite struct ConditionParserTests {
    private func comparison(_ id: String, _ op: ComparisonOperator, _ value: Double) -> Condition {
        .comparison(questionID: id, op: op, value: .number(value))
    }

    private func comparison(_ id: String, _ op: ComparisonOperator, _ value: String) -> Condition {
        .comparison(questionID: id, op: op, value: .string(value))
    }

    @Test(arguments: [
        ("recommend == 6", ComparisonOperator.equal),
        ("recommend != 6", .notEqual),
        ("recommend < 6", .less),
        ("recommend <= 6", .lessOrEqual),
        ("recommend > 6", .greater),
        ("recommend >= 6", .greaterOrEqual),
        ("recommend>=6", .greaterOrEqual),
    ])
    func eachOperatorParses(source: String, op: ComparisonOperator) throws {
        #expect(try Condition.parse(source) == comparison("recommend", op, 6))
    }

    @Test func numbersMayBeNegativeOrDecimal() throws {
        #expect(try Condition.parse("delta > -3") == comparison("delta", .greater, -3))
        #expect(try Condition.parse("score >= 2.5") == comparison("score", .greaterOrEqual, 2.5))
        #expect(try Condition.parse("score <= -0.25") == comparison("score", .lessOrEqual, -0.25))
    }

    @Test func stringsKeepEscapedQuotesAndBackslashes() throws {
        #expect(try Condition.parse(#"team == "Sales""#) == comparison("team", .equal, "Sales"))
        #expect(try Condition.parse(#"team == "Product & Engineering""#) == comparison("team", .equal, "Product & Engineering"))
        #expect(try Condition.parse(#"quote == "say \"hi\"""#) == comparison("quote", .equal, #"say "hi""#))
        #expect(try Condition.parse(#"path == "a\\b""#) == comparison("path", .equal, #"a\b"#))
        #expect(try Condition.parse(#"team == "Café or and""#) == comparison("team", .equal, "Café or and"))
    }

    @Test func andBindsTighterThanOr() throws {
        let parsed = try Condition.parse("a == 1 or b == 2 and c == 3")
        #expect(parsed == .or(comparison("a", .equal, 1), .and(comparison("b", .equal, 2), comparison("c", .equal, 3))))
        let other = try Condition.parse("a == 1 and b == 2 or c == 3")
        #expect(other == .or(.and(comparison("a", .equal, 1), comparison("b", .equal, 2)), comparison("c", .equal, 3)))
    }

    @Test func notBindsTighterThanAnd() throws {
        let parsed = try Condition.parse("not a == 1 and b == 2")
        #expect(parsed == .and(.not(comparison("a", .equal, 1)), comparison("b", .equal, 2)))
        #expect(try Condition.parse("not not a == 1") == .not(.not(comparison("a", .equal, 1))))
    }

    @Test func parenthesesOverridePrecedence() throws {
        let parsed = try Condition.parse("(a == 1 or b == 2) and c == 3")
        #expect(parsed == .and(.or(comparison("a", .equal, 1), comparison("b", .equal, 2)), comparison("c", .equal, 3)))
        let negated = try Condition.parse("not (a == 1 or b == 2)")
        #expect(negated == .not(.or(comparison("a", .equal, 1), comparison("b", .equal, 2))))
        #expect(try Condition.parse("((a == 1))") == comparison("a", .equal, 1))
    }

    @Test func sameLevelOperatorsGroupToTheLeft() throws {
        let parsed = try Condition.parse("a == 1 or b == 2 or c == 3")
        #expect(parsed == .or(.or(comparison("a", .equal, 1), comparison("b", .equal, 2)), comparison("c", .equal, 3)))
    }

    @Test func parsedConditionDecidesWhoIsAsked() throws {
        let condition = try Condition.parse(#"recommend >= 9 and team != "Other""#)
        #expect(condition.isSatisfied(by: ["recommend": .number(9), "team": .text("Sales")]))
        #expect(!condition.isSatisfied(by: ["recommend": .number(9), "team": .text("other")]))
        #expect(!condition.isSatisfied(by: ["recommend": .number(8), "team": .text("Sales")]))
    }

    @Test(arguments: [
        "recommend <= 6",
        #"recommend >= 9 and team != "Other""#,
        #"(a == 1 or b == 2) and not c == "x \"y\" \\""#,
        "not (a == 1 and b == -2.5)",
    ])
    func descriptionRoundTrips(source: String) throws {
        let parsed = try Condition.parse(source)
        #expect(parsed.description == source)
        #expect(try Condition.parse(parsed.description) == parsed)
    }

    // MARK: Errors, each at its offset

    private func syntaxError(_ source: String) -> ConditionSyntaxError? {
        do {
            _ = try Condition.parse(source)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("", 0, "empty"),
        ("   ", 0, "empty"),
        ("recommend", 9, "expected one of == != < <= > >= after 'recommend', found the end"),
        ("recommend 6", 10, "expected one of == != < <= > >= after 'recommend', found '6'"),
        ("recommend <=", 12, "expected a number or a double-quoted string after '<=', found the end"),
        ("recommend = 6", 10, "use '=='"),
        ("recommend ! 6", 10, "use 'not'"),
        ("a == 1 && b == 2", 7, "use 'and'"),
        ("a == 1 || b == 2", 7, "use 'or'"),
        ("team == 'Sales'", 8, "double quotes"),
        ("team == Sales", 8, #"such as "Sales"; comparing two questions is not supported"#),
        (#"team == "Sales"#, 8, "never closed"),
        (#"team == "Sales\"#, 8, "never closed"),
        (#"team == "Sa\les""#, 11, #"unknown escape '\l'"#),
        ("6 >= recommend", 0, "write 'recommend <= 6'"),
        (#""Sales" == team"#, 0, #"write 'team == "Sales"'"#),
        ("6", 0, "starts with a question id"),
        ("<= 6", 0, "needs a question id on its left"),
        ("Recommend <= 6", 0, "'Recommend' is not a question id"),
        ("_score <= 6", 0, "'_score' is not a question id"),
        ("recommend <= 6 and", 18, "ends too early; expected a comparison such as 'recommend <= 6' after 'and'"),
        ("recommend <= 6 or or a == 1", 18, "before 'or'"),
        ("not", 3, "ends too early"),
        ("(a == 1", 0, "this '(' is never closed"),
        ("(a == 1 b == 2)", 8, "expected 'and', 'or' or ')' before 'b'"),
        ("a == 1)", 6, "this ')' has no matching '('"),
        ("a == 1 b == 2", 7, "expected 'and' or 'or' before 'b'"),
        ("()", 1, "before ')'"),
        ("a == 1 AND b == 2", 7, "write 'and' in lower case"),
        ("a == .5", 5, "digit before the decimal point"),
        ("a == 5.", 7, "digit after the decimal point"),
        ("a == 1.2.3", 8, "unexpected '.' after a number"),
        ("a == -x", 6, "expected a digit after '-'"),
        ("a == 6x", 6, "unexpected 'x' after a number"),
        ("a == 1 ; b", 7, "unexpected character ';'"),
        ("équipe == 1", 0, "unexpected character 'é'"),
    ])
    func syntaxErrorsPointAtTheProblem(source: String, offset: Int, message: String) throws {
        let error = try #require(syntaxError(source))
        #expect(error.offset == offset)
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func offsetsCountCharactersNotBytes() throws {
        let error = try #require(syntaxError(#"team == "Café" x"#))
        #expect(error.offset == 15)
    }
}
