import Foundation
@testable import KioskCore
import KioskTestSupport
import Testing

/// The parallel reader must read exactly what the plain, line-by-line ``JournalReader`` reads:
/// the same records (first copies kept), duplicates, problems and line numbers, and so the
/// same report, however the journal falls into chunks and however many workers read it.
@Suite struct ParallelJournalReaderTests {
    /// A journal with what makes chunking hard: copies near and far (one with different
    /// answers, so which copy is kept shows in the report), damaged, blank and over-long lines,
    /// a line with escapes and a byte order mark, and a last line without a line feed. With
    /// `secondIDs`, records also whose id is not the first one written in their line.
    static func hostileJournal(secondIDs: Bool = false) -> [UInt8] {
        var generator = SeededGenerator(seed: 0x5041_5241)
        var lines: [[UInt8]] = []
        var records: [JournalRecord] = []
        let teams = ["Sales", "Service", "Warehouse", "Office"]
        for index in 0..<600 {
            let record = RecordBuilding.record(
                date: "2026-\(10 + index % 3)-\(10 + index % 17)", session: index % 5 == 0 ? "s\(index % 3)" : nil,
                id: UUID(uuid: Self.uuidBytes(&generator)).uuidString.lowercased(),
                [
                    ("recommend", .number(Int(generator.next() % 11))),
                    ("reason", .text("reason \(generator.next() % 40) with \"quotes\" and é")),
                    ("barriers", .list(["slow \(generator.next() % 9)", "meetings"])),
                    ("team", .text(teams[Int(generator.next() % 4)])),
                ])
            records.append(record)
            var line = JournalRecordCoder.encode(record)
            line.removeLast()
            lines.append(line)
            switch index % 50 {
            case 7: lines.append(Array(JournalRecordCoder.encode(records[index - 3]).dropLast()))
            case 13: lines.append(Array("not json at all }{".utf8))
            case 21: lines.append([])
            case 29: lines.append(Array(repeating: UInt8(ascii: "x"), count: 3000))
            case 33:
                // A copy of a record far back, with a different score: the first copy counts.
                var copy = records[index / 2]
                copy.answers[0].answer = .number(0)
                lines.append(Array(JournalRecordCoder.encode(copy).dropLast()))
            case 41: lines.append(Array(line.prefix(37)))
            case 44 where secondIDs:
                // The writer's start, then a second member named id, the one that counts: a
                // pass that skipped the line by its first id may have missed the record.
                let second = UUID(uuid: Self.uuidBytes(&generator)).uuidString.lowercased()
                lines.append(Array(line.dropLast()) + Array(#","id":"\#(second)"}"#.utf8))
            case 47:
                // Torn after the writer's id: damage for the pass of that id to report.
                lines.append(Array(line.prefix(120)))
            default: break
            }
        }
        lines.append(Array(JournalRecordCoder.encode(records[5]).dropLast()))
        lines.append(Array(lines[2].prefix(50)))
        return Array(lines.map { $0 + [0x0A] }.joined().dropLast())
    }

    private static func uuidBytes(_ generator: inout SeededGenerator) -> uuid_t {
        let high = generator.next(), low = generator.next()
        func byte(_ word: UInt64, _ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: word >> (8 * index)) }
        return (byte(high, 0), byte(high, 1), byte(high, 2), byte(high, 3), byte(high, 4), byte(high, 5),
                byte(high, 6) & 0x0F | 0x40, byte(high, 7), byte(low, 0) & 0x3F | 0x80, byte(low, 1),
                byte(low, 2), byte(low, 3), byte(low, 4), byte(low, 5), byte(low, 6), byte(low, 7))
    }

    private static let options = SummaryOptions(groupBy: "team", trend: .month)

    /// What the plain reader makes of `paths`: its summary (without the list of duplicates,
    /// which the parallel reader does not keep) and the report.
    private static func expected(
        _ paths: [String], maximumLineBytes: Int, maximumStoredReports: Int = 1000
    ) throws -> (JournalReadSummary, Report) {
        var builder = SummaryBuilder(questionnaires: ["staff-pulse": RecordBuilding.staffPulse], options: options)
        let reader = JournalReader(paths: paths, maximumLineBytes: maximumLineBytes, maximumStoredReports: maximumStoredReports)
        var summary = try reader.forEachRecord { builder.add($0) }
        summary.duplicates = []
        return (summary, builder.report())
    }

    /// However the journals are cut into chunks and however many passes share out the ids
    /// (a few hundred ids a pass makes several passes of these journals).
    @Test(arguments: [(64, 1, 1_500_000), (333, 2, 100), (4096, 3, 1_500_000), (1 << 20, 2, 37)])
    func readsWhatThePlainReaderReadsHoweverTheJournalIsCut(chunkBytes: Int, workers: Int, maximumIDsPerPass: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let journal = Self.hostileJournal()
        let first = directory.path("a.jsonl"), second = directory.path("b.jsonl")
        try Data(journal).write(to: URL(fileURLWithPath: first))
        // A second journal that is a copy of part of the first, as merged kiosks give.
        try Data(journal.prefix(journal.count / 3) + [0x0A]).write(to: URL(fileURLWithPath: second))
        let paths = [first, second]

        let (expectedSummary, expectedReport) = try Self.expected(paths, maximumLineBytes: 2000)
        let reader = ParallelJournalReader(
            paths: paths, maximumLineBytes: 2000, chunkBytes: chunkBytes, workers: workers, maximumIDsPerPass: maximumIDsPerPass)
        let (builder, summary) = try reader.summarize(
            into: SummaryBuilder(questionnaires: ["staff-pulse": RecordBuilding.staffPulse], options: Self.options))

        #expect(summary == expectedSummary)
        #expect(builder.report() == expectedReport)
        let passCount = reader.passCount(
            sizes: paths.map(ParallelJournalReader.regularFileSize), recordBytes: ParallelJournalReader.sampledRecordBytes(paths))
        #expect(maximumIDsPerPass > 1000 ? passCount == 1 : passCount >= 3, "\(passCount) passes")
        // The journal really has what the test is about.
        #expect(expectedSummary.duplicateCount > 20 && expectedSummary.problemCount > 30)
        #expect(expectedSummary.problems.contains { $0.kind == .lineTooLong(limitBytes: 2000) })
    }

    /// A named pipe cannot be read twice: with one among the journals, they are read in one
    /// pass however many ids they hold, and nothing opens the pipe but the read itself.
    @Test(.timeLimit(.minutes(1))) func aPipeAmongTheJournalsIsReadOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let journal = Self.hostileJournal()
        let pipe = directory.path("pipe.jsonl"), file = directory.path("file.jsonl"), copy = directory.path("copy.jsonl")
        try Data(journal).write(to: URL(fileURLWithPath: file))
        try Data(journal).write(to: URL(fileURLWithPath: copy))
        #expect(mkfifo(pipe, 0o600) == 0)
        let writer = Thread {
            let descriptor = open(pipe, O_WRONLY)
            journal.withUnsafeBytes { bytes in
                var written = 0
                while written < bytes.count {
                    let result = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                    if result <= 0 { break }
                    written += result
                }
            }
            close(descriptor)
        }
        writer.start()

        let (expectedSummary, expectedReport) = try Self.expected([copy, file], maximumLineBytes: 2000)
        let reader = ParallelJournalReader(paths: [pipe, file], maximumLineBytes: 2000, chunkBytes: 4096, maximumIDsPerPass: 20)
        let (builder, summary) = try reader.summarize(
            into: SummaryBuilder(questionnaires: ["staff-pulse": RecordBuilding.staffPulse], options: Self.options))
        #expect(summary.recordCount == expectedSummary.recordCount && summary.duplicateCount == expectedSummary.duplicateCount)
        #expect(summary.problemCount == expectedSummary.problemCount)
        #expect(builder.report() == expectedReport)
    }

