/// Turns a ``JournalRecord`` into one journal line and back.
///
/// The writer is hand-written rather than `JSONEncoder` so that the field order is fixed
/// (`format, id, questionnaire, questionnaire_version, date, session?, location?, answers`,
/// answers in record order): journals from different versions then diff and merge cleanly.
public enum JournalRecordCoder {
    /// The record as one line of UTF-8 JSON, ending in a line feed.
    public static func encode(_ record: JournalRecord) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        output.append(contentsOf: #"{"format":"#.utf8)
        output.append(contentsOf: String(record.format).utf8)
        appendMember("id", record.id, to: &output)
        appendMember("questionnaire", record.questionnaire, to: &output)
        appendMember("questionnaire_version", record.questionnaireVersion, to: &output)
        appendMember("date", record.date, to: &output)
        if let session = record.session { appendMember("session", session, to: &output) }
        if let location = record.location { appendMember("location", location, to: &output) }
        output.append(contentsOf: #","answers":{"#.utf8)
        for (index, entry) in record.answers.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            appendString(entry.questionID, to: &output)
            output.append(UInt8(ascii: ":"))
            switch entry.answer {
            case .number(let number):
                output.append(contentsOf: String(number).utf8)
            case .text(let text):
                appendString(text, to: &output)
            case .list(let items):
                output.append(UInt8(ascii: "["))
                for (itemIndex, item) in items.enumerated() {
                    if itemIndex > 0 { output.append(UInt8(ascii: ",")) }
                    appendString(item, to: &output)
                }
                output.append(UInt8(ascii: "]"))
            }
        }
        output.append(contentsOf: "}}\n".utf8)
        return output
    }

    /// The record as one line, line feed included.
    public static func encodedLine(_ record: JournalRecord) -> String {
        String(decoding: encode(record), as: UTF8.self)
    }

    private static func appendMember(_ name: String, _ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: ","))
        appendString(name, to: &output)
        output.append(UInt8(ascii: ":"))
        appendString(value, to: &output)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends a JSON string. `"` and `\` are escaped; C0, DEL, C1 and the Unicode line and
    /// paragraph separators become `\uXXXX`, so a line never holds a raw line break or a byte
    /// that a terminal or a JavaScript reader would act on. Other non-ASCII stays UTF-8.
    ///
    /// It works on the string's UTF-8 and copies the runs between escapes whole: making a
    /// `String` of every character had made `kiosk export` of a million responses take 12 s.
    static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let escape: (scalar: UInt32, length: Int)
                switch byte {
                case 0x00...0x1F, 0x22, 0x5C, 0x7F:
                    escape = (UInt32(byte), 1)
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] <= 0x9F:
                    // U+0080...U+009F, the C1 controls.
                    escape = (UInt32(bytes[index + 1]), 2)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029.
                    escape = (0x2000 | UInt32(bytes[index + 2] & 0x3F), 3)
                default:
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                switch escape.scalar {
                case 0x22: output.append(contentsOf: #"\""#.utf8)
                case 0x5C: output.append(contentsOf: #"\\"#.utf8)
                default:
                    output.append(contentsOf: #"\u"#.utf8)
                    for shift: UInt32 in [12, 8, 4, 0] { output.append(hexDigits[Int((escape.scalar >> shift) & 0xF)]) }
                }
                index += escape.length
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The record one line holds (without its line feed; surrounding whitespace and a CR are
    /// allowed). Unknown members are ignored so newer writers can add fields.
    ///
    /// - Throws: ``JournalProblem/Kind`` saying why the line is not a format 1 record.
    public static func decode(_ line: [UInt8]) throws(JournalProblem.Kind) -> JournalRecord {
        let value = try JSONLineParser.parse(line)
        guard case .members(let members) = value else {
            throw .notARecord("expected an object, found \(value.typeName)")
        }
        var fields: [String: JSONValue] = [:]
        for member in members {
            guard fields[member.key] == nil else { throw .notARecord("field '\(member.key)' appears twice") }
            fields[member.key] = member.value
        }
        // The format decides what the other fields mean, so it is read first.
        guard let formatValue = fields["format"] else { throw .notARecord("missing field 'format'") }
        guard case .integer(let format) = formatValue else {
            throw .notARecord("field 'format' must be an integer, found \(formatValue.typeName)")
        }
        guard format == JournalRecord.currentFormat else { throw .unknownFormat(format) }

        func requiredString(_ name: String) throws(JournalProblem.Kind) -> String {
            guard let value = fields[name] else { throw .notARecord("missing field '\(name)'") }
            guard case .string(let text) = value else {
                throw .notARecord("field '\(name)' must be a string, found \(value.typeName)")
            }
            return text
        }
        func optionalString(_ name: String) throws(JournalProblem.Kind) -> String? {
            switch fields[name] {
            case nil, .null?: return nil
            case .string(let text)?: return text
            case let value?: throw .notARecord("field '\(name)' must be a string, found \(value.typeName)")
            }
        }

        let id = try requiredString("id")
        guard !id.isEmpty else { throw .notARecord("field 'id' is empty") }
        let questionnaire = try requiredString("questionnaire")
        let questionnaireVersion = try requiredString("questionnaire_version")
        let date = try requiredString("date")
        guard RecordFilter.isValidDay(date) else {
            throw .notARecord("field 'date' must be a day written YYYY-MM-DD, found '\(date)'")
        }
        let session = try optionalString("session")
        let location = try optionalString("location")

        guard let answersValue = fields["answers"] else { throw .notARecord("missing field 'answers'") }
        guard case .members(let answerMembers) = answersValue else {
            throw .notARecord("field 'answers' must be an object, found \(answersValue.typeName)")
        }
        var answers: [(questionID: String, answer: Answer)] = []
        answers.reserveCapacity(answerMembers.count)
        var seenQuestionIDs = Set<String>()
        for member in answerMembers {
            guard seenQuestionIDs.insert(member.key).inserted else {
                throw .notARecord("answer '\(member.key)' appears twice")
            }
            switch member.value {
            case .integer(let number):
                answers.append((member.key, .number(number)))
            case .string(let text):
                answers.append((member.key, .text(text)))
            case .array(let elements):
                var items: [String] = []
                for element in elements {
                    guard case .string(let item) = element else {
                        throw .notARecord("answer '\(member.key)' must list strings, found \(element.typeName)")
                    }
                    items.append(item)
                }
                answers.append((member.key, .list(items)))
            default:
                throw .notARecord(
                    "answer '\(member.key)' must be an integer, a string or a list of strings, "
                        + "found \(member.value.typeName)")
            }
        }
        return JournalRecord(
            format: format, id: id, questionnaire: questionnaire, questionnaireVersion: questionnaireVersion,
            date: date, session: session, location: location, answers: answers)
    }
}
