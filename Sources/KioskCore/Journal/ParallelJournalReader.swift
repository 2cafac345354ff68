import Foundation

/// Reads journals in large chunks, decodes and aggregates the chunks on every core, and merges
/// the partial results in file order, so a journal of millions of lines is read in bounded
/// memory (a few chunks, the partial aggregates and the ids seen).
///
/// It hands over the same records as ``JournalReader`` (valid, first-seen, in the same files)
/// and counts the same problems and duplicates. The summary lists problems in order but not
/// each duplicate's first copy (`duplicates` stays empty; `kiosk check` reports them).
public struct ParallelJournalReader: Sendable {
    public var paths: [String]
    public var maximumLineBytes: Int
    public var maximumStoredReports: Int
    /// The size of the pieces handed to the workers.
    public var chunkBytes: Int
    /// How many chunks are decoded at once.
    public var workers: Int

    /// Creates a reader for the journals at `paths`.
    public init(
        paths: [String], maximumLineBytes: Int = 1 << 20, maximumStoredReports: Int = 1000,
        chunkBytes: Int = 1 << 20, workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.paths = paths
        self.maximumLineBytes = maximumLineBytes
        self.maximumStoredReports = maximumStoredReports
        self.chunkBytes = max(1 << 16, chunkBytes)
        self.workers = max(1, workers)
    }

    /// What one chunk held: its valid records with their lines (0-based within the chunk).
    private struct DecodedChunk: Sendable {
        var records: [(record: JournalRecord, line: Int)] = []
        var problems: [(line: Int, kind: JournalProblem.Kind)] = []
        var lineCount = 0
    }

    /// Whole lines of one file; `isLast` when the final line may lack its line feed.
    private struct Chunk: Sendable {
        var bytes: [UInt8]
        var isLast: Bool
        /// A line longer than the limit, already skipped, comes first.
        var startsWithTooLongLine = false
    }

    /// One worker's running aggregate; only that worker touches it while the workers run.
    private final class Accumulator<Partial>: @unchecked Sendable {
        var partial: Partial
        init(_ partial: Partial) { self.partial = partial }
    }

    /// Aggregates every valid, first-seen record with `add` into one partial per worker (made
    /// by `initial`), then merges those with `merge`. The aggregate must not depend on the
    /// order records are added in (the summary's tallies are multisets).
    public func reduce<Partial: Sendable>(
        initial: @escaping @Sendable () -> Partial,
        add: @escaping @Sendable (inout Partial, JournalRecord) -> Void,
        merge: (inout Partial, Partial) -> Void
    ) throws -> (Partial, JournalReadSummary) {
        let accumulators = (0..<workers).map { _ in Accumulator(initial()) }
        var summary = JournalReadSummary()
        var seen = RecordIDSet()
        // A record is about 400 bytes in the shipped questionnaires' journals: sized for that,
        // the id set does not double (briefly 48 MB at a million) while the peak is reached.
        seen.reserveCapacity(paths.reduce(0) { $0 + Self.fileSize($1) } / Self.typicalRecordBytes)
        for (fileIndex, path) in paths.enumerated() {
            summary.files.append(JournalFileSummary(path: path))
            var lineBase = 0
            try forEachBatch(path: path) { chunks in
                // Decoding, the bulk of the work, runs on every core; ids are then checked in
                // file order so the first copy of a record is the one kept.
                var decoded = ParallelMap.map(chunks) { decode($0) }
                for index in decoded.indices {
                    let before = decoded[index].records.count
                    decoded[index].records.removeAll { !seen.insert($0.record.id) }
                    let duplicates = before - decoded[index].records.count
                    summary.recordCount += decoded[index].records.count
                    summary.files[fileIndex].recordCount += decoded[index].records.count
                    summary.duplicateCount += duplicates
                    summary.files[fileIndex].duplicateCount += duplicates
                    for (line, kind) in decoded[index].problems {
                        summary.problemCount += 1
                        summary.files[fileIndex].problemCount += 1
                        if summary.problems.count < maximumStoredReports {
                            summary.problems.append(JournalProblem(path: path, line: lineBase + line + 1, kind: kind))
                        }
                    }
                    lineBase += decoded[index].lineCount
                }
                let work = decoded
                DispatchQueue.concurrentPerform(iterations: work.count) { index in
                    let accumulator = accumulators[index]
                    for (record, _) in work[index].records { add(&accumulator.partial, record) }
                }
            }
        }
        var total = accumulators[0].partial
        for accumulator in accumulators.dropFirst() { merge(&total, accumulator.partial) }
        return (total, summary)
    }

