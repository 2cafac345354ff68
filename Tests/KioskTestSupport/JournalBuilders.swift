import Foundation
import KioskCore

/// Builders for journal tests: records with sensible defaults and files with given bytes.
public enum JournalFixtures {
    /// A format 1 record; every field can be overridden.
    public static func record(
        id: String = "00000000-0000-4000-8000-000000000001",
        questionnaire: String = "staff-pulse",
        version: String = "1",
        date: String = "2026-11-23",
        session: String? = nil,
        location: String? = nil,
        answers: [(questionID: String, answer: Answer)] = [("recommend", .number(9))]
    ) -> JournalRecord {
        JournalRecord(
            id: id, questionnaire: questionnaire, questionnaireVersion: version, date: date,
            session: session, location: location, answers: answers)
    }

    /// The encoded line (with its line feed) of a record with the given id and defaults.
    public static func line(id: String, date: String = "2026-11-23") -> String {
        JournalRecordCoder.encodedLine(record(id: id, date: date))
    }

    /// Writes `contents` to `name` in `directory` and returns the path.
    @discardableResult
    public static func writeJournal(_ contents: [UInt8], named name: String = "journal.jsonl", in directory: TemporaryDirectory) throws -> String {
        let path = directory.path(name)
        try Data(contents).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes `lines` joined as given (include line feeds yourself) and returns the path.
    @discardableResult
    public static func writeJournal(_ text: String, named name: String = "journal.jsonl", in directory: TemporaryDirectory) throws -> String {
        try writeJournal(Array(text.utf8), named: name, in: directory)
    }

    /// The file's bytes.
    public static func contents(of path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// Reads every record and the summary from some journals.
public func readAll(_ paths: [String], maximumLineBytes: Int = 1 << 20, chunkBytes: Int = 1 << 20) throws -> ([JournalRecord], JournalReadSummary) {
    var records: [JournalRecord] = []
    let reader = JournalReader(paths: paths, maximumLineBytes: maximumLineBytes, chunkBytes: chunkBytes)
    let summary = try reader.forEachRecord { records.append($0) }
    return (records, summary)
}
