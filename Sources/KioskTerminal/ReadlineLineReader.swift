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

    private let output: TerminalOutput
    private var completionCandidates: [String] = []
    private var interruption: LineInput?

    /// Prepares readline for a respondent-facing kiosk. Call once, before the first prompt.
    public init(output: TerminalOutput) {
        self.output = output
        Self.configureProcessOnce()
        Self.current = self
    }

    private static var isConfigured = false

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
        // Reading the (empty) init file now, before removing bindings, so nothing re-binds later.
        rl_initialize()
        kiosk_rl_remove_leaking_bindings()
        using_history()
        stifle_history(100)
    }

    public func readLine(prompt: String, completions: [String]) -> LineInput {
        completionCandidates = completions
        interruption = nil
        guard let pointer = CReadline.readline(prompt) else {
            if let interruption {
                // readline left the cursor on the abandoned line.
                output.write("\n")
                return interruption
            }
            output.write("\n")
            return .endOfInput
        }
        defer { free(pointer) }
        let line = String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
        if !line.isEmpty { add_history(pointer) }
        return .line(line)
    }

    public func forgetRespondent() {
        // clear_history, not rl_clear_history: the latter leaves dangling entries in 8.2.
        clear_history()
    }

    /// The next key for readline, waiting in short polls so signals are noticed while idle.
    fileprivate func nextCharacter() -> Int32 {
        while true {
            if SignalMonitor.take(.resize) { kiosk_rl_resize() }
            if SignalMonitor.isPending(.terminate) {
                _ = SignalMonitor.take(.terminate)
                return abandonLine(as: .terminated)
            }
            if SignalMonitor.take(.interrupt) {
                output.write("^C")
                return abandonLine(as: .interrupted)
            }
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 100)
            if ready < 0 && errno != EINTR { return EOF }
            guard ready > 0 else { continue }
            var byte: UInt8 = 0
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return Int32(byte) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            // The terminal went away (hang-up): treat it as the end of input.
            return EOF
        }
    }

    private func abandonLine(as reason: LineInput) -> Int32 {
        interruption = reason
        kiosk_rl_discard_line()
        return EOF
    }

    fileprivate func completions(for text: String) -> [String] {
        OptionCompletion.candidates(for: text, among: completionCandidates)
    }
}

/// readline's `rl_getc_function`.
private func readlineGetCharacter(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    MainActor.assumeIsolated {
        ReadlineLineReader.current?.nextCharacter() ?? EOF
    }
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
