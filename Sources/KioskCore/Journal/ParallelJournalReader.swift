import Foundation

/// What ``ParallelJournalReader`` fills: an aggregate of records that pieces of the journals
/// can be added to separately and merged afterwards, in any order, to the same result.
protocol JournalAggregate: Sendable {
    /// An aggregate with nothing added, for one piece of the journals. It may carry what this
    /// one knows (such as which comments can no longer be sampled) so the piece does less.
    func emptied() -> Self
    /// Adds one record; the view is valid only during the call.
    mutating func add(_ record: RecordView)
    /// Adds everything `other` was given.
    mutating func merge(_ other: Self)
}

extension SummaryBuilder: JournalAggregate {}

/// Reads journals in large chunks on every core, decodes each line in place and aggregates it
/// without keeping records, so a journal of millions of lines is read in bounded memory: a few
/// chunks, the aggregates, and the ids seen, which are the one thing that grows with the
/// number of records. Journals expected to hold more than ``maximumIDsPerPass`` records are
/// therefore read in several passes, each counting the records whose ids fall in its share
/// (an id's share is fixed, so every copy of a record is met in the same pass).
///
/// It counts exactly what ``JournalReader`` reads (valid, first-seen records; the same problems
/// and duplicates), but lists problems without each duplicate's first copy (`duplicates`
/// stays empty; `kiosk check` reports them).
///
/// How: each worker reads a chunk of a file with `pread` and aggregates the whole lines inside
/// it into an aggregate of its own, leaving out copies of a record earlier in the chunk. A
/// batch of chunks is then committed in file order: the lines that straddle two chunks are
/// decoded, and the batch's ids go into the set of ids seen, each shard of it on its own core,
/// which finds the copies of records read before. A chunk holding such a copy is aggregated
/// again without it, so the first copy in file order is always the one kept. The chunks'
/// aggregates are merged into the total on one core while the next batch is decoded.
public struct ParallelJournalReader: Sendable {
    public var paths: [String]
    public var maximumLineBytes: Int
    public var maximumStoredReports: Int
    /// The size of the pieces handed to the workers.
    public var chunkBytes: Int
    /// How many workers decode chunks at once.
    public var workers: Int
    /// The most record ids one pass de-duplicates in memory (about 24 bytes each). The number
    /// of records is estimated from the journals' sizes; regular files only, since a pipe
    /// cannot be read twice.
    public var maximumIDsPerPass: Int

    /// Creates a reader for the journals at `paths`.
    public init(
        paths: [String], maximumLineBytes: Int = 1 << 20, maximumStoredReports: Int = 1000,
        chunkBytes: Int = 1 << 20, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        maximumIDsPerPass: Int = 1_500_000
    ) {
        self.paths = paths
        self.maximumLineBytes = max(1, maximumLineBytes)
        self.maximumStoredReports = max(0, maximumStoredReports)
        self.chunkBytes = max(1, chunkBytes)
        self.workers = max(1, workers)
        self.maximumIDsPerPass = max(1, maximumIDsPerPass)
    }

    /// Adds every valid, first-seen record that passes `filter` to `builder`.
    ///
    /// - Returns: The builder and what was read and skipped.
    /// - Throws: ``JournalError`` when a journal cannot be opened or read.
    public func summarize(into builder: SummaryBuilder, filter: RecordFilter = .all) throws -> (SummaryBuilder, JournalReadSummary) {
        try aggregate(builder, filter: filter)
    }

    /// Adds every valid, first-seen record that passes `filter` to `initial`.
    func aggregate<Aggregate: JournalAggregate>(
        _ initial: Aggregate, filter: RecordFilter
    ) throws -> (Aggregate, JournalReadSummary) {
        let expectedIDs = Self.expectedRecordCount(paths)
        let passCount = passCount(expectedIDs: expectedIDs)
        var skipsByWrittenID = passCount > 1
        while true {
            let result = try aggregate(
                initial, filter: filter, passCount: passCount, expectedIDs: expectedIDs, skipsByWrittenID: skipsByWrittenID)
            if let result { return result }
            // A line had a second member named id: its record may be in another pass's share.
            // Read again, every pass decoding every line; that cannot fail this way.
            skipsByWrittenID = false
        }
    }

