import Foundation
@testable import KioskCore

/// The journal record format read the slow, obviously right way: `JSONSerialization` parses
/// the line, then the record's rules are applied to the objects it returns. The differential
/// test compares ``RecordDecoder`` against this.
enum ReferenceRecordDecoder {
    static func decode(_ line: [UInt8]) -> JournalRecord? {
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(line), options: []),
              let object = parsed as? [String: Any],
              let formatValue = object["format"], integer(formatValue) == JournalRecord.currentFormat,
              let id = object["id"] as? String, !id.isEmpty,
              let questionnaire = object["questionnaire"] as? String,
              let version = object["questionnaire_version"] as? String,
              let date = object["date"] as? String, RecordFilter.isValidDay(date),
              let session = optionalString(object["session"]),
              let location = optionalString(object["location"]),
              let answerObject = object["answers"] as? [String: Any]
        else { return nil }
        var answers: [(questionID: String, answer: Answer)] = []
        for (questionID, value) in answerObject {
            if let number = integer(value) {
                answers.append((questionID, .number(number)))
            } else if let text = value as? String {
                answers.append((questionID, .text(text)))
            } else if let items = value as? [Any], let strings = items as? [String] {
                answers.append((questionID, .list(strings)))
            } else {
                return nil
            }
        }
        return JournalRecord(
            format: JournalRecord.currentFormat, id: id, questionnaire: questionnaire, questionnaireVersion: version,
            date: date, session: session ?? nil, location: location ?? nil, answers: answers)
    }

    /// The value as an `Int` when JSONSerialization read an integer that fits one: not a
    /// Boolean, not a number written with a fraction or exponent (those become `Double`s).
    static func integer(_ value: Any) -> Int? {
        guard let number = value as? NSNumber, !(value is String) else { return nil }
        switch String(cString: number.objCType) {
        case "c", "d", "f": return nil
        case "Q": return number.uint64Value <= UInt64(Int.max) ? Int(number.uint64Value) : nil
        default: return number.intValue
        }
    }

    /// `.some(nil)` for an absent or null member, `.some(text)` for a string, `nil` otherwise.
    static func optionalString(_ value: Any?) -> String?? {
        switch value {
        case nil, is NSNull: return .some(nil)
        case let text as String: return .some(text)
        default: return nil
        }
    }
}
