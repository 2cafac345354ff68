import CReadline
import Foundation

/// GNU readline on a terminal: arrows, Home/End, Ctrl-A/E/K/U/W, UTF-8 and wide characters,
/// Tab completion of options, and a history that lives only while one respondent answers.
///
/// readline is process-wide C state, so there is at most one instance; its callbacks are
/// top-level C functions that reach it through ``current`` on the main thread.
@MainActor
public final class ReadlineLineReader: LineReader {
    /// The reader readline's callbacks talk to.
    fileprivate static var current: ReadlineLineReader?
    private static var isConfigured = false

    /// The longest line readline edits. readline slows down badly on huge lines (a 1 MB paste
    /// froze the kiosk for minutes), and no answer may be longer than 10,000 characters, so
    /// whatever is pasted beyond this is dropped up to the next Enter and the answer re-asked.
    public static let maximumLineBytes = 64 * 1024

    public var idleAfter: Duration?
    public var isInteractive: Bool { true }

    private let output: TerminalOutput
    private var completionCandidates: [String] = []
    private var prefill = ""
    /// Why readline() returned NULL, when it was not Ctrl-D.
    private var pause: LineInput?
    private var idleDeadline: ContinuousClock.Instant?
    /// Bytes read past the end of an over-long line while dropping it: the next lines of a paste.
    private var readAhead: [UInt8] = []
    private var readAheadStart = 0

    /// Prepares readline for a respondent-facing kiosk. Call once, before the first prompt.
    public init(output: TerminalOutput) {
        self.output = output
        Self.configureProcessOnce()
        Self.current = self
    }

    private static func configureProcessOnce() {
        guard !isConfigured else { return }
        isConfigured = true
        TerminalLocale.ensureUTF8()
        // Key bindings from ~/.inputrc or /etc/inputrc could re-enable what kiosk turns off.
        setenv("INPUTRC", "/dev/null", 1)
        kiosk_rl_set_readline_name(strdup("kiosk"))
        kiosk_rl_disable_signal_handling()
        kiosk_rl_set_getc_function(readlineGetCharacter)
        kiosk_rl_set_completion_function(readlineComplete)
        kiosk_rl_set_startup_hook(readlineInsertPrefill)
        // Read the (empty) init file now, before removing bindings, so nothing re-binds them later.
        rl_initialize()
        kiosk_rl_remove_leaking_bindings()
        using_history()
        stifle_history(100)
    }

    public func readLine(prompt: String, completions: [String], prefill: String) -> LineInput {
        completionCandidates = completions
        self.prefill = prefill
        pause = nil
        idleDeadline = idleAfter.map { ContinuousClock.now + $0 }
        guard let pointer = CReadline.readline(prompt) else {
            // readline leaves the cursor on the abandoned line.
            output.write("\n")
            return pause ?? .endOfInput
        }
        defer { free(pointer) }
        let line = String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
        if !line.isEmpty { add_history(pointer) }
        return .line(line)
    }

    public func readSecret(prompt: String) -> String? {
        // The rest of a paste is not a PIN.
        dropReadAhead()
        // Echo goes off before the prompt appears, so nothing typed at the prompt is ever shown.
        let secret = TerminalMode.withEchoOff(STDIN_FILENO) {
            output.write(prompt)
            return readCanonicalLine()
        }
        output.write("\n")
        return secret
    }

    public func waitForKey(until deadline: ContinuousClock.Instant) -> KeyWait {
        if readAheadStart < readAhead.count {
            dropReadAhead()
            return .key
        }
        return TerminalMode.withSingleKeys(STDIN_FILENO) {
            while true {
                if SignalMonitor.isPending(.terminate) { return .terminated }
                // Ctrl-C is a key press like any other here: someone is at the kiosk.
                if SignalMonitor.take(.interrupt) { return .key }
                _ = SignalMonitor.take(.resize)
                switch InputWaiter.wait(for: STDIN_FILENO, until: deadline) {
                case .deadline:
                    return .deadline
                case .hangup:
                    return .terminated
                case .signal:
                    continue
                case .readable:
                    var bytes = [UInt8](repeating: 0, count: 64)
                    let count = bytes.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                    if count == 0 { return .terminated }
                    return .key
                }
            }
        }
    }

    public func forgetRespondent() {
        // clear_history, not rl_clear_history: the latter leaves dangling entries in 8.2.
        clear_history()
    }