    /// Reads the journals in `passCount` passes; `nil` when passes skipped lines by the id
    /// the writer wrote in them and a record turned out to have another.
    private func aggregate<Aggregate: JournalAggregate>(
        _ initial: Aggregate, filter: RecordFilter, passCount: Int, expectedIDs: Int?, skipsByWrittenID: Bool
    ) throws -> (Aggregate, JournalReadSummary)? {
        var total = initial
        var summary = JournalReadSummary()
        // Each pass reports the damaged lines it reads in full; merged in file order.
        var problems: [(file: Int, problem: JournalProblem)] = []
        // Later passes read what the first read, though a kiosk may append meanwhile.
        var firstReads: [FileRead?] = paths.map { _ in nil }
        for pass in 0..<passCount {
            let plan = Pass(share: RecordIDSet.Share(index: pass, count: passCount), skipsByWrittenID: skipsByWrittenID)
            var state = CommitState(total: pass == 0 ? initial : total.emptied(), filter: filter, reader: self, pass: plan)
            state.seen.reserveCapacity((expectedIDs ?? 0) / passCount)
            for (index, path) in paths.enumerated() {
                state.startFile(path)
                firstReads[index] = try forEachBatch(path: path, as: firstReads[index], state: &state)
                state.finishFile()
                // Stop at once: every pass is read again.
                if state.sawMisleadingWrittenID { return nil }
            }
            problems += zip(state.problemFiles, state.summary.problems).map { ($0, $1) }
            if pass == 0 {
                (total, summary) = (state.mergedTotal(), state.summary)
            } else {
                total.merge(state.mergedTotal())
                summary.addCounts(of: state.summary)
            }
        }
        if passCount > 1 {
            // Each pass kept its first reports, so the first of all are among them.
            problems.sort { ($0.file, $0.problem.line) < ($1.file, $1.problem.line) }
            summary.problems = problems.prefix(maximumStoredReports).map(\.problem)
        }
        return (total, summary)
    }

    // MARK: Reading chunks

    /// Where a chunk's bytes come from: a worker reads a regular file itself, at an offset;
    /// anything else (a pipe) is read in order into the chunk's buffer before the workers start.
    private enum ChunkSource: Sendable {
        case file(descriptor: Int32, offset: Int, count: Int)
        case alreadyRead(count: Int)
    }

    /// The memory chunks are read into, one buffer per chunk of a batch, allocated once and
    /// reused: a fresh megabyte for every chunk cost a page fault per 4 KiB, which showed in
    /// the profile.
    private final class ChunkBuffers: @unchecked Sendable {
        // Safe to share: a worker writes only its own chunk's buffer, and buffers are read
        // once the workers are done, before the next batch is read into them.
        private let buffers: [UnsafeMutableBufferPointer<UInt8>]

        init(count: Int, bytes: Int) {
            buffers = (0..<count).map { _ in UnsafeMutableBufferPointer.allocate(capacity: bytes) }
        }

        deinit {
            for buffer in buffers { buffer.deallocate() }
        }

        func buffer(_ index: Int) -> UnsafeMutableBufferPointer<UInt8> { buffers[index] }

        func bytes(_ index: Int, count: Int) -> ByteSpan { ByteSpan(rebasing: buffers[index][..<count]) }
    }

    /// What the first pass read of a file, which later passes read again.
    private struct FileRead {
        var byteCount: Int
        var device: UInt64
        var inode: UInt64
    }

