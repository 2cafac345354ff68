import Foundation
@testable import KioskCore
import Testing

/// Holds ``RecordDecoder`` (the byte-level reader `kiosk summarize` uses) to Foundation's
/// `JSONSerialization`: over seeded, generated and mutated journal lines, both must agree on
/// whether a line is a format 1 record and, when it is, on every field, byte for byte.
@Suite struct RecordDecoderDifferentialTests {
    /// How many lines each test checks; the whole suite runs in a few seconds.
    static let caseCount = 3000

    @Test func generatedLinesDecodeAsJSONSerializationReadsThem() {
        var generator = LineGenerator(seed: 0x6B69_6F73_6B01)
        var checked = 0, valid = 0
        for _ in 0..<Self.caseCount {
            let line = generator.line()
            valid += expectAgreement(line) ? 1 : 0
            checked += 1
        }
        // The generator must exercise both sides, or the test proves little.
        #expect(valid > checked / 5 && valid < checked * 4 / 5, "valid \(valid) of \(checked)")
    }

    @Test func mutatedLinesDecodeAsJSONSerializationReadsThem() {
        var generator = LineGenerator(seed: 0x6B69_6F73_6B02)
        for _ in 0..<Self.caseCount {
            var line = generator.line()
            for _ in 0...generator.random.below(3) { generator.mutate(&line) }
            expectAgreement(line)
        }
    }

    @Test(arguments: [
        "{\"format\":1,\"id\":\"a\",\"questionnaire\":\"q\",\"questionnaire_version\":\"1\",\"date\":\"2026-01-02\",\"answers\":{}}",
        "\u{FEFF}{\"format\":1,\"id\":\"a\",\"questionnaire\":\"q\",\"questionnaire_version\":\"1\",\"date\":\"2026-01-02\",\"answers\":{\"x\":[\"a\",],},}",
        "{\"format\":1.0,\"id\":\"a\",\"questionnaire\":\"q\",\"questionnaire_version\":\"1\",\"date\":\"2026-01-02\",\"answers\":{}}",
        "{\"format\":1,\"id\":\"a\",\"questionnaire\":\"q\",\"questionnaire_version\":\"1\",\"date\":\"2026-01-02\",\"answers\":{\"n\":1e400}}",
        "{\"format\":1,\"id\":\"a\",\"questionnaire\":\"q\",\"questionnaire_version\":\"1\",\"date\":\"2026-01-02\",\"answers\":{\"n\":\"\\ud83d\\ude42\"}}",
        "{\"format\":1,\"id\":\"a\",\"questionnaire\":\"q\",\"questionnaire_version\":\"1\",\"date\":\"2026-01-02\",\"answers\":{\"n\":\"\\ud83d\"}}",
        "{\"format\":1,\"id\":\"a\",\"questionnaire\":\"q\",\"questionnaire_version\":\"1\",\"date\":\"2026-01-02\",\"answers\":{\"n\":\"\\ude42\"}}",
        "{\"format\":1,\"id\":\"a\",\"id\":\"b\",\"questionnaire\":\"q\",\"questionnaire_version\":\"1\",\"date\":\"2026-01-02\",\"answers\":{\"n\":9223372036854775808}}",
        "{\"format\":1,\"id\":\"a\",\"questionnaire\":\"q\",\"questionnaire_version\":\"1\",\"date\":\"2026-01-02\",\"answers\":{\"n\":12345678901234567890123}}",
        "{\"format\":1,\"id\":\"a\",\"questionnaire\":\"q\",\"questionnaire_version\":\"1\",\"date\":\"2026-01-02\",\"answers\":{},\"x\":" + deep(511) + "}",
        "{\"format\":1,\"id\":\"a\",\"questionnaire\":\"q\",\"questionnaire_version\":\"1\",\"date\":\"2026-01-02\",\"answers\":{},\"x\":" + deep(512) + "}",
    ])
    func edgeCasesDecodeAsJSONSerializationReadsThem(_ line: String) {
        expectAgreement(Array(line.utf8))
    }

    static func deep(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    /// Checks one line; whether the reference found a record.
    @discardableResult
    func expectAgreement(_ line: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let expected = ReferenceRecordDecoder.decode(line)
        let actual = RecordDecoder.decode(line)
        let shown = String(decoding: line.prefix(400), as: UTF8.self).debugDescription
        #expect(
            actual.map(ComparableRecord.init) == expected.map(ComparableRecord.init),
            "line \(shown) (\(line.count) bytes)", sourceLocation: sourceLocation)
        return expected != nil
    }
}

/// A record's fields as bytes (Swift's `String ==` treats canonically equivalent text as equal;
/// the reader must keep the bytes) with the answers as a dictionary (JSON members have no order),
/// and how many answers there are: a repeated question id must leave one answer, not two.
struct ComparableRecord: Equatable {
    var fields: [[UInt8]?]
    var answers: [[UInt8]: [[UInt8]]]
    var answerCount: Int

    init(_ record: JournalRecord) {
        func bytes(_ text: String?) -> [UInt8]? { text.map { Array($0.utf8) } }
        fields = [
            bytes(String(record.format)), bytes(record.id), bytes(record.questionnaire), bytes(record.questionnaireVersion),
            bytes(record.date), bytes(record.session), bytes(record.location),
        ]
        var answers: [[UInt8]: [[UInt8]]] = [:]
        for (questionID, answer) in record.answers {
            switch answer {
            case .number(let number): answers[Array(questionID.utf8)] = [Array("number".utf8), Array(String(number).utf8)]
            case .text(let text): answers[Array(questionID.utf8)] = [Array("text".utf8), Array(text.utf8)]
            case .list(let items): answers[Array(questionID.utf8)] = [Array("list".utf8)] + items.map { Array($0.utf8) }
            }
        }
        self.answers = answers
        answerCount = record.answers.count
    }
}
