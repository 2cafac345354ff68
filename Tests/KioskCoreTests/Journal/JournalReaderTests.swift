import Foundation
import KioskCore
import KioskTestSupport
import Testing

@Suite struct JournalReaderTests {
    @Test func damagedLinesAreSkippedWithTheirLineNumbers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var bytes: [UInt8] = []
        bytes += Array(JournalFixtures.line(id: "r1").utf8)                       // 1
        bytes += Array("\n   \t\r\n".utf8)                                         // 2, 3: blank
        bytes += Array("garbage here\n".utf8)                                      // 4
        bytes += [0, 0, 0, 0, 10]                                                  // 5: NUL run
        bytes += Array(#"{"format":1,"id":""#.utf8) + [0xC3, 0x28] + Array("\"}\n".utf8)  // 6: bad UTF-8
        bytes += Array(#"{"format":7,"id":"new"}"#.utf8) + [10]                   // 7
        bytes += Array(#"{"format":1,"id":"t","questionnaire":"p","questionnaire_version":"1","date":"2026-11-23","answers":{"q":false}}"#.utf8) + [10]  // 8
        bytes += Array(JournalFixtures.line(id: "r2").utf8)                       // 9
        bytes += Array(JournalFixtures.line(id: "r3").utf8.dropLast(20))          // 10: torn
        let path = try JournalFixtures.writeJournal(bytes, in: directory)

        let (records, summary) = try readAll([path])
        #expect(records.map(\.id) == ["r1", "r2"])
        #expect(summary.recordCount == 2)
        #expect(summary.problemCount == 6)
        #expect(summary.problems.map(\.line) == [4, 5, 6, 7, 8, 10])
        #expect(summary.problems.map(\.kind) == [
            .malformedJSON("unexpected 'g' at byte 1"), .nulBytes, .invalidUTF8, .unknownFormat(7),
            .notARecord("answer 'q' must be an integer, a string or a list of strings, found a boolean"),
            .tornLastLine,
        ])
        #expect(summary.problems[0].description.hasPrefix("\(path):4: error: malformed JSON"))
        #expect(summary.files == [JournalFileSummary(path: path, recordCount: 2, problemCount: 6)])
    }

    @Test func aCompleteLastLineWithoutNewlineIsKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try JournalFixtures.writeJournal(
            JournalFixtures.line(id: "a") + String(JournalFixtures.line(id: "b").dropLast()), in: directory)
        let (records, summary) = try readAll([path])
        #expect(records.map(\.id) == ["a", "b"])
        #expect(summary.problemCount == 0)
    }

    @Test func crlfLineEndingsAreTolerated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = [JournalFixtures.line(id: "a"), JournalFixtures.line(id: "b")]
            .map { $0.dropLast() + "\r\n" }.joined()
        let path = try JournalFixtures.writeJournal(text, in: directory)
        let (records, summary) = try readAll([path])
        #expect(records.map(\.id) == ["a", "b"])
        #expect(summary.problemCount == 0)
    }

    @Test(arguments: [7, 64, 1 << 20])
    func anOverLongLineIsSkippedAndLaterLinesStillCount(chunkBytes: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = JournalFixtures.line(id: "a") + String(repeating: "x", count: 5000) + "\n"
            + JournalFixtures.line(id: "b") + String(repeating: "y", count: 5000)
        let path = try JournalFixtures.writeJournal(text, in: directory)
        let (records, summary) = try readAll([path], maximumLineBytes: 1000, chunkBytes: chunkBytes)
        #expect(records.map(\.id) == ["a", "b"])
        #expect(summary.problems == [
            JournalProblem(path: path, line: 2, kind: .lineTooLong(limitBytes: 1000)),
            JournalProblem(path: path, line: 4, kind: .lineTooLong(limitBytes: 1000)),
        ])
    }

    @Test func aOneMebibytePastedLineIsSkipped() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = String(repeating: "z", count: (1 << 20) + 10) + "\n" + JournalFixtures.line(id: "a")
        let path = try JournalFixtures.writeJournal(text, in: directory)
        let (records, summary) = try readAll([path])
        #expect(records.map(\.id) == ["a"])
        #expect(summary.problems.map(\.kind) == [.lineTooLong(limitBytes: 1 << 20)])
    }

    @Test func duplicatesAcrossFilesKeepTheFirst() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try JournalFixtures.writeJournal(
            JournalFixtures.line(id: "a", date: "2026-01-01") + JournalFixtures.line(id: "b"), named: "one.jsonl", in: directory)
        let second = try JournalFixtures.writeJournal(
            JournalFixtures.line(id: "c") + JournalFixtures.line(id: "a", date: "2026-02-02") + JournalFixtures.line(id: "c"),
            named: "two.jsonl", in: directory)
        let (records, summary) = try readAll([first, second])
        #expect(records.map(\.id) == ["a", "b", "c"])
        #expect(records[0].date == "2026-01-01")
        #expect(summary.duplicateCount == 2)
        #expect(summary.duplicates == [
            JournalDuplicate(id: "a", path: second, line: 2, firstPath: first, firstLine: 1),
            JournalDuplicate(id: "c", path: second, line: 3, firstPath: second, firstLine: 1),
        ])
        #expect(summary.duplicates[0].description == "\(second):2: warning: duplicate of the record at \(first):1 (id a); this copy was skipped")
        #expect(summary.files.map(\.recordCount) == [2, 1])
        #expect(summary.files.map(\.duplicateCount) == [0, 2])
    }

    @Test func linesSplitAcrossChunksAreReassembled() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = (0..<50).map { JournalFixtures.line(id: "id\($0)") }.joined()
        let path = try JournalFixtures.writeJournal(text, in: directory)
        let (records, summary) = try readAll([path], chunkBytes: 13)
        #expect(records.count == 50)
        #expect(summary.problemCount == 0)
    }

    @Test func aMissingJournalIsAnErrorNamingIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("nope.jsonl")
        let error = #expect(throws: JournalError.self) { try readAll([path]) }
        #expect(error?.kind == .cannotRead)
        #expect(error?.description.hasPrefix("\(path): error: no such journal") == true)
        let folderError = #expect(throws: JournalError.self) { try readAll([directory.url.path]) }
        #expect(folderError?.message.contains("folder") == true)
    }

    @Test func storedReportsAreCappedButCounted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try JournalFixtures.writeJournal(String(repeating: "bad\n", count: 30), in: directory)
        let reader = JournalReader(paths: [path], maximumStoredReports: 10)
        let summary = try reader.forEachRecord { _ in }
        #expect(summary.problemCount == 30)
        #expect(summary.problems.count == 10)
    }
}

extension JournalFileSummary {
    init(path: String, recordCount: Int = 0, duplicateCount: Int = 0, problemCount: Int = 0) {
        self.init(path: path)
        self.recordCount = recordCount
        self.duplicateCount = duplicateCount
        self.problemCount = problemCount
    }
}