    /// Reads `path` a batch of chunks at a time, decoded by the workers, then committed; in a
    /// later pass, just what the first pass read of it (`firstRead`). What it read.
    ///
    /// - Throws: ``JournalError`` when the file cannot be read, or is not the one the first
    ///   pass read (replaced, or cut shorter) so that the passes would not add up.
    private func forEachBatch<Aggregate: JournalAggregate>(
        path: String, as firstRead: FileRead?, state: inout CommitState<Aggregate>
    ) throws -> FileRead {
        let descriptor = try JournalReader.open(path)
        defer { close(descriptor) }
        var info = stat()
        let isRegular = fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        let byteLimit = firstRead?.byteCount
        if let firstRead, firstRead.device != UInt64(info.st_dev) || firstRead.inode != UInt64(info.st_ino)
            || Int(info.st_size) < firstRead.byteCount {
            throw JournalError(
                kind: .cannotRead, path: path,
                message: "the journal was replaced or cut shorter while it was read in several passes; run the command again")
        }
        // Enough chunks per batch that both cores stay busy while the slower chunk finishes.
        let batchSize = workers * 4
        let buffers = ChunkBuffers(count: batchSize, bytes: chunkBytes)
        var offset = 0
        var finished = false
        while !finished {
            var sources: [ChunkSource] = []
            if isRegular {
                // The size when the batch starts: what a kiosk appends meanwhile is read by
                // the next batch.
                var now = stat()
                let size = min(fstat(descriptor, &now) == 0 ? Int(now.st_size) : offset, byteLimit ?? .max)
                while sources.count < batchSize, offset < size {
                    let count = min(chunkBytes, size - offset)
                    sources.append(.file(descriptor: descriptor, offset: offset, count: count))
                    offset += count
                }
                finished = offset >= size
            } else {
                while sources.count < batchSize {
                    let count = try Self.read(descriptor, into: buffers.buffer(sources.count), offset: nil, path: path)
                    if count == 0 {
                        finished = true
                        break
                    }
                    sources.append(.alreadyRead(count: count))
                    offset += count
                }
            }
            let chunks = try decodeBatch(sources, buffers: buffers, state: &state, path: path)
            state.commit(chunks, buffers: buffers)
            if state.sawMisleadingWrittenID { break }
        }
        return FileRead(byteCount: offset, device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Decodes a batch of chunks on every core, while one core merges the last batch's
    /// aggregates into the total. When the last batch held copies of records read before
    /// it, the workers check ids against those seen before this batch too (shared, read
    /// only). This returns before the set changes again, so that it is never copied.
    private func decodeBatch<Aggregate: JournalAggregate>(
        _ sources: [ChunkSource], buffers: ChunkBuffers, state: inout CommitState<Aggregate>, path: String
    ) throws -> [DecodedChunk<Aggregate>] {
        let jobs = Array(sources.enumerated())
        let seen = state.checksSeen ? state.seen : nil, shardCount = state.seen.shardCount
        let filter = state.filter, pass = state.pass
        let template = PieceTemplate(state.totals.total.emptied())
        let mergePending: @Sendable (inout Totals<Aggregate>) -> Void = { totals in
            totals.mergePending()
            template.update(totals.total.emptied())
        }
        return try ParallelMap.map(jobs, alongside: &state.totals, mergePending) { index, source in
            Result {
                let buffer = buffers.buffer(index)
                let count: Int
                switch source {
                case .alreadyRead(let given): count = given
                case .file(let descriptor, let offset, let wanted):
                    count = try Self.read(descriptor, into: UnsafeMutableBufferPointer(rebasing: buffer[..<wanted]), offset: offset, path: path)
                }
                return decode(
                    ByteSpan(rebasing: buffer[..<count]), into: template.piece(), seen: seen, shardCount: shardCount,
                    pass: pass, filter: filter)
            }
        }.map { try $0.get() }
    }

    /// What the pieces of a batch start from (see ``JournalAggregate/emptied()``): the total
    /// as it is before the last batch is merged into it and, for pieces started after that
    /// merge, as it is after. Early in a journal a piece from the older total kept many more
    /// comments that the sample then dropped. Which one a piece starts from changes only how
    /// much work it does, not what it adds up to.
    private final class PieceTemplate<Aggregate: JournalAggregate>: @unchecked Sendable {
        // Safe to share: the aggregate is read and replaced under the lock.
        private let lock = NSLock()
        private var aggregate: Aggregate

        init(_ aggregate: Aggregate) {
            self.aggregate = aggregate
        }

        func update(_ aggregate: Aggregate) {
            lock.withLock { self.aggregate = aggregate }
        }

        /// An empty aggregate for a piece.
        func piece() -> Aggregate {
            lock.withLock { aggregate }.emptied()
        }
    }

    /// Fills `buffer` from the file (from `offset` with `pread`, else in order); fewer bytes
    /// only at the end of the file. The count read.
    private static func read(
        _ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, offset: Int?, path: String
    ) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let start = buffer.baseAddress! + filled, wanted = buffer.count - filled
            let result = offset.map { pread(descriptor, start, wanted, off_t($0 + filled)) } ?? Foundation.read(descriptor, start, wanted)
            if result < 0 && errno == EINTR { continue }
            if result < 0 {
                throw JournalError(kind: .cannotRead, path: path, message: "cannot read the journal: \(JournalError.describe(errno: errno))")
            }
            if result == 0 { break }
            filled += result
        }
        return filled
    }

