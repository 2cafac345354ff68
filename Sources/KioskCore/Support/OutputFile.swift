import Foundation

/// Where a report or an export goes: standard output, or a file created with mode 0600 (it
/// holds respondents' words), written in large blocks.
public final class OutputFile {
    /// The path as the user gave it, or `<stdout>`.
    public let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Opens `path` for writing (truncating it), or standard output when `path` is `nil`.
    public init(path: String?) throws(OutputFileError) {
        guard let path else {
            descriptor = STDOUT_FILENO
            self.path = "<stdout>"
            return
        }
        let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard opened >= 0 else {
            throw OutputFileError(path: path, message: "cannot write to this file: \(String(cString: strerror(errno))); choose another --output file")
        }
        descriptor = opened
        self.path = path
    }

    deinit {
        if descriptor != STDOUT_FILENO { close(descriptor) }
    }

    /// Whether two paths name the same existing file (by device and inode), so a command can
    /// refuse to overwrite one of the journals it is reading.
    public static func isSameFile(_ first: String, _ second: String) -> Bool {
        var firstStatus = stat()
        var secondStatus = stat()
        guard stat(first, &firstStatus) == 0, stat(second, &secondStatus) == 0 else { return false }
        return firstStatus.st_dev == secondStatus.st_dev && firstStatus.st_ino == secondStatus.st_ino
    }

    /// Queues `bytes`, writing when enough have gathered.
    public func write(_ bytes: [UInt8]) throws(OutputFileError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Queues `text` as UTF-8.
    public func write(_ text: String) throws(OutputFileError) {
        try write(Array(text.utf8))
    }

    /// Writes whatever is queued.
    public func finish() throws(OutputFileError) {
        try flush()
    }

    private func flush() throws(OutputFileError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputFileError(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Why the output could not be written.
public struct OutputFileError: Error, Sendable, Equatable {
    /// The file, or `<stdout>`.
    public var path: String
    /// What went wrong and what to do.
    public var message: String

    /// The error as a diagnostic for the printer.
    public var diagnostic: Diagnostic {
        Diagnostic(file: path, message: message)
    }
}