    /// Each pass reports the damaged lines it reads in full; the list kept is still the first
    /// ones in file order, however few are kept.
    @Test(arguments: [1, 7, 40])
    func passesKeepTheFirstProblemsInFileOrder(maximumStoredReports: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("journal.jsonl")
        try Data(Self.hostileJournal()).write(to: URL(fileURLWithPath: path))

        let (expectedSummary, _) = try Self.expected([path], maximumLineBytes: 2000, maximumStoredReports: maximumStoredReports)
        let reader = ParallelJournalReader(
            paths: [path], maximumLineBytes: 2000, maximumStoredReports: maximumStoredReports, chunkBytes: 4096, workers: 2,
            maximumIDsPerPass: 50)
        let (_, summary) = try reader.summarize(into: SummaryBuilder(questionnaires: [:], options: Self.options))
        #expect(summary == expectedSummary)
        #expect(summary.problems.count == maximumStoredReports && summary.problemCount > 40)
    }

    /// A record's id is the last member named id, not always the one a pass skips lines by;
    /// the passes find such a record and read the journal again without skipping by it.
    @Test(arguments: [1_500_000, 100, 37])
    func aRecordWhoseIDIsNotTheFirstWrittenIsCountedOnce(maximumIDsPerPass: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("journal.jsonl")
        try Data(Self.hostileJournal(secondIDs: true)).write(to: URL(fileURLWithPath: path))

        let (expectedSummary, expectedReport) = try Self.expected([path], maximumLineBytes: 2000)
        let reader = ParallelJournalReader(
            paths: [path], maximumLineBytes: 2000, chunkBytes: 4096, workers: 2, maximumIDsPerPass: maximumIDsPerPass)
        let (builder, summary) = try reader.summarize(
            into: SummaryBuilder(questionnaires: ["staff-pulse": RecordBuilding.staffPulse], options: Self.options))
        #expect(summary == expectedSummary)
        #expect(builder.report() == expectedReport)
    }