    // MARK: Decoding a chunk

    /// What a worker made of one chunk.
    private struct DecodedChunk<Aggregate: JournalAggregate>: Sendable {
        /// How many bytes the chunk has (in its buffer).
        var byteCount: Int
        /// The end of the first line (its line feed), or `nil` when the chunk has none: all of
        /// it then belongs to a line that started before it.
        var firstNewline: Int?
        /// Where the bytes after the last line feed start.
        var tailStart: Int
        /// The whole lines between the first and the last line feed.
        var innerLineCount = 0
        /// The records of those lines, aggregated as if every one were first-seen.
        var aggregate: Aggregate
        /// The keys of the ids of the records aggregated, by the shard of the ids seen they
        /// fall in, each shard's in file order: inserting them is then a loop over an array.
        var keys: [[RecordIDSet.Key]]
        /// Where the line of each of those records starts in the chunk.
        var lineStarts: [[Int]]
        /// The same ids as a set, to tell a copy of a record in an earlier chunk of the batch
        /// from a copy of one read before the batch.
        var idSet = RecordIDSet()
        /// Records left out as copies of one earlier in the chunk or, when the worker checked
        /// the ids seen, before the batch.
        var duplicateCount = 0
        /// Of those, the copies of a record read before the batch.
        var copiesOfEarlierBatches = 0
        var problems: [(line: Int, kind: JournalProblem.Kind)] = []
        /// Set at commit when the chunk held copies of records read before: its records are
        /// then aggregated again without them, and `aggregate` is left out.
        var isAggregatedAgain = false
        /// A record's id was not the one the writer wrote first in its line (see
        /// ``ParallelJournalReader/writtenID(of:)``).
        var sawMisleadingWrittenID = false

        /// How many records were aggregated.
        var recordCount: Int { keys.reduce(0) { $0 + $1.count } }
    }

    /// Decodes the whole lines of a chunk into `piece`, leaving out the lines of other
    /// passes, copies of a record earlier in the chunk and, when `seen` is given, of one in it.
    private func decode<Aggregate: JournalAggregate>(
        _ buffer: ByteSpan, into piece: Aggregate, seen: ShardedRecordIDSet?, shardCount: Int,
        pass: Pass, filter: RecordFilter
    ) -> DecodedChunk<Aggregate> {
        var chunk = DecodedChunk(
            byteCount: buffer.count, firstNewline: nil, tailStart: buffer.count, aggregate: piece,
            keys: Array(repeating: [], count: shardCount), lineStarts: Array(repeating: [], count: shardCount))
        do {
            guard let first = Self.newline(in: buffer, from: 0) else { return chunk }
            chunk.firstNewline = first
            var scratch = RecordDecoder.Scratch()
            var seenInChunk = RecordIDSet()
            seenInChunk.reserveCapacity(buffer.count / Self.typicalRecordBytes)
            var copiesOfEarlierBatches = 0
            var start = first + 1
            var line = 0
            while let end = Self.newline(in: buffer, from: start) {
                let outcome = consider(
                    ByteSpan(rebasing: buffer[start..<end]), terminated: true, scratch: &scratch, pass: pass,
                    admit: { key in
                        if seen?.contains(key) == true {
                            copiesOfEarlierBatches += 1
                            return false
                        }
                        return seenInChunk.insert(key)
                    },
                    add: { if filter.matches($0) { chunk.aggregate.add($0) } })
                switch outcome {
                case .blank, .elsewhere:
                    break
                case .misleadingWrittenID:
                    chunk.sawMisleadingWrittenID = true
                case .problem(let kind):
                    chunk.problems.append((line, kind))
                case .record(let key, admitted: true):
                    let shard = key.shard(among: shardCount)
                    chunk.keys[shard].append(key)
                    chunk.lineStarts[shard].append(start)
                case .record(_, admitted: false):
                    chunk.duplicateCount += 1
                }
                line += 1
                start = end + 1
            }
            chunk.innerLineCount = line
            chunk.tailStart = start
            chunk.idSet = seenInChunk
            chunk.copiesOfEarlierBatches = copiesOfEarlierBatches
        }
        return chunk
    }

