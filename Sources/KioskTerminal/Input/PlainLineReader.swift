import Foundation

/// Reads plain lines from a file descriptor: the same interview flow for pipes, scripts and
/// screen readers, one line per prompt.
@MainActor
public final class PlainLineReader: LineReader {
    /// Lines longer than this are cut here and the rest of the line is skipped, so a pasted
    /// megabyte never sits in memory more than once. Answers have their own, smaller limits.
    public static let maximumLineBytes = 1 << 20

    private let fileDescriptor: Int32
    private let output: TerminalOutput
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    private var reachedEnd = false

    /// Creates a reader of `fileDescriptor` that writes prompts to `output`.
    public init(fileDescriptor: Int32 = STDIN_FILENO, output: TerminalOutput) {
        self.fileDescriptor = fileDescriptor
        self.output = output
    }

    public var isInteractive: Bool { false }

    /// Ignored: a pipe has nobody to time out. The idle timeout needs a terminal.
    public var idleAfter: Duration?

    public func readLine(prompt: String, completions: [String], prefill: String) -> LineInput {
        output.write(prompt)
        var line: [UInt8] = []
        var isCut = false
        while true {
            if SignalMonitor.take(.terminate) { return .terminated }
            if SignalMonitor.take(.interrupt) { return .interrupted }
            if bufferStart == buffer.count {
                if reachedEnd {
                    // A last line without a newline still counts; nothing at all is the end.
                    if line.isEmpty && !isCut { return .endOfInput }
                    break
                }
                // When nothing was read, either the end was reached or a signal is pending;
                // the top of the loop handles both.
                if !fill() { continue }
            }
            let available = buffer[bufferStart...]
            if let newline = available.firstIndex(of: UInt8(ascii: "\n")) {
                append(available[bufferStart..<newline], to: &line, isCut: &isCut)
                bufferStart = newline + 1
                break
            }
            append(available, to: &line, isCut: &isCut)
            bufferStart = buffer.count
        }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        output.write("\n")
        // Invalid UTF-8 becomes U+FFFD rather than an error: the respondent's words survive.
        return .line(String(decoding: line, as: UTF8.self))
    }

    public func readSecret(prompt: String) -> String? {
        guard case .line(let secret) = readLine(prompt: prompt, completions: [], prefill: "") else { return nil }
        return secret
    }

    /// Returns at once: there is no keyboard behind a pipe to wait for.
    public func waitForKey(until deadline: ContinuousClock.Instant) -> KeyWait {
        .deadline
    }

    public func forgetRespondent() {}

    private func append(_ bytes: ArraySlice<UInt8>, to line: inout [UInt8], isCut: inout Bool) {
        let room = Self.maximumLineBytes - line.count
        if bytes.count > room {
            line.append(contentsOf: bytes.prefix(room))
            isCut = true
        } else {
            line.append(contentsOf: bytes)
        }
    }

    /// Reads the next chunk; `false` at end of input or on an error.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer = Array(chunk[..<count])
                bufferStart = 0
                return true
            }
            if count < 0 && errno == EINTR {
                if SignalMonitor.isPending(.terminate) || SignalMonitor.isPending(.interrupt) { return false }
                continue
            }
            reachedEnd = true
            return false
        }
    }
}