    /// A journal that repeats itself, as kiosks' journals concatenated twice do, then goes on:
    /// read in small chunks, batch after batch holds copies of records of earlier batches
    /// (which the workers then check for) and then none again; read in one chunk, the chunk
    /// holds the copies of its own records.
    @Test(arguments: [(512, 1, 1_500_000), (2048, 2, 1_500_000), (8192, 3, 50), (1 << 20, 1, 1_500_000), (1 << 20, 2, 200)])
    func readsWhatThePlainReaderReadsOfAJournalThatRepeatsItself(chunkBytes: Int, workers: Int, maximumIDsPerPass: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let journal = Self.hostileJournal()
        let middle = journal[(journal.count / 2)...].firstIndex(of: 0x0A) ?? journal.count
        let firstHalf = Array(journal[..<middle]) + [0x0A]
        let path = directory.path("journal.jsonl")
        try Data(firstHalf + firstHalf + journal[(middle + 1)...]).write(to: URL(fileURLWithPath: path))

        let (expectedSummary, expectedReport) = try Self.expected([path], maximumLineBytes: 2000)
        let reader = ParallelJournalReader(
            paths: [path], maximumLineBytes: 2000, chunkBytes: chunkBytes, workers: workers, maximumIDsPerPass: maximumIDsPerPass)
        let (builder, summary) = try reader.summarize(
            into: SummaryBuilder(questionnaires: ["staff-pulse": RecordBuilding.staffPulse], options: Self.options))

        #expect(summary == expectedSummary)
        #expect(builder.report() == expectedReport)
        #expect(expectedSummary.duplicateCount > 300)
    }

    /// Pieces read on their own skip comments the sample has already passed over; the sample
    /// and so the themes must still be those of reading the journal in one go.
    @Test func theCommentSampleIsTheSameReadInPieces() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("journal.jsonl")
        let topics = ["parking", "rota", "laptops", "training", "canteen"]
        let lines = (0..<3 * CommentSample.defaultCapacity).map { index in
            JournalRecordCoder.encode(RecordBuilding.record(id: "r\(index)", [
                ("recommend", .number(index % 11)),
                ("reason", .text("the \(topics[index % 5]) again, note \(index)")),
            ]))
        }
        try Data(lines.joined()).write(to: URL(fileURLWithPath: path))

        let (_, expectedReport) = try Self.expected([path], maximumLineBytes: 1 << 20)
        let (builder, _) = try ParallelJournalReader(paths: [path], chunkBytes: 4096, workers: 2).summarize(
            into: SummaryBuilder(questionnaires: ["staff-pulse": RecordBuilding.staffPulse], options: Self.options))