    /// Aggregates again the lines of a chunk that start at `lineStarts`, each one a record
    /// that decoding the chunk admitted.
    private func aggregateLines<Aggregate: JournalAggregate>(
        startingAt lineStarts: ArraySlice<Int>, in buffer: ByteSpan, into aggregate: inout Aggregate, filter: RecordFilter
    ) {
        var scratch = RecordDecoder.Scratch()
        for start in lineStarts {
            let end = Self.newline(in: buffer, from: start) ?? buffer.count
            _ = consider(
                ByteSpan(rebasing: buffer[start..<end]), terminated: true, scratch: &scratch, pass: .only,
                admit: { _ in true }, add: { if filter.matches($0) { aggregate.add($0) } })
        }
    }

    private static func newline(in buffer: ByteSpan, from start: Int) -> Int? {
        guard start < buffer.count,
            let found = memchr(buffer.baseAddress! + start, 0x0A, buffer.count - start)
        else { return nil }
        return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - buffer.baseAddress!
    }

    /// What one line is.
    private enum LineOutcome {
        case blank
        case problem(JournalProblem.Kind)
        /// A valid record, and whether `admit` let it in.
        case record(RecordIDSet.Key, admitted: Bool)
        /// A line another pass accounts for: a record outside this pass's share, or damage
        /// another pass reports.
        case elsewhere
        /// A record whose id is not the one the writer wrote first in its line, which this
        /// pass read by it: the passes must be read again without skipping lines by it.
        case misleadingWrittenID
    }

    /// Decodes one line and hands a valid record of the pass's share that `admit` lets in to
    /// `add`.
    ///
    /// A pass that skips lines by the id the writer wrote in them reads such a line in full
    /// only when the id is in its share, and reports it if it is damaged; every pass reads
    /// any other line, and the first reports its damage (``Pass/isFirst``).
    private func consider(
        _ line: ByteSpan, terminated: Bool, scratch: inout RecordDecoder.Scratch, pass: Pass,
        admit: (RecordIDSet.Key) -> Bool, add: (RecordView) -> Void
    ) -> LineOutcome {
        var reportsDamage = pass.isFirst
        if line.count > maximumLineBytes { return reportsDamage ? .problem(.lineTooLong(limitBytes: maximumLineBytes)) : .elsewhere }
        var written: RecordIDSet.Key?
        if pass.skipsByWrittenID, let id = Self.writtenID(of: line) {
            guard pass.share.contains(id) else { return .elsewhere }
            reportsDamage = true
            written = id
        }
        let decoded = RecordDecoder.withView(of: line, scratch: &scratch) { view -> LineOutcome in
            let key = RecordIDSet.key(view.id)
            if let written, key != written { return .misleadingWrittenID }
            guard pass.share.contains(key) else { return .elsewhere }
            guard admit(key) else { return .record(key, admitted: false) }
            add(view)
            return .record(key, admitted: true)
        }
        if let decoded { return decoded }
        if JournalReader.isBlank(line) { return .blank }
        guard reportsDamage else { return .elsewhere }
        switch JournalReader.problem(in: Array(line), terminated: terminated) {
        case .failure(let kind): return .problem(kind)
        case .success: return .problem(.malformedJSON("not a record"))
        }
    }

