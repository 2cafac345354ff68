import KioskCore
import Testing

/// Inputs that `fuzz/ConditionFuzzer.swift` found breaking its invariant: a parsed condition,
/// written back with `description`, must parse again to the same condition.
@Suite struct ConditionFuzzRegressionTests {
    /// The fuzzer's own input (crash-6b0a13fc…): a 71-digit literal printed as `6.666…e+70`,
    /// which the parser, reading only `-?[0-9]+(\.[0-9]+)?`, refused.
    static let hugeLiteral: [UInt8] = Array("x6<=".utf8)
        + Array(repeating: UInt8(ascii: "6"), count: 42) + [UInt8(ascii: "2")]
        + Array(repeating: UInt8(ascii: "6"), count: 27)

    @Test(arguments: [
        String(decoding: hugeLiteral, as: UTF8.self),
        "x < 0.00001",
        "x > -0.000000123456",
        "x == 1000000000000000",
        "x >= 123456789012345678901234567890.5",
    ])
    func descriptionParsesBackToTheSameCondition(source: String) throws {
        let condition = try Condition.parse(source)
        #expect(!condition.description.contains("e"))
        #expect(try Condition.parse(condition.description) == condition)
    }

    @Test func numbersPrintWithoutAnExponent() {
        #expect(ConditionValue.number(1e-5).description == "0.00001")
        #expect(ConditionValue.number(-2.5e20).description == "-250000000000000000000")
        #expect(ConditionValue.number(1.25e16).description == "12500000000000000")
        #expect(ConditionValue.number(0.5).description == "0.5")
    }

    @Test func aLiteralThatOverflowsToInfinityIsRejected() {
        let source = "x > " + String(repeating: "9", count: 400)
        #expect(throws: ConditionSyntaxError(offset: 4, message: "this number is too large; no answer can reach it")) {
            try Condition.parse(source)
        }
    }
}