        #expect(builder.report() == expectedReport)
        #expect(expectedReport.questionnaires.first?.notes.contains { $0.contains("were found in a sample") } == true)
    }

    /// A chunk's ids are inserted after the line it completes, which began in the chunk
    /// before: that line comes first in the file, so its record is the copy kept.
    @Test func aLineEndingInAChunkComesBeforeTheChunksOwnLines() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("journal.jsonl")
        let early = RecordBuilding.record(
            date: "2026-01-05", id: "same", [("recommend", .number(0)), ("reason", .text(String(repeating: "long ", count: 80)))])
        let late = RecordBuilding.record(date: "2026-01-06", id: "same", [("recommend", .number(10))])
        let first = JournalRecordCoder.encode(early), second = JournalRecordCoder.encode(late)
        try Data(first + second).write(to: URL(fileURLWithPath: path))

        let (expectedSummary, expectedReport) = try Self.expected([path], maximumLineBytes: 1 << 20)
        // The first chunk ends just before the first line feed; the second holds the rest.
        let (builder, summary) = try ParallelJournalReader(paths: [path], chunkBytes: first.count - 1, workers: 2).summarize(
            into: SummaryBuilder(questionnaires: ["staff-pulse": RecordBuilding.staffPulse], options: Self.options))
        #expect(second.count < first.count - 2)
        #expect(summary == expectedSummary && summary.duplicateCount == 1)
        #expect(builder.report() == expectedReport)
    }

    /// Passes are planned from the journals' sizes and the bytes a record takes; a pipe
    /// cannot be read twice, so journals with one among them are read in one pass.
    @Test func passesKeepTheIDsOfEachUnderTheLimit() {
        let reader = ParallelJournalReader(paths: [], maximumIDsPerPass: 1_500_000)
        #expect(reader.passCount(sizes: [], recordBytes: 400) == 1)
        #expect(reader.passCount(sizes: [0], recordBytes: 400) == 1)
        #expect(reader.passCount(sizes: [385_000_000], recordBytes: 385) == 1)
        #expect(reader.passCount(sizes: [400 * 1_500_000], recordBytes: 400) == 1)
        #expect(reader.passCount(sizes: [400 * 1_500_001], recordBytes: 400) == 2)
        #expect(reader.passCount(sizes: [400 * 2_000_000, 400 * 2_000_000], recordBytes: 400) == 3)
        #expect(reader.passCount(sizes: [400 * 2_000_000], recordBytes: 100) == 6)
        #expect(reader.passCount(sizes: [400 * 2_000_000, nil], recordBytes: 400) == 1)
    }

    /// The bytes a record takes are measured at the start of the first journal with lines,
    /// so short records are not taken for the typical 400 bytes (which would put several
    /// times the planned ids in each pass).
    @Test func theBytesARecordTakesAreMeasured() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let empty = directory.path("empty.jsonl"), short = directory.path("short.jsonl")
        try Data().write(to: URL(fileURLWithPath: empty))
        let line = JournalRecordCoder.encode(RecordBuilding.record(id: "r", [("recommend", .number(9))]))
        try Data(Array(repeating: line, count: 100).joined()).write(to: URL(fileURLWithPath: short))
        #expect(line.count > 100 && line.count < 200)
        #expect(ParallelJournalReader.sampledRecordBytes([empty, short]) == line.count)
        #expect(ParallelJournalReader.sampledRecordBytes([empty]) == ParallelJournalReader.typicalRecordBytes)
        #expect(ParallelJournalReader.sampledRecordBytes([directory.path("missing.jsonl")]) == 400)
    }

    @Test func aFilteredOutRecordStillHidesItsLaterCopies() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("journal.jsonl")
        let early = RecordBuilding.record(date: "2026-01-05", id: "same", [("recommend", .number(0))])
        let late = RecordBuilding.record(date: "2026-06-05", id: "same", [("recommend", .number(10))])
        try Data(JournalRecordCoder.encode(early) + JournalRecordCoder.encode(late)).write(to: URL(fileURLWithPath: path))
        let filter = try RecordFilter(since: "2026-03-01")
        let (builder, summary) = try ParallelJournalReader(paths: [path], chunkBytes: 16).summarize(
            into: SummaryBuilder(questionnaires: ["staff-pulse": RecordBuilding.staffPulse]), filter: filter)
        #expect(summary.recordCount == 1 && summary.duplicateCount == 1)
        #expect(builder.report().questionnaires.isEmpty)
    }
}