    /// The next key for readline. Waits without polling in a loop, so signals and the idle
    /// deadline are acted on at once and an idle kiosk uses no CPU.
    fileprivate func nextCharacter() -> Int32 {
        if readAheadStart < readAhead.count {
            defer { readAheadStart += 1 }
            return Int32(readAhead[readAheadStart])
        }
        if Int(kiosk_rl_line_length()) >= Self.maximumLineBytes {
            return dropRestOfLine()
        }
        while true {
            if SignalMonitor.take(.resize) {
                kiosk_rl_resize()
                return pauseLine(as: { .resized(partial: $0) })
            }
            if SignalMonitor.isPending(.terminate) {
                return pauseLine(as: { _ in .terminated })
            }
            if SignalMonitor.take(.interrupt) {
                output.write("^C")
                return pauseLine(as: { _ in .interrupted })
            }
            switch InputWaiter.wait(for: STDIN_FILENO, until: idleDeadline) {
            case .deadline:
                return pauseLine(as: { .idle(partial: $0) })
            case .signal:
                continue
            case .hangup:
                // The terminal went away: there is nobody left to answer.
                return pauseLine(as: { _ in .terminated })
            case .readable:
                var byte: UInt8 = 0
                let count = read(STDIN_FILENO, &byte, 1)
                if count == 1 {
                    idleDeadline = idleAfter.map { ContinuousClock.now + $0 }
                    return Int32(byte)
                }
                if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                if count < 0 { return pauseLine(as: { _ in .terminated }) }
                // Zero bytes from a terminal that has not hung up is Ctrl-D typed while the
                // terminal was still in canonical mode, between two prompts.
                return EOF
            }
        }
    }

    /// Reads and drops input up to the next Enter, in large chunks, keeping what follows it;
    /// returns Enter so readline ends the (already over-long) line.
    private func dropRestOfLine() -> Int32 {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if SignalMonitor.isPending(.terminate) { return pauseLine(as: { _ in .terminated }) }
            if SignalMonitor.take(.interrupt) { return pauseLine(as: { _ in .interrupted }) }
            switch InputWaiter.wait(for: STDIN_FILENO, until: nil) {
            case .signal, .deadline:
                continue
            case .hangup:
                return pauseLine(as: { _ in .terminated })
            case .readable:
                let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                guard count > 0 else { return pauseLine(as: { _ in .terminated }) }
                let received = chunk[..<count]
                if let end = received.firstIndex(where: { $0 == 13 || $0 == 10 }) {
                    readAhead = Array(received[(end + 1)...])
                    readAheadStart = 0
                    return 13
                }
            }
        }
    }

    private func dropReadAhead() {
        readAhead = []
        readAheadStart = 0
    }

    /// Ends readline() with NULL, remembering why and what had been typed.
    private func pauseLine(as reason: (String) -> LineInput) -> Int32 {
        let copy = kiosk_rl_copy_line()
        let partial = copy.map { String(cString: $0) } ?? ""
        free(copy)
        pause = reason(partial)
        kiosk_rl_discard_line()
        return EOF
    }

    fileprivate func takePrefill() -> String {
        defer { prefill = "" }
        return prefill
    }

    fileprivate func completions(for text: String) -> [String] {
        OptionCompletion.candidates(for: text, among: completionCandidates)
    }

    /// A line read in canonical mode (the kernel's own editing), for the PIN.
    private func readCanonicalLine() -> String? {
        var line: [UInt8] = []
        while true {
            if SignalMonitor.isPending(.terminate) || SignalMonitor.take(.interrupt) { return nil }
            switch InputWaiter.wait(for: STDIN_FILENO, until: ContinuousClock.now + .seconds(60)) {
            case .deadline, .hangup:
                return nil
            case .signal:
                continue
            case .readable:
                var chunk = [UInt8](repeating: 0, count: 256)
                let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return nil }
                line += chunk[..<count]
                if let newline = line.firstIndex(of: UInt8(ascii: "\n")) {
                    return String(decoding: line[..<newline], as: UTF8.self)
                }
                if line.count > 1024 { return nil }
            }
        }
    }
}

/// readline's `rl_getc_function`.
private func readlineGetCharacter(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    MainActor.assumeIsolated {
        ReadlineLineReader.current?.nextCharacter() ?? EOF
    }
}

/// readline's `rl_startup_hook`: puts back a line that a pause interrupted.
private func readlineInsertPrefill() -> Int32 {
    let text = MainActor.assumeIsolated { ReadlineLineReader.current?.takePrefill() ?? "" }
    if !text.isEmpty { rl_insert_text(text) }
    return 0
}

/// readline's `rl_attempted_completion_function`: completes option names, never file names.
private func readlineComplete(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    kiosk_rl_completion_is_final()
    let typed = text.map { String(cString: $0) } ?? ""
    let matches = MainActor.assumeIsolated {
        ReadlineLineReader.current?.completions(for: typed) ?? []
    }
    guard !matches.isEmpty else { return nil }
    // readline's convention: element 0 is the common prefix, then each match, then NULL;
    // readline frees every string and the array.
    let common = OptionCompletion.commonPrefix(of: matches)
    guard let array = calloc(matches.count + 2, MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
        .assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self)
    else { return nil }
    array[0] = strdup(common)
    for (offset, match) in matches.enumerated() {
        array[offset + 1] = strdup(match)
    }
    return array
}