    /// The bytes per record that ``reduce(initial:add:merge:)`` sizes the id set by.
    static let typicalRecordBytes = 400

    /// The size of the file at `path`, or 0 when it cannot be told (reading reports why).
    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    private func decode(_ chunk: Chunk) -> DecodedChunk {
        var result = DecodedChunk()
        var line = 0
        if chunk.startsWithTooLongLine {
            result.problems.append((0, .lineTooLong(limitBytes: maximumLineBytes)))
            line = 1
        }
        chunk.bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            while start < bytes.count {
                let newline = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start)
                let end = newline.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! } ?? bytes.count
                let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
                defer {
                    line += 1
                    start = end + 1
                }
                if text.count > maximumLineBytes {
                    result.problems.append((line, .lineTooLong(limitBytes: maximumLineBytes)))
                    continue
                }
                if let record = RecordDecoder.decode(text) {
                    result.records.append((record, line))
                    continue
                }
                let terminated = newline != nil || !chunk.isLast
                switch JournalReader.record(in: Array(text), terminated: terminated) {
                case nil: break
                case .failure(let kind)?: result.problems.append((line, kind))
                case .success(let record)?: result.records.append((record, line))
                }
            }
        }
        result.lineCount = line
        return result
    }

    /// Reads `path` and calls `body` with up to `workers` chunks of whole lines at a time.
    private func forEachBatch(path: String, _ body: ([Chunk]) throws -> Void) throws {
        let descriptor = try JournalReader.open(path)
        defer { close(descriptor) }
        var pending: [UInt8] = []
        var skippingLongLine = false
        var longLineSkipped = false
        var batch: [Chunk] = []
        var buffer = [UInt8](repeating: 0, count: chunkBytes)
        while true {
            var count: Int
            repeat {
                count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            } while count < 0 && errno == EINTR
            if count < 0 {
                throw JournalError(kind: .cannotRead, path: path, message: "cannot read the journal: \(JournalError.describe(errno: errno))")
            }
            if count == 0 { break }
            var start = 0
            if skippingLongLine {
                // The rest of an over-long line is dropped up to its line feed.
                guard let newline = buffer[0..<count].firstIndex(of: 0x0A) else { continue }
                skippingLongLine = false
                longLineSkipped = true
                start = newline + 1
            }
            pending.append(contentsOf: buffer[start..<count])
            if let lastNewline = pending.lastIndex(of: 0x0A) {
                let rest = Array(pending[(lastNewline + 1)...])
                pending.removeSubrange((lastNewline + 1)...)
                batch.append(Chunk(bytes: pending, isLast: false, startsWithTooLongLine: longLineSkipped))
                longLineSkipped = false
                pending = rest
            } else if pending.count > maximumLineBytes {
                pending = []
                skippingLongLine = true
            }
            if batch.count == workers {
                try body(batch)
                batch = []
            }
        }
        if !pending.isEmpty || skippingLongLine || longLineSkipped {
            var chunk = Chunk(bytes: pending, isLast: true, startsWithTooLongLine: longLineSkipped || skippingLongLine)
            if skippingLongLine && pending.isEmpty { chunk.bytes = [] }
            batch.append(chunk)
        }
        if !batch.isEmpty { try body(batch) }
    }
}
