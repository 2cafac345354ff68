import Foundation

/// Reads journals line by line, without ever holding a whole file, and hands over each valid,
/// first-seen record.
///
/// Damaged lines (a torn last line, garbage, NUL runs, invalid UTF-8, an unknown format, lines
/// over ``maximumLineBytes``) are skipped and reported in the summary with their line numbers;
/// they are never fatal. A record whose id was already seen, in this file or an earlier one,
/// is dropped and counted as a duplicate: merged journals from several kiosks often overlap.
public struct JournalReader: Sendable {
    /// The journals, read in this order.
    public var paths: [String]
    /// Lines longer than this are skipped without being held in memory.
    public var maximumLineBytes: Int
    /// How many problems and duplicates the summary keeps in full; the counts go on.
    public var maximumStoredReports: Int
    /// How many bytes each `read()` asks for.
    public var chunkBytes: Int

    /// Creates a reader for the journals at `paths`.
    public init(paths: [String], maximumLineBytes: Int = 1 << 20, maximumStoredReports: Int = 1000, chunkBytes: Int = 1 << 20) {
        self.paths = paths
        self.maximumLineBytes = maximumLineBytes
        self.maximumStoredReports = maximumStoredReports
        self.chunkBytes = max(1, chunkBytes)
    }

    /// Calls `body` with each valid record not seen before, in file order.
    ///
    /// - Returns: What was read and what was skipped.
    /// - Throws: ``JournalError`` when a journal cannot be opened or read (missing, a folder,
    ///   no permission), and whatever `body` throws.
    public func forEachRecord(_ body: (JournalRecord) throws -> Void) throws -> JournalReadSummary {
        var state = ReadState(maximumStoredReports: maximumStoredReports)
        for (fileIndex, path) in paths.enumerated() {
            state.summary.files.append(JournalFileSummary(path: path))
            try read(path: path, fileIndex: fileIndex, state: &state, body: body)
        }
        return state.summary
    }

    private struct ReadState {
        let maximumStoredReports: Int
        var summary = JournalReadSummary()
        /// Where each id was first seen: file index and line.
        var firstSeen: [String: (file: Int, line: Int)] = [:]

        mutating func report(_ problem: JournalProblem, fileIndex: Int) {
            summary.problemCount += 1
            summary.files[fileIndex].problemCount += 1
            if summary.problems.count < maximumStoredReports { summary.problems.append(problem) }
        }
    }

    private func read(
        path: String, fileIndex: Int, state: inout ReadState, body: (JournalRecord) throws -> Void
    ) throws {
        let descriptor = try Self.open(path)
        defer { close(descriptor) }

        var chunk = [UInt8](repeating: 0, count: chunkBytes)
        var line: [UInt8] = []
        var lineIsTooLong = false
        var lineNumber = 0

        func finish(terminated: Bool) throws {
            lineNumber += 1
            defer {
                line.removeAll(keepingCapacity: line.capacity <= 64 * 1024)
                lineIsTooLong = false
            }
            if lineIsTooLong {
                state.report(
                    JournalProblem(path: path, line: lineNumber, kind: .lineTooLong(limitBytes: maximumLineBytes)),
                    fileIndex: fileIndex)
                return
            }
            switch Self.record(in: line, terminated: terminated) {
            case nil:
                return
            case .failure(let kind)?:
                state.report(JournalProblem(path: path, line: lineNumber, kind: kind), fileIndex: fileIndex)
            case .success(let record)?:
                if let first = state.firstSeen[record.id] {
                    state.summary.duplicateCount += 1
                    state.summary.files[fileIndex].duplicateCount += 1
                    if state.summary.duplicates.count < state.maximumStoredReports {
                        state.summary.duplicates.append(JournalDuplicate(
                            id: record.id, path: path, line: lineNumber,
                            firstPath: paths[first.file], firstLine: first.line))
                    }
                    return
                }
                state.firstSeen[record.id] = (fileIndex, lineNumber)
                state.summary.recordCount += 1
                state.summary.files[fileIndex].recordCount += 1
                try body(record)
            }
        }

        while true {
            var count: Int
            repeat {
                count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            } while count < 0 && errno == EINTR
            if count < 0 {
                throw JournalError(
                    kind: .cannotRead, path: path,
                    message: "cannot read the journal: \(JournalError.describe(errno: errno))")
            }
            if count == 0 { break }
            var start = 0
            while start < count {
                let newline = chunk[start..<count].firstIndex(of: UInt8(ascii: "\n"))
                let end = newline ?? count
                if !lineIsTooLong {
                    if line.count + (end - start) > maximumLineBytes {
                        // Keep counting lines but stop holding this one: it is skipped anyway.
                        lineIsTooLong = true
                        line.removeAll()
                    } else {
                        line.append(contentsOf: chunk[start..<end])
                    }
                }
                if newline != nil {
                    try finish(terminated: true)
                    start = end + 1
                } else {
                    start = end
                }
            }
        }
        if !line.isEmpty || lineIsTooLong { try finish(terminated: false) }
    }