    // MARK: Committing a batch

    /// The total, and what was committed since it was last merged into.
    private struct Totals<Aggregate: JournalAggregate>: Sendable {
        var total: Aggregate
        /// Committed chunks, whose aggregates are merged unless they were aggregated again.
        var chunks: [DecodedChunk<Aggregate>] = []
        /// Records of chunks with copies, aggregated again without them.
        var aggregates: [Aggregate] = []

        /// Merges what was committed into the total, and frees it (on the core that merges,
        /// not the one committing).
        mutating func mergePending() {
            for chunk in chunks where !chunk.isAggregatedAgain { total.merge(chunk.aggregate) }
            for aggregate in aggregates { total.merge(aggregate) }
            chunks = []
            aggregates = []
        }
    }

    /// The line a chunk completes that began in an earlier chunk, as far as it is known
    /// before the batch's ids are inserted.
    private enum CarriedLine {
        case blank
        case problem(JournalProblem.Kind)
        /// A valid record: its key, and its bytes to aggregate if it is first-seen.
        case record(RecordIDSet.Key, bytes: [UInt8])

        var key: RecordIDSet.Key? {
            if case .record(let key, _) = self { key } else { nil }
        }
    }

    /// The copies of records read before that inserting a chunk's ids found.
    private struct ChunkCopies {
        /// Whether the line the chunk completes, begun in an earlier chunk, is a copy.
        var carriedLine: Bool
        /// By shard, where the copies are among the chunk's keys of that shard, ascending.
        var positions: [[Int]]

        /// How many of the chunk's own records are copies.
        var count: Int { positions.reduce(0) { $0 + $1.count } }
    }

    /// Everything carried from batch to batch while the files are committed in order.
    private struct CommitState<Aggregate: JournalAggregate> {
        var totals: Totals<Aggregate>
        let filter: RecordFilter
        let reader: ParallelJournalReader
        /// Which records this pass counts.
        let pass: Pass
        /// A line read in full had a record whose id is not the one the writer wrote first.
        private(set) var sawMisleadingWrittenID = false
        var summary = JournalReadSummary()
        /// The index in the reader's paths of the file each of `summary.problems` is in.
        private(set) var problemFiles: [Int] = []
        var seen: ShardedRecordIDSet
        /// Whether the workers check ids against `seen`: only after a batch that held copies
        /// of records read before it (as a journal that repeats another does). The check is
        /// a cache miss a line, where a chunk with a copy only has its records aggregated again.
        private(set) var checksSeen = false
        private var path = ""
        /// Lines completed so far in the current file.
        private var lineCount = 0
        /// The start of a line that began in an earlier chunk.
        private var carry: [UInt8] = []
        /// Set when that line is already longer than the limit (its bytes are dropped).
        private var carryIsTooLong = false

        init(total: Aggregate, filter: RecordFilter, reader: ParallelJournalReader, pass: Pass) {
            totals = Totals(total: total)
            self.filter = filter
            self.reader = reader
            self.pass = pass
            seen = ShardedRecordIDSet(shardCount: reader.workers)
        }

        /// Everything added, once the last batch is committed.
        mutating func mergedTotal() -> Aggregate {
            totals.mergePending()
            return totals.total
        }

        mutating func startFile(_ path: String) {
            self.path = path
            summary.files.append(JournalFileSummary(path: path))
            lineCount = 0
            carry = []
            carryIsTooLong = false
        }

        mutating func finishFile() {
            guard !carry.isEmpty || carryIsTooLong else { return }
            let line = takeCarriedLine(terminated: false)
            finish(line, isCopy: line.key.map { !seen.insert($0) } ?? false)
        }

