import Foundation

/// What ``ParallelJournalReader`` fills: an aggregate of records that pieces of the journals
/// can be added to separately and merged, in file order, afterwards.
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
/// without keeping records, so a journal of millions of lines is read in bounded memory (a few
/// chunks, the aggregates and the ids seen).
///
/// It counts exactly what ``JournalReader`` reads (valid, first-seen records; the same problems
/// and duplicates), but lists problems without each duplicate's first copy (`duplicates`
/// stays empty; `kiosk check` reports them).
///
/// How: each worker reads a chunk of a file with `pread` and aggregates the whole lines inside
/// it into an aggregate of its own. The line that straddles two chunks is decoded afterwards.
/// Chunks are then committed in file order: their ids go into the set of ids seen and, when
/// none was seen before, their aggregate is merged. A chunk holding a copy of an earlier record
/// is aggregated again without it, so the first copy in file order is always the one kept.
public struct ParallelJournalReader: Sendable {
    public var paths: [String]
    public var maximumLineBytes: Int
    public var maximumStoredReports: Int
    /// The size of the pieces handed to the workers.
    public var chunkBytes: Int
    /// How many workers decode chunks at once.
    public var workers: Int

    /// Creates a reader for the journals at `paths`.
    public init(
        paths: [String], maximumLineBytes: Int = 1 << 20, maximumStoredReports: Int = 1000,
        chunkBytes: Int = 1 << 20, workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.paths = paths
        self.maximumLineBytes = max(1, maximumLineBytes)
        self.maximumStoredReports = maximumStoredReports
        self.chunkBytes = max(1, chunkBytes)
        self.workers = max(1, workers)
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
        var state = CommitState(total: initial, filter: filter, reader: self)
        state.seen.reserveCapacity(paths.reduce(0) { $0 + Self.fileSize($1) } / Self.typicalRecordBytes)
        for path in paths {
            state.startFile(path)
            try forEachBatch(path: path, state: &state)
            state.finishFile()
        }
        return (state.total, state.summary)
    }

    /// The bytes per record the id set is sized by: about 400 in the shipped questionnaires'
    /// journals, so the set does not double (briefly holding both tables) on the way.
    static let typicalRecordBytes = 400

    /// The size of the file at `path`, or 0 when it cannot be told (reading reports why).
    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
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

