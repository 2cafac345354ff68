import Foundation

/// Appends records to a journal file so that each one is either wholly on disk or not at all.
///
/// The file is opened `O_WRONLY|O_APPEND|O_CREAT|O_CLOEXEC` with mode 0600 when the writer is
/// created, so a journal that cannot be written is found before the first question, not after
/// the last. Each record is one `write()` of the whole line under `flock(LOCK_EX)`, then
/// `fsync`; several kiosk processes may append to one journal at once. A short write or any
/// error truncates the file back to its size before the record and throws
/// ``JournalError/Kind/notSaved``.
///
/// Call ``ignoreFileSizeSignal()`` once at start so that a file-size limit is an error here
/// rather than a crash.
public final class JournalWriter: ResponseSink {
    /// The journal's path as given.
    public let path: String
    private let descriptor: Int32

    /// Opens (and if needed creates) the journal for appending.
    ///
    /// - Throws: ``JournalError`` when the folder is missing or not writable, the path is a
    ///   folder or not a regular file, or permission is denied; the message says what to do.
    public init(path: String) throws(JournalError) {
        self.path = path
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw Self.openError(path: path, errno: errno)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw JournalError(kind: .cannotOpen, path: path, message: "cannot examine the journal: \(JournalError.describe(errno: code))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw JournalError(
                kind: .cannotOpen, path: path,
                message: "the journal is not a regular file; give the path of a file, for example --journal ~/kiosk/journal.jsonl")
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Where records go, for messages.
    public var destinationDescription: String { path }

    /// Ignores `SIGXFSZ`, so that writing past a file-size limit (`ulimit -f`) fails with
    /// `EFBIG` and becomes a "not saved" error instead of killing the process.
    public static func ignoreFileSizeSignal() {
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Appends one record as one line, durably, or leaves the journal as it was and throws.
    public func append(_ record: JournalRecord) throws(JournalError) {
        let line = JournalRecordCoder.encode(record)
        guard lockRetryingOnInterrupt(LOCK_EX) == 0 else {
            throw notSaved("could not lock the journal: \(JournalError.describe(errno: errno))")
        }
        defer { _ = lockRetryingOnInterrupt(LOCK_UN) }

        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw notSaved("could not examine the journal: \(JournalError.describe(errno: errno))")
        }
        try checkPathStillNamesJournal(status)
        let sizeBefore = status.st_size

        var written = -1
        repeat {
            written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        } while written < 0 && errno == EINTR
        if written != line.count {
            // Read errno before anything else can change it; a short write has none.
            let reason = written < 0
                ? JournalError.describe(errno: errno)
                : "only \(written) of \(line.count) bytes were written (is the disk full or a file-size limit reached?)"
            throw notSaved(reason, truncatingTo: sizeBefore)
        }
        guard fsyncRetryingOnInterrupt() == 0 else {
            throw notSaved("could not flush to disk: \(JournalError.describe(errno: errno))", truncatingTo: sizeBefore)
        }
    }

    /// The kiosk holds the journal open for weeks. If its folder was deleted or the file moved,
    /// replaced or made read-only meanwhile, a write would go to a file nobody will collect, or
    /// against the operator's intent: refuse, so the respondent is told rather than the answers lost.
    private func checkPathStillNamesJournal(_ opened: stat) throws(JournalError) {
        var current = stat()
        guard stat(path, &current) == 0 else {
            throw notSaved("the journal file is gone (\(JournalError.describe(errno: errno))); was it or its folder moved or deleted?")
        }
        guard current.st_dev == opened.st_dev, current.st_ino == opened.st_ino else {
            throw notSaved("'\(path)' is no longer the file this kiosk opened; was the journal moved or replaced?")
        }
        guard access(path, W_OK) == 0 else {
            throw notSaved("the journal is no longer writable: \(JournalError.describe(errno: errno))")
        }
    }

    private func lockRetryingOnInterrupt(_ operation: Int32) -> Int32 {
        var result: Int32
        repeat { result = flock(descriptor, operation) } while result != 0 && errno == EINTR
        return result
    }

    private func fsyncRetryingOnInterrupt() -> Int32 {
        var result: Int32
        repeat { result = fsync(descriptor) } while result != 0 && errno == EINTR
        return result
    }

    private func notSaved(_ reason: String) -> JournalError {
        .notSaved(path: path, message: "response not saved: \(reason); nothing was written")
    }

    /// Removes whatever part of the line reached the file, then describes the failure.
    private func notSaved(_ reason: String, truncatingTo size: off_t) -> JournalError {
        var result: Int32
        repeat { result = ftruncate(descriptor, size) } while result != 0 && errno == EINTR
        if result == 0 {
            _ = fsyncRetryingOnInterrupt()
            return .notSaved(
                path: path,
                message: "response not saved: \(reason); the journal was left as it was. "
                    + "Free some space or choose another journal with --journal")
        }
        return .notSaved(
            path: path,
            message: "response not saved: \(reason); the journal may end in a partial line "
                + "(\(JournalError.describe(errno: errno)) while removing it), which readers skip as a torn line. "
                + "Free some space or choose another journal with --journal")
    }

    private static func openError(path: String, errno code: Int32) -> JournalError {
        let folder = (path as NSString).deletingLastPathComponent
        let folderName = folder.isEmpty ? "." : folder
        let message: String
        switch code {
        case ENOENT:
            message = "the folder '\(folderName)' does not exist; create it (mkdir -p '\(folderName)') "
                + "or choose another journal with --journal"
        case EACCES, EPERM:
            message = "permission denied: kiosk may not write this file or create it in '\(folderName)'; "
                + "fix the permissions or choose another journal with --journal"
        case EISDIR:
            message = "this is a folder, not a file; give a file inside it, for example --journal '\(path)/journal.jsonl'"
        case ENOTDIR:
            message = "part of '\(folderName)' is a file, not a folder; choose another journal with --journal"
        case EROFS:
            message = "the file system is read-only; choose a journal on a writable disk with --journal"
        default:
            message = "cannot open the journal for writing: \(JournalError.describe(errno: code)); "
                + "choose another journal with --journal"
        }
        return JournalError(kind: .cannotOpen, path: path, message: message)
    }
}

/// A sink for `--dry-run`: accepts records and stores nothing.
public final class DryRunSink: ResponseSink {
    /// How many records were handed over (and dropped).
    public private(set) var discardedCount = 0

    /// Creates a sink.
    public init() {}

    /// Says where records go, for messages.
    public var destinationDescription: String { "nowhere (dry run)" }

    /// Drops the record.
    public func append(_ record: JournalRecord) {
        discardedCount += 1
    }
}