        /// Commits a batch of chunks of the current file, in file order.
        mutating func commit(_ chunks: consuming [DecodedChunk<Aggregate>], buffers: ChunkBuffers) {
            if chunks.contains(where: \.sawMisleadingWrittenID) { sawMisleadingWrittenID = true }
            let carriedLines = completeCarriedLines(of: chunks, buffers: buffers)
            let copies = insertIDs(of: chunks, carriedKeys: carriedLines.map { $0?.key })
            for (index, chunk) in chunks.enumerated() {
                // A chunk without a line feed is all inside one line, finished by a later chunk.
                guard let carriedLine = carriedLines[index] else { continue }
                finish(carriedLine, isCopy: copies[index].carriedLine)
                for problem in chunk.problems { report(problem.kind, line: lineCount + 1 + problem.line) }
                let copyCount = copies[index].count
                count(records: chunk.recordCount - copyCount, duplicates: copyCount + chunk.duplicateCount)
                lineCount += chunk.innerLineCount
            }
            checksSeen = Self.holdCopiesOfEarlierBatches(chunks, copies: copies)
            collectAggregates(of: chunks, copies: copies, buffers: buffers)
        }

        /// Completes, in file order, the lines the chunks finish that began in earlier chunks,
        /// and keeps the start of the line the last one leaves open. `nil` for a chunk that
        /// finishes no line.
        private mutating func completeCarriedLines(of chunks: [DecodedChunk<Aggregate>], buffers: ChunkBuffers) -> [CarriedLine?] {
            var lines: [CarriedLine?] = []
            for (index, chunk) in chunks.enumerated() {
                let bytes = buffers.bytes(index, count: chunk.byteCount)
                guard let first = chunk.firstNewline else {
                    extendCarry(bytes[...])
                    lines.append(nil)
                    continue
                }
                extendCarry(bytes[..<first])
                lines.append(takeCarriedLine(terminated: true))
                carry = Array(bytes[chunk.tailStart...])
                carryIsTooLong = carry.count > reader.maximumLineBytes
                if carryIsTooLong { carry = [] }
            }
            return lines
        }

        /// Inserts the ids of a batch into `seen`, every shard on its own core, each in file
        /// order (a chunk's carried line before its own records); the copies found.
        private mutating func insertIDs(of chunks: [DecodedChunk<Aggregate>], carriedKeys: [RecordIDSet.Key?]) -> [ChunkCopies] {
            let found = seen.updateEachShard { shard, shardCount, set in
                chunks.indices.map { index in
                    let carriedLineIsCopy = carriedKeys[index].map { $0.shard(among: shardCount) == shard && !set.insert($0) } ?? false
                    return (carriedLineIsCopy, set.insert(contentsOf: chunks[index].keys[shard]))
                }
            }
            return chunks.indices.map { index in
                ChunkCopies(carriedLine: found.contains { $0[index].0 }, positions: found.map { $0[index].1 })
            }
        }

        /// Whether the chunks held a copy of a record read before the batch, rather than only
        /// of one in an earlier chunk of the batch (which checking `seen` would not find). A
        /// copy of a line completed in the batch counts as such: it only costs a check.
        private static func holdCopiesOfEarlierBatches(_ chunks: [DecodedChunk<Aggregate>], copies: [ChunkCopies]) -> Bool {
            if chunks.contains(where: { $0.copiesOfEarlierBatches > 0 }) { return true }
            return chunks.indices.contains { index in
                zip(copies[index].positions, chunks[index].keys).contains { positions, keys in
                    positions.contains { position in !chunks[..<index].contains { $0.idSet.contains(keys[position]) } }
                }
            }
        }

