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

    /// Expects `reader` to read what the plain reader reads of its journals: the same summary
    /// and the same report. What the plain reader read, for a test's own checks.
    @discardableResult
    private static func expectWhatThePlainReaderReads(
        _ reader: ParallelJournalReader, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> JournalReadSummary {
        let (expectedSummary, expectedReport) = try expected(
            reader.paths, maximumLineBytes: reader.maximumLineBytes, maximumStoredReports: reader.maximumStoredReports)
        let (builder, summary) = try reader.summarize(
            into: SummaryBuilder(questionnaires: ["staff-pulse": RecordBuilding.staffPulse], options: options))
        #expect(summary == expectedSummary, sourceLocation: sourceLocation)
        #expect(builder.report() == expectedReport, sourceLocation: sourceLocation)
        return expectedSummary
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

        let reader = ParallelJournalReader(
            paths: paths, maximumLineBytes: 2000, chunkBytes: chunkBytes, workers: workers, maximumIDsPerPass: maximumIDsPerPass)
        let expectedSummary = try Self.expectWhatThePlainReaderReads(reader)
        let passCount = reader.passCount(expectedIDs: ParallelJournalReader.expectedRecordCount(paths))
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

    /// Counts records, and when it meets the record with the trigger id (as only the pass of
    /// that id's share does), changes a journal once: what a kiosk or an operator might do
    /// between two passes.
    private struct ChangingAggregate: JournalAggregate {
        final class Change: @unchecked Sendable {
            // Safe to share: `done` is read and written under the lock.
            private let lock = NSLock()
            private var done = false
            let trigger: String
            let change: @Sendable () -> Void

            init(trigger: String, change: @escaping @Sendable () -> Void) {
                self.trigger = trigger
                self.change = change
            }

            func meet(_ id: String) {
                guard id == trigger else { return }
                lock.withLock {
                    if !done { change() }
                    done = true
                }
            }
        }

        let change: Change
        var count = 0

        func emptied() -> Self { ChangingAggregate(change: change) }

        mutating func add(_ record: RecordView) {
            count += 1
            change.meet(record.id.string)
        }

        mutating func merge(_ other: Self) { count += other.count }
    }

    /// Two journals of writer's records, the first holding an id of the second pass's share.
    private static func twoJournalsForTwoPasses(in directory: TemporaryDirectory) throws -> (first: String, second: String, trigger: String) {
        var ids = (0..<400).map { _ in UUID().uuidString.lowercased() }
        let share = RecordIDSet.Share(index: 1, count: 2)
        let trigger = ids.first { id in share.contains(Array(id.utf8).withUnsafeBufferPointer(RecordIDSet.key)) }!
        ids.removeAll { $0 == trigger }
        ids.insert(trigger, at: 50)
        let first = directory.path("first.jsonl"), second = directory.path("second.jsonl")
        for (path, part) in [(first, ids[..<200]), (second, ids[200...])] {
            let lines = part.map { JournalRecordCoder.encode(RecordBuilding.record(id: $0, [("recommend", .number(7))])) }
            try Data(lines.joined()).write(to: URL(fileURLWithPath: path))
        }
        return (first, second, trigger)
    }

    /// A journal cut shorter or replaced between passes would make the passes count different
    /// bytes: the reader says so instead of adding them up.
    @Test func aJournalCutShorterBetweenPassesIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (first, second, trigger) = try Self.twoJournalsForTwoPasses(in: directory)
        let change = ChangingAggregate.Change(trigger: trigger) { _ = truncate(second, 1000) }
        let reader = ParallelJournalReader(paths: [first, second], chunkBytes: 4096, maximumIDsPerPass: 300)
        #expect(reader.passCount(expectedIDs: ParallelJournalReader.expectedRecordCount([first, second])) == 2)
        let error = #expect(throws: JournalError.self) { try reader.aggregate(ChangingAggregate(change: change), filter: .all) }
        #expect(error?.path == second && error?.kind == .cannotRead)
        #expect(error?.message.contains("cut shorter") == true && error?.message.contains("run the command again") == true)
    }

    /// What a kiosk appends between passes is left for the next reading: the later pass reads
    /// as far as the first did, so every record counted is counted once.
    @Test func linesAppendedBetweenPassesAreLeftForTheNextReading() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (first, second, trigger) = try Self.twoJournalsForTwoPasses(in: directory)
        let appended = (0..<100).map { _ in
            JournalRecordCoder.encode(RecordBuilding.record(id: UUID().uuidString.lowercased(), [("recommend", .number(1))]))
        }.joined()
        let change = ChangingAggregate.Change(trigger: trigger) {
            guard let handle = FileHandle(forWritingAtPath: second) else { return }
            handle.seekToEndOfFile()
            handle.write(Data(appended))
            handle.closeFile()
        }
        let reader = ParallelJournalReader(paths: [first, second], chunkBytes: 4096, maximumIDsPerPass: 300)
        let (aggregate, summary) = try reader.aggregate(ChangingAggregate(change: change), filter: .all)
        #expect(aggregate.count == 400 && summary.recordCount == 400 && summary.problemCount == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: second)).count > 200 * 100)
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

    /// Records the writer did not write (ids that are not lower-case UUIDs, members in
    /// another order) have no written id to skip them by: every pass decodes them and counts
    /// those of its share, and the first reports their damage; copies are still dropped.
    @Test(arguments: [(64, 7), (4096, 60), (1 << 20, 1_500_000)])
    func recordsWithoutTheWritersIDAreCountedInTheirPass(chunkBytes: Int, maximumIDsPerPass: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var lines: [String] = []
        for index in 0..<300 {
            let id = index % 3 == 0 ? "legacy-\(index % 120)" : UUID().uuidString
            let record = RecordBuilding.record(id: id, [
                ("recommend", .number(index % 11)), ("reason", .text("reason \(index % 17)")),
            ])
            var line = JournalRecordCoder.encodedLine(record)
            line.removeLast()
            if index % 5 == 0 {
                // The same record with its first two members the other way round.
                line = line.replacingOccurrences(of: #"{"format":1,"id":"\#(id)","#, with: #"{"id":"\#(id)","format":1,"#)
            }
            lines.append(line)
            if index % 7 == 0 { lines.append(String(line.prefix(40))) }
        }
        let path = directory.path("journal.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))

        let reader = ParallelJournalReader(
            paths: [path], maximumLineBytes: 2000, chunkBytes: chunkBytes, workers: 2, maximumIDsPerPass: maximumIDsPerPass)
        let expectedSummary = try Self.expectWhatThePlainReaderReads(reader)
        #expect(expectedSummary.duplicateCount >= 20 && expectedSummary.problemCount >= 40)
        #expect(lines.contains { $0.hasPrefix("{\"id\":") } && lines.contains { $0.contains("legacy-") })
    }

    /// A record's id is the last member named id, not always the one a pass skips lines by;
    /// the passes find such a record and read the journal again without skipping by it.
    /// Small chunks carry such lines across chunks; the journal also ends in one, unfinished.
    @Test(arguments: [(4096, 1_500_000), (4096, 100), (333, 37), (64, 100)])
    func aRecordWhoseIDIsNotTheFirstWrittenIsCountedOnce(chunkBytes: Int, maximumIDsPerPass: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("journal.jsonl")
        var lastRecord = JournalRecordCoder.encode(RecordBuilding.record(id: UUID().uuidString.lowercased(), [("recommend", .number(3))]))
        lastRecord.removeLast(2)
        lastRecord += Array(#","id":"\#(UUID().uuidString.lowercased())"}"#.utf8)
        try Data(Self.hostileJournal(secondIDs: true) + [0x0A] + lastRecord).write(to: URL(fileURLWithPath: path))

        let reader = ParallelJournalReader(
            paths: [path], maximumLineBytes: 2000, chunkBytes: chunkBytes, workers: 2, maximumIDsPerPass: maximumIDsPerPass)
        let expectedSummary = try Self.expectWhatThePlainReaderReads(reader)
        // The unfinished last line is a record, not damage.
        #expect(expectedSummary.problems.last?.line != Self.hostileJournal(secondIDs: true).count { $0 == 0x0A } + 2)
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

        let reader = ParallelJournalReader(
            paths: [path], maximumLineBytes: 2000, chunkBytes: chunkBytes, workers: workers, maximumIDsPerPass: maximumIDsPerPass)
        let expectedSummary = try Self.expectWhatThePlainReaderReads(reader)
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

    /// Passes are planned so that none expects more than its limit of ids; with the count
    /// unknown (a pipe among the journals, which cannot be read twice) there is one.
    @Test func passesKeepTheIDsOfEachUnderTheLimit() {
        let reader = ParallelJournalReader(paths: [], maximumIDsPerPass: 1_500_000)
        #expect(reader.passCount(expectedIDs: nil) == 1)
        #expect(reader.passCount(expectedIDs: 0) == 1)
        #expect(reader.passCount(expectedIDs: 1_000_000) == 1)
        #expect(reader.passCount(expectedIDs: 1_500_000) == 1)
        #expect(reader.passCount(expectedIDs: 1_500_001) == 2)
        #expect(reader.passCount(expectedIDs: 4_000_000) == 3)
    }

    /// The records a journal holds are estimated from the bytes per line at its own start,
    /// so short records are not taken for the typical 400 bytes (which would put several
    /// times the planned ids in each pass), whatever the other journals hold.
    @Test func theRecordsOfEachJournalAreEstimatedFromItsOwnLines() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let empty = directory.path("empty.jsonl"), short = directory.path("short.jsonl"), long = directory.path("long.jsonl")
        try Data().write(to: URL(fileURLWithPath: empty))
        let shortLine = JournalRecordCoder.encode(RecordBuilding.record(id: "r", [("recommend", .number(9))]))
        let longLine = JournalRecordCoder.encode(RecordBuilding.record(id: "r", [("reason", .text(String(repeating: "slow ", count: 400)))]))
        try Data(Array(repeating: shortLine, count: 3000).joined()).write(to: URL(fileURLWithPath: short))
        try Data(Array(repeating: longLine, count: 40).joined()).write(to: URL(fileURLWithPath: long))
        #expect(shortLine.count > 100 && shortLine.count < 200 && longLine.count > 2000)
        #expect(ParallelJournalReader.sampledRecordBytes(short) == shortLine.count)
        #expect(ParallelJournalReader.sampledRecordBytes(long) == longLine.count)
        #expect(ParallelJournalReader.expectedRecordCount([long, empty, short]) == 3040)
        #expect(ParallelJournalReader.sampledRecordBytes(empty) == ParallelJournalReader.typicalRecordBytes)
        #expect(ParallelJournalReader.expectedRecordCount([directory.path("missing.jsonl")]) == 0)
    }

    /// A journal whose first records are long and the rest short (one questionnaire's kiosks
    /// followed by another's) is measured across its length, not at its start, which took
    /// 30,040 records for about 2,300 and would have put them all in one pass.
    @Test func theRecordsOfAJournalAreEstimatedAcrossItsLength() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("mixed.jsonl")
        let shortLine = JournalRecordCoder.encode(RecordBuilding.record(id: "r", [("recommend", .number(9))]))
        let longLine = JournalRecordCoder.encode(RecordBuilding.record(id: "r", [("reason", .text(String(repeating: "slow ", count: 400)))]))
        try Data((Array(repeating: longLine, count: 40) + Array(repeating: shortLine, count: 30_000)).joined())
            .write(to: URL(fileURLWithPath: path))
        let estimate = try #require(ParallelJournalReader.expectedRecordCount([path]))
        // One window of eight lies in the long lines, so within a quarter of the truth.
        #expect(estimate > 30_040 * 3 / 4 && estimate < 30_040 * 5 / 4, "\(estimate)")
        let reader = ParallelJournalReader(paths: [path], maximumIDsPerPass: 10_000)
        #expect(reader.passCount(expectedIDs: estimate) >= 3)
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
