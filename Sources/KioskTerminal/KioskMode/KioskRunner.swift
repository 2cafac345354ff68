import Foundation
import KioskCore

/// Sets up the terminal for `kiosk run` and interviews one respondent, or, in kiosk mode, one
/// respondent after another until the admin PIN or a signal from outside stops it.
///
/// Installs the signal handlers, picks the line reader for standard input, and turns each
/// session's outcome into what the operator sees.
@MainActor
public struct KioskRunner {
    /// What `kiosk run` was asked to do.
    public struct Configuration: Sendable {
        public var questionnaire: Questionnaire
        /// `--plain`: no colours and no screen control.
        public var isPlain: Bool
        /// `--dry-run`: nothing is written.
        public var isDryRun: Bool
        /// `--loop`: kiosk mode, one respondent after another, locked down.
        public var isLoop: Bool
        /// `--idle-timeout`: in kiosk mode, discard a response after this long without a key.
        public var idleTimeout: Duration?
        /// The admin PIN's crypt(3) hash; kiosk mode needs one to be left.
        public var adminPINHash: String?
        /// How long the thanks screen stays before the welcome screen returns.
        public var thanksDuration = Duration.seconds(8)

        /// Creates a configuration.
        public init(
            questionnaire: Questionnaire, isPlain: Bool, isDryRun: Bool,
            isLoop: Bool = false, idleTimeout: Duration? = nil, adminPINHash: String? = nil
        ) {
            self.questionnaire = questionnaire
            self.isPlain = isPlain
            self.isDryRun = isDryRun
            self.isLoop = isLoop
            self.idleTimeout = idleTimeout
            self.adminPINHash = adminPINHash
        }
    }

    /// How `kiosk run` ended, for its exit status.
    public enum Result: Sendable, Equatable {
        /// One response was saved (single run).
        case saved
        /// Nothing was saved (single run: abandoned or input ended).
        case nothingSaved
        /// Ctrl-C in a single run.
        case interrupted
        /// Stopped cleanly: SIGTERM, SIGHUP, the admin PIN, or the end of piped input.
        case stopped
        /// A response could not be saved.
        case failed
    }

    private let configuration: Configuration
    private let sink: ResponseSink
    private let parser: AnswerParser
    private let makeRecord: ([(questionID: String, answer: Answer)]) -> JournalRecord

    /// Creates a runner that stores responses in `sink`, building records with `makeRecord`.
    public init(
        configuration: Configuration,
        sink: ResponseSink,
        parser: AnswerParser,
        makeRecord: @escaping ([(questionID: String, answer: Answer)]) -> JournalRecord
    ) {
        self.configuration = configuration
        self.sink = sink
        self.parser = parser
        self.makeRecord = makeRecord
    }

    /// Runs until the work is done, and says how it ended.
    public func run() -> Result {
        SignalMonitor.install()
        if configuration.isLoop { SignalMonitor.ignoreJobControlAndQuit() }
        let output = TerminalOutput(plain: configuration.isPlain)
        let reader = StandardInput.lineReader(output: output)
        let session = InterviewSession(
            questionnaire: configuration.questionnaire,
            reader: reader,
            output: output,
            sink: sink,
            parser: parser,
            isDryRun: configuration.isDryRun,
            behaviour: .init(isLockedDown: configuration.isLoop, idleTimeout: configuration.isLoop ? configuration.idleTimeout : nil),
            makeRecord: makeRecord)
        guard configuration.isLoop else {
            return runOnce(session, output)
        }
        let gate = AdminGate(hash: configuration.adminPINHash, reader: reader, output: output)
        while true {
            // The next respondent must not scroll back to the last one's answers.
            output.clearScreenAndScrollback()
            switch session.run() {
            case .saved:
                output.write(savedNote(output))
                _ = reader.waitForKey(until: ContinuousClock.now + configuration.thanksDuration)
            case .abandoned, .timedOut, .interrupted:
                continue
            case .terminated, .inputEnded:
                return .stopped
            case .adminRequested:
                if gate.admit() { return .stopped }
            case .notSaved:
                _ = reader.waitForKey(until: ContinuousClock.now + .seconds(10))
                outOfOrder(reader, output, gate)
                return .failed
            }
        }
    }

    private func runOnce(_ session: InterviewSession, _ output: TerminalOutput) -> Result {
        switch session.run() {
        case .saved:
            output.write(savedNote(output))
            return .saved
        case .interrupted:
            output.write("Interrupted; nothing was saved.\n")
            return .interrupted
        case .terminated:
            return .stopped
        case .notSaved:
            return .failed
        case .abandoned, .timedOut, .adminRequested, .inputEnded:
            return .nothingSaved
        }
    }

    private func savedNote(_ output: TerminalOutput) -> String {
        if configuration.isDryRun { return output.dim("Dry run: nothing was saved.") + "\n" }
        return output.dim("Response saved to \(sink.destinationDescription).") + "\n"
    }

    /// After a write failure: no new respondents until staff give the admin PIN.
    private func outOfOrder(_ reader: LineReader, _ output: TerminalOutput, _ gate: AdminGate) {
        while true {
            output.clearScreenAndScrollback()
            output.write(output.warning("Out of order.") + "\n\n"
                + "This kiosk cannot save answers right now. Please tell a member of staff.\n")
            switch reader.readLine(prompt: "> ", completions: [], prefill: "") {
            case .terminated:
                return
            case .line(let text) where text.trimmingCharacters(in: .whitespaces) == ":admin":
                if gate.admit() { return }
            case .endOfInput where !reader.isInteractive:
                return
            default:
                continue
            }
        }
    }
}