    /// Opens a journal for reading; a folder or a missing file is an error that says what to do.
    static func open(_ path: String) throws -> Int32 {
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.openError(path: path, errno: errno) }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw JournalError(
                kind: .cannotRead, path: path,
                message: "this is a folder, not a journal; give the journal file inside it, such as '\(path)/journal.jsonl'")
        }
        return descriptor
    }

    /// The record one line holds, the problem with it, or `nil` for a blank line.
    static func record(in line: [UInt8], terminated: Bool) -> Result<JournalRecord, JournalProblem.Kind>? {
        if isBlank(line) { return nil }
        // The byte-level decoder takes nearly every line; the tree parser below explains the rest.
        if let record = RecordDecoder.decode(line) { return .success(record) }
        return problem(in: line, terminated: terminated)
    }

    /// Whether a line holds only spaces, tabs and carriage returns: not a record, not a problem.
    static func isBlank(_ line: some Sequence<UInt8>) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }

    /// Why a line that ``RecordDecoder`` refused is not a record.
    static func problem(in line: [UInt8], terminated: Bool) -> Result<JournalRecord, JournalProblem.Kind> {
        if line.contains(0) { return .failure(.nulBytes) }
        if String(validating: line, as: UTF8.self) == nil { return .failure(.invalidUTF8) }
        do {
            _ = try JournalRecordCoder.decode(line)
            // The tree parser allows what JSONSerialization does not: a number too large for a Double.
            return .failure(.malformedJSON("a number too large for a Double"))
        } catch {
            switch error {
            case .malformedJSON, .notARecord:
                // A whole record is one write() that ends in a newline, so a final line
                // without one that does not parse is what an interrupted write leaves.
                return .failure(terminated ? error : .tornLastLine)
            default:
                return .failure(error)
            }
        }
    }

    private static func openError(path: String, errno code: Int32) -> JournalError {
        let message = switch code {
        case ENOENT:
            "no such journal; check the path, or run 'kiosk run' to create one (the default is "
                + "KIOSK_JOURNAL or ~/.local/share/kiosk/journal.jsonl)"
        case EACCES, EPERM:
            "permission denied; ask the journal's owner to share it, or copy it somewhere you can read"
        default:
            "cannot open the journal: \(JournalError.describe(errno: code))"
        }
        return JournalError(kind: .cannotRead, path: path, message: message)
    }
}

/// What reading some journals found.
public struct JournalReadSummary: Sendable, Equatable {
    /// Valid records handed over (duplicates excluded).
    public var recordCount = 0
    /// Records dropped because their id was seen before.
    public var duplicateCount = 0
    /// Damaged lines skipped.
    public var problemCount = 0
    /// The damaged lines, in order, up to the reader's limit.
    public var problems: [JournalProblem] = []
    /// The duplicates, in order, up to the reader's limit.
    public var duplicates: [JournalDuplicate] = []
    /// The same counts for each journal, in the order read.
    public var files: [JournalFileSummary] = []

    /// Creates an empty summary.
    public init() {}

    /// Adds the counts of another pass over the same journals, which counted other records
    /// and reported other lines (see ``ParallelJournalReader``); not its list of problems.
    mutating func addCounts(of other: JournalReadSummary) {
        recordCount += other.recordCount
        duplicateCount += other.duplicateCount
        problemCount += other.problemCount
        for index in files.indices where index < other.files.count {
            files[index].recordCount += other.files[index].recordCount
            files[index].duplicateCount += other.files[index].duplicateCount
            files[index].problemCount += other.files[index].problemCount
        }
    }
}

/// The counts for one journal file.
public struct JournalFileSummary: Sendable, Equatable {
    /// The journal's path as given.
    public var path: String
    /// Valid records handed over from this file.
    public var recordCount = 0
    /// Records in this file whose id was seen before.
    public var duplicateCount = 0
    /// Damaged lines in this file.
    public var problemCount = 0

    /// Creates a summary with zero counts.
    public init(path: String) {
        self.path = path
    }
}

/// A record dropped because a record with the same id came first.
public struct JournalDuplicate: Sendable, Equatable, CustomStringConvertible {
    /// The shared id.
    public var id: String
    /// Where the dropped copy is.
    public var path: String
    /// The dropped copy's 1-based line.
    public var line: Int
    /// Where the kept copy is.
    public var firstPath: String
    /// The kept copy's 1-based line.
    public var firstLine: Int

    /// Creates a duplicate report.
    public init(id: String, path: String, line: Int, firstPath: String, firstLine: Int) {
        self.id = id
        self.path = path
        self.line = line
        self.firstPath = firstPath
        self.firstLine = firstLine
    }

    /// A warning at the dropped copy that names the kept one.
    public var diagnostic: Diagnostic {
        Diagnostic(
            file: path, line: line, severity: .warning,
            message: "duplicate of the record at \(firstPath):\(firstLine) (id \(id)); this copy was skipped")
    }

    public var description: String { diagnostic.description }
}