        /// Hands the chunks to the total, to merge while the next batch is decoded: a chunk
        /// without copies as it is, the others' records again without the copies, on every core.
        private mutating func collectAggregates(
            of chunks: consuming [DecodedChunk<Aggregate>], copies: [ChunkCopies], buffers: ChunkBuffers
        ) {
            var withCopies: [(chunk: Int, byteCount: Int, lineStarts: [Int])] = []
            for index in chunks.indices where copies[index].count > 0 {
                chunks[index].isAggregatedAgain = true
                let lineStarts = zip(chunks[index].lineStarts, copies[index].positions).flatMap(Self.excluding)
                withCopies.append((index, chunks[index].byteCount, lineStarts.sorted()))
            }
            totals.chunks += chunks
            guard !withCopies.isEmpty else { return }
            // Each core takes an equal part of every chunk's lines.
            let partCount = reader.workers
            let parts = (0..<partCount).map { part in
                withCopies.map { chunk in
                    let count = chunk.lineStarts.count
                    return (chunk.chunk, chunk.byteCount, chunk.lineStarts[count * part / partCount..<count * (part + 1) / partCount])
                }
            }
            let reader = self.reader, filter = self.filter, template = totals.total.emptied()
            totals.aggregates += ParallelMap.map(parts) { part in
                var aggregate = template.emptied()
                for (chunk, byteCount, lineStarts) in part {
                    reader.aggregateLines(startingAt: lineStarts, in: buffers.bytes(chunk, count: byteCount), into: &aggregate, filter: filter)
                }
                return aggregate
            }
        }

        /// The line starts but those at `positions` (ascending).
        private static func excluding(_ lineStarts: [Int], _ positions: [Int]) -> [Int] {
            var kept: [Int] = []
            var excluded = positions.makeIterator()
            var nextExcluded = excluded.next()
            for (position, start) in lineStarts.enumerated() {
                if position == nextExcluded { nextExcluded = excluded.next() } else { kept.append(start) }
            }
            return kept
        }

        private mutating func extendCarry(_ bytes: Slice<ByteSpan>) {
            guard !carryIsTooLong else { return }
            if carry.count + bytes.count > reader.maximumLineBytes {
                carryIsTooLong = true
                carry = []
            } else {
                carry.append(contentsOf: bytes)
            }
        }

        /// Decodes the line that started in an earlier chunk (or the file's last line) to
        /// learn what it is, and starts the next one.
        private mutating func takeCarriedLine(terminated: Bool) -> CarriedLine {
            defer {
                carry = []
                carryIsTooLong = false
            }
            // A line too long to keep has no id to tell its pass by: the first pass reports it.
            if carryIsTooLong { return pass.isFirst ? .problem(.lineTooLong(limitBytes: reader.maximumLineBytes)) : .blank }
            var scratch = RecordDecoder.Scratch()
            let reader = self.reader, pass = self.pass
            let outcome = carry.withUnsafeBufferPointer { line in
                reader.consider(line, terminated: terminated, scratch: &scratch, pass: pass, admit: { _ in false }, add: { _ in })
            }
            switch outcome {
            case .blank, .elsewhere: return .blank
            case .misleadingWrittenID:
                sawMisleadingWrittenID = true
                return .blank
            case .problem(let kind): return .problem(kind)
            case .record(let key, _): return .record(key, bytes: carry)
            }
        }

        /// Counts a line begun in an earlier chunk, and adds its record unless it is a copy.
        private mutating func finish(_ line: CarriedLine, isCopy: Bool) {
            lineCount += 1
            switch line {
            case .blank:
                break
            case .problem(let kind):
                report(kind, line: lineCount)
            case .record where isCopy:
                count(records: 0, duplicates: 1)
            case .record(_, let bytes):
                count(records: 1, duplicates: 0)
                var scratch = RecordDecoder.Scratch()
                let reader = self.reader, filter = self.filter
                _ = bytes.withUnsafeBufferPointer { line in
                    // A valid record decodes the same whether its line ended or not.
                    reader.consider(
                        line, terminated: true, scratch: &scratch, pass: .only, admit: { _ in true },
                        add: { if filter.matches($0) { totals.total.add($0) } })
                }
            }
        }

        private mutating func count(records: Int, duplicates: Int) {
            summary.recordCount += records
            summary.files[summary.files.count - 1].recordCount += records
            summary.duplicateCount += duplicates
            summary.files[summary.files.count - 1].duplicateCount += duplicates
        }

        private mutating func report(_ kind: JournalProblem.Kind, line: Int) {
            summary.problemCount += 1
            summary.files[summary.files.count - 1].problemCount += 1
            if summary.problems.count < reader.maximumStoredReports {
                summary.problems.append(JournalProblem(path: path, line: line, kind: kind))
                problemFiles.append(summary.files.count - 1)
            }
        }
    }
}
