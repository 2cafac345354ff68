import Foundation
@testable import KioskCore
import KioskTestSupport
import Testing

@Suite struct JournalRecordCoderTests {
    @Test func fieldsAreWrittenInTheDocumentedOrder() {
        let record = JournalFixtures.record(
            id: "6f1c2a7e-8a43-4c2e-9d41-3b1f0c9a2e55", session: "q4-offsite", location: "break-room-2",
            answers: [("recommend", .number(9)), ("reason", .text("Good team")),
                      ("barriers", .list(["old laptops", "meetings"])), ("team", .text("Service")),
                      ("delta", .number(-3))])
        let expected = #"{"format":1,"id":"6f1c2a7e-8a43-4c2e-9d41-3b1f0c9a2e55","questionnaire":"staff-pulse","questionnaire_version":"1","date":"2026-11-23","session":"q4-offsite","location":"break-room-2","answers":{"recommend":9,"reason":"Good team","barriers":["old laptops","meetings"],"team":"Service","delta":-3}}"# + "\n"
        #expect(JournalRecordCoder.encodedLine(record) == expected)
    }

    @Test func absentSessionAndLocationAreLeftOut() {
        let record = JournalFixtures.record(id: "a", answers: [])
        #expect(JournalRecordCoder.encodedLine(record)
            == #"{"format":1,"id":"a","questionnaire":"staff-pulse","questionnaire_version":"1","date":"2026-11-23","answers":{}}"# + "\n")
    }

    @Test func stringsAreEscaped() {
        let record = JournalFixtures.record(id: "a", answers: [("q", .text("say \"hi\" \\ \u{1}\n\u{7F}\u{85}\u{2028} café ✓"))])
        let line = JournalRecordCoder.encodedLine(record)
        #expect(line.contains(#""q":"say \"hi\" \\ \u0001\u000a\u007f\u0085\u2028 café ✓""#))
        #expect(line.filter { $0 == "\n" }.count == 1)
        #expect(line.hasSuffix("}}\n"))
    }

    /// Every character the writer treats specially, at every position among ordinary ASCII
    /// and UTF-8 (and next to each other), is written as a character-by-character writer
    /// written here would write it, and reads back as the same text.
    @Test func stringsAreEscapedCharacterByCharacter() throws {
        func reference(_ text: String) -> String {
            var output = "\""
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x22: output += "\\\""
                case 0x5C: output += "\\\\"
                case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: output += String(format: "\\u%04x", scalar.value)
                default: output.unicodeScalars.append(scalar)
                }
            }
            return output + "\""
        }
        let special: [Unicode.Scalar] = (0x00...0x1F).map { Unicode.Scalar($0)! } + [
            "\"", "\\", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{FF}", "\u{2027}", "\u{2028}",
            "\u{2029}", "\u{202A}", "\u{E2}", "é", "€", "\u{1F642}", "\u{10FFFF}", "a", "/",
        ]
        var generator = SeededGenerator(seed: 2028)
        var texts = special.map { "x\($0)y" } + special.map { String($0) } + [""]
        for _ in 0..<2000 {
            texts.append(String(String.UnicodeScalarView((0..<Int(generator.next() % 12)).map { _ in
                special[Int(generator.next() % UInt64(special.count))]
            })))
        }
        for text in texts {
            var output: [UInt8] = []
            JournalRecordCoder.appendString(text, to: &output)
            #expect(String(decoding: output, as: UTF8.self) == reference(text), "\(text.unicodeScalars.map(\.value))")
            let decoded = try JSONSerialization.jsonObject(with: Data(output), options: .fragmentsAllowed) as? String
            #expect(decoded == text)
        }
    }

    @Test func decodingRoundTripsAndKeepsAnswerOrder() throws {
        let record = JournalFixtures.record(
            session: "s", location: "l",
            answers: [("z", .text("é\"\\\u{1}😀")), ("a", .number(-10)), ("m", .list([]))])
        let decoded = try JournalRecordCoder.decode(JournalRecordCoder.encode(record))
        #expect(decoded == record)
        #expect(decoded.answers.map(\.questionID) == ["z", "a", "m"])
    }

    @Test func unknownFieldsAreAcceptedAndNullOptionalsAreAbsent() throws {
        let line = #" {"future":{"x":[1,2.5,true]},"answers":{"q":"\ud83d\ude00"},"date":"2026-02-28","questionnaire":"p","format":1,"id":"x","questionnaire_version":"2","session":null} "#
        let record = try JournalRecordCoder.decode(Array(line.utf8))
        #expect(record.session == nil)
        #expect(record.answer(to: "q") == .text("😀"))
        #expect(record.questionnaireVersion == "2")
    }

    @Test(arguments: [
        (#"{"format":2,"id":"x"}"#, JournalProblem.Kind.unknownFormat(2)),
        (#"{"id":"x"}"#, .notARecord("missing field 'format'")),
        (#"{"format":"1"}"#, .notARecord("field 'format' must be an integer, found a string")),
        (#"{"format":1,"id":"x","questionnaire":"p","questionnaire_version":"1","date":"2026-11-23"}"#,
         .notARecord("missing field 'answers'")),
        (#"{"format":1,"id":"x","questionnaire":"p","questionnaire_version":1,"date":"2026-11-23","answers":{}}"#,
         .notARecord("field 'questionnaire_version' must be a string, found an integer")),
        (#"{"format":1,"id":"x","questionnaire":"p","questionnaire_version":"1","date":"2026-11-23","answers":{"q":true}}"#,
         .notARecord("answer 'q' must be an integer, a string or a list of strings, found a boolean")),
        (#"{"format":1,"id":"x","questionnaire":"p","questionnaire_version":"1","date":"2026-11-23","answers":{"q":9.5}}"#,
         .notARecord("answer 'q' must be an integer, a string or a list of strings, found a non-integer number")),
        (#"{"format":1,"id":"x","questionnaire":"p","questionnaire_version":"1","date":"2026-11-23","answers":{"q":["a",1]}}"#,
         .notARecord("answer 'q' must list strings, found an integer")),
        (#"{"format":1,"id":"x","questionnaire":"p","questionnaire_version":"1","date":"2026-13-01","answers":{}}"#,
         .notARecord("field 'date' must be a day written YYYY-MM-DD, found '2026-13-01'")),
        (#"[1]"#, .notARecord("expected an object, found an array")),
        (#"{"format":1,"#, .malformedJSON("expected a member name in quotes at byte 13")),
        (#"{"format":1}x"#, .malformedJSON("unexpected 'x' after the end of the value at byte 13")),
    ])
    func invalidLinesAreRejectedWithAReason(line: String, expected: JournalProblem.Kind) {
        #expect(throws: expected) { try JournalRecordCoder.decode(Array(line.utf8)) }
    }

    @Test func deepNestingIsRejectedWithoutCrashing() {
        let line = String(repeating: "[", count: 100_000)
        #expect(throws: JournalProblem.Kind.malformedJSON("nested too deeply at byte 65")) {
            try JournalRecordCoder.decode(Array(line.utf8))
        }
    }
}