    /// Reads `path` a batch of chunks at a time: decoded by the workers, then committed.
    private func forEachBatch<Aggregate: JournalAggregate>(path: String, state: inout CommitState<Aggregate>) throws {
        let descriptor = try JournalReader.open(path)
        defer { close(descriptor) }
        var info = stat()
        let isRegular = fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
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
                let size = fstat(descriptor, &now) == 0 ? Int(now.st_size) : offset
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
                }
            }
            let chunks = try decodeBatch(sources, buffers: buffers, state: state, path: path)
            for (index, chunk) in chunks.enumerated() {
                state.commit(chunk, bytes: buffers.bytes(index, count: chunk.byteCount))
            }
        }
    }

    /// Decodes a batch of chunks on every core. The workers check ids against those seen
    /// before the batch (shared, read only); this returns before the set changes again, so
    /// that it is never copied.
    private func decodeBatch<Aggregate: JournalAggregate>(
        _ sources: [ChunkSource], buffers: ChunkBuffers, state: CommitState<Aggregate>, path: String
    ) throws -> [DecodedChunk<Aggregate>] {
        let pieces = sources.enumerated().map { ($0.offset, $0.element, state.total.emptied()) }
        let seen = state.seen, filter = state.filter
        return try ParallelMap.map(pieces) { index, source, piece in
            Result {
                let buffer = buffers.buffer(index)
                let count: Int
                switch source {
                case .alreadyRead(let given): count = given
                case .file(let descriptor, let offset, let wanted):
                    count = try Self.read(descriptor, into: UnsafeMutableBufferPointer(rebasing: buffer[..<wanted]), offset: offset, path: path)
                }
                return decode(ByteSpan(rebasing: buffer[..<count]), into: piece, seen: seen, filter: filter)
            }
        }.map { try $0.get() }
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
        /// The ids of the records aggregated, in order, with their line (0 = the first inner line).
        var ids: [(key: RecordIDSet.Key, line: Int)] = []
        /// Records left out as copies of one seen before the batch or earlier in the chunk.
        var duplicateCount = 0
        var problems: [(line: Int, kind: JournalProblem.Kind)] = []
    }

    private func decode<Aggregate: JournalAggregate>(
        _ buffer: ByteSpan, into piece: Aggregate, seen: RecordIDSet, filter: RecordFilter
    ) -> DecodedChunk<Aggregate> {
        var chunk = DecodedChunk(byteCount: buffer.count, firstNewline: nil, tailStart: buffer.count, aggregate: piece)
        do {
            guard let first = Self.newline(in: buffer, from: 0) else { return chunk }
            chunk.firstNewline = first
            var scratch = RecordDecoder.Scratch()
            var seenInChunk = RecordIDSet()
            var start = first + 1
            var line = 0
            while let end = Self.newline(in: buffer, from: start) {
                let outcome = consider(
                    ByteSpan(rebasing: buffer[start..<end]), terminated: true, scratch: &scratch,
                    admit: { !seen.contains($0) && seenInChunk.insert($0) },
                    add: { if filter.matches($0) { chunk.aggregate.add($0) } })
                switch outcome {
                case .blank: break
                case .problem(let kind): chunk.problems.append((line, kind))
                case .record(let key, admitted: true): chunk.ids.append((key, line))
                case .record(_, admitted: false): chunk.duplicateCount += 1
                }
                line += 1
                start = end + 1
            }
            chunk.innerLineCount = line
            chunk.tailStart = start
        }
        return chunk
    }

    /// Aggregates the inner lines of `chunk` again, leaving out the lines in `excluded` and
    /// those the first decoding left out.
    private func redecode<Aggregate: JournalAggregate>(
        _ chunk: DecodedChunk<Aggregate>, bytes buffer: ByteSpan, excluding excluded: Set<Int>, into piece: Aggregate,
        filter: RecordFilter
    ) -> Aggregate {
        var aggregate = piece
        guard let first = chunk.firstNewline else { return aggregate }
        let admitted = Set(chunk.ids.map(\.line)).subtracting(excluded)
        do {
            var scratch = RecordDecoder.Scratch()
            var start = first + 1
            var line = 0
            while let end = Self.newline(in: buffer, from: start) {
                let current = line
                _ = consider(
                    ByteSpan(rebasing: buffer[start..<end]), terminated: true, scratch: &scratch,
                    admit: { _ in admitted.contains(current) },
                    add: { if filter.matches($0) { aggregate.add($0) } })
                line += 1
                start = end + 1
            }
        }
        return aggregate
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
    }

    /// Decodes one line and hands a valid record that `admit` lets in to `add`.
    private func consider(
        _ line: ByteSpan, terminated: Bool, scratch: inout RecordDecoder.Scratch,
        admit: (RecordIDSet.Key) -> Bool, add: (RecordView) -> Void
    ) -> LineOutcome {
        if line.count > maximumLineBytes { return .problem(.lineTooLong(limitBytes: maximumLineBytes)) }
        let decoded = RecordDecoder.withView(of: line, scratch: &scratch) { view -> LineOutcome in
            let key = RecordIDSet.key(view.id)
            guard admit(key) else { return .record(key, admitted: false) }
            add(view)
            return .record(key, admitted: true)
        }
        if let decoded { return decoded }
        if JournalReader.isBlank(line) { return .blank }
        switch JournalReader.problem(in: Array(line), terminated: terminated) {
        case .failure(let kind): return .problem(kind)
        case .success: return .problem(.malformedJSON("not a record"))
        }
    }

    // MARK: Committing chunks in file order

    /// Everything carried from chunk to chunk while the files are committed in order.
    private struct CommitState<Aggregate: JournalAggregate> {
        var total: Aggregate
        let filter: RecordFilter
        let reader: ParallelJournalReader
        var summary = JournalReadSummary()
        var seen = RecordIDSet()
        private var path = ""
        /// Lines completed so far in the current file.
        private var lineCount = 0
        /// The start of a line that began in an earlier chunk.
        private var carry: [UInt8] = []
        /// Set when that line is already longer than the limit (its bytes are dropped).
        private var carryIsTooLong = false

        init(total: Aggregate, filter: RecordFilter, reader: ParallelJournalReader) {
            self.total = total
            self.filter = filter
            self.reader = reader
        }

        mutating func startFile(_ path: String) {
            self.path = path
            summary.files.append(JournalFileSummary(path: path))
            lineCount = 0
            carry = []
            carryIsTooLong = false
        }

        mutating func finishFile() {
            if !carry.isEmpty || carryIsTooLong { finishCarriedLine(terminated: false) }
        }

        mutating func commit(_ chunk: DecodedChunk<Aggregate>, bytes: ByteSpan) {
            guard let first = chunk.firstNewline else {
                extendCarry(bytes[...])
                return
            }
            extendCarry(bytes[..<first])
            finishCarriedLine(terminated: true)

            var duplicates = Set<Int>()
            for (key, line) in chunk.ids where !seen.insert(key) { duplicates.insert(line) }
            for problem in chunk.problems { report(problem.kind, line: lineCount + 1 + problem.line) }
            let records = chunk.ids.count - duplicates.count
            summary.recordCount += records
            summary.files[summary.files.count - 1].recordCount += records
            summary.duplicateCount += duplicates.count + chunk.duplicateCount
            summary.files[summary.files.count - 1].duplicateCount += duplicates.count + chunk.duplicateCount
            if duplicates.isEmpty {
                total.merge(chunk.aggregate)
            } else {
                // Rare: a copy of a record in an earlier chunk of the same batch.
                total.merge(reader.redecode(chunk, bytes: bytes, excluding: duplicates, into: total.emptied(), filter: filter))
            }
            lineCount += chunk.innerLineCount
            carry = Array(bytes[chunk.tailStart...])
            carryIsTooLong = carry.count > reader.maximumLineBytes
            if carryIsTooLong { carry = [] }
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

        /// Decodes the line that started in an earlier chunk (or the file's last line).
        private mutating func finishCarriedLine(terminated: Bool) {
            lineCount += 1
            defer {
                carry.removeAll(keepingCapacity: true)
                carryIsTooLong = false
            }
            if carryIsTooLong {
                report(.lineTooLong(limitBytes: reader.maximumLineBytes), line: lineCount)
                return
            }
            // A fresh scratch: this line is one in a chunk, and the closures below use self.
            var scratch = RecordDecoder.Scratch()
            let reader = self.reader, filter = self.filter
            let outcome = carry.withUnsafeBufferPointer { line in
                reader.consider(
                    line, terminated: terminated, scratch: &scratch, admit: { seen.insert($0) },
                    add: { if filter.matches($0) { total.add($0) } })
            }
            let file = summary.files.count - 1
            switch outcome {
            case .blank:
                break
            case .problem(let kind):
                report(kind, line: lineCount)
            case .record(_, admitted: true):
                summary.recordCount += 1
                summary.files[file].recordCount += 1
            case .record(_, admitted: false):
                summary.duplicateCount += 1
                summary.files[file].duplicateCount += 1
            }
        }

        private mutating func report(_ kind: JournalProblem.Kind, line: Int) {
            summary.problemCount += 1
            summary.files[summary.files.count - 1].problemCount += 1
            if summary.problems.count < reader.maximumStoredReports {
                summary.problems.append(JournalProblem(path: path, line: line, kind: kind))
            }
        }
    }
}
