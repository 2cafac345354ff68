import ArgumentParser
import Foundation
import KioskCore
import KioskTerminal

extension Kiosk {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Interview a respondent and append the anonymized response to the journal",
            discussion: """
                QUESTIONNAIRE is a questionnaire id from the questionnaires folder or a path to a \
                YAML file. The journal is opened before the welcome screen, so a journal that cannot \
                be written is refused before anyone answers.

                  kiosk run staff-pulse --session 2026-q4-offsite
                  kiosk run ./my-survey.yaml --journal /srv/kiosk/journal.jsonl --plain

                When standard input is not a terminal, each prompt reads one plain line, including \
                the welcome screen's Enter and the review's confirmation.

                Kiosk mode (--loop) shows the welcome screen again after each respondent, clears \
                the screen and scrollback between them, discards a response left idle, and ignores \
                Ctrl-C, Ctrl-Z and Ctrl-\\. Staff leave by typing :admin at the welcome screen and \
                the PIN whose hash is in KIOSK_ADMIN_PIN_HASH (see 'kiosk pin'); SIGTERM and SIGHUP \
                discard any partial response and exit 0.

                Exit status: 0 when the response was saved (or kiosk mode was stopped), 1 when \
                nothing was saved (abandoned, input ended, or the journal could not be written), \
                130 after Ctrl-C.
                """
        )

        @Argument(help: "A questionnaire id or a path to a questionnaire file.")
        var questionnaire: String

        @OptionGroup var questionnaires: QuestionnaireOptions

        @Option(help: ArgumentHelp("Append to this journal (default: $KIOSK_JOURNAL or ~/.local/share/kiosk/journal.jsonl).", valueName: "path"))
        var journal: String?

        @Option(help: ArgumentHelp("Tag responses with a session (a workshop, a week).", valueName: "tag"))
        var session: String?

        @Option(help: ArgumentHelp("Tag responses with where the kiosk stands.", valueName: "label"))
        var location: String?

        @Option(help: ArgumentHelp(
            "Replace the names listed in this file (one per line, e.g. a staff roster) with [name] in free text (default: $KIOSK_REDACT_NAMES).",
            valueName: "file"))
        var redactNames: String?

        @Option(help: ArgumentHelp(
            "Store the day, or only the week (as its Monday) or the month (as its first day), so a small site cannot tell who answered when.",
            valueName: "day|week|month"))
        var datePrecision: DatePrecision = .day

        @Flag(help: "No colours and no screen control (screen readers, dumb terminals).")
        var plain = false

        @Flag(help: "Go through the questionnaire but write nothing.")
        var dryRun = false

        @Flag(help: "Kiosk mode: the welcome screen returns after each respondent; leaving needs the admin PIN.")
        var loop = false

        @Option(help: ArgumentHelp("In kiosk mode, discard a response after this many seconds without a key (0: never).", valueName: "seconds"))
        var idleTimeout = 120

        func validate() throws {
            guard idleTimeout >= 0 else { throw ValidationError("--idle-timeout must be 0 (never) or more seconds.") }
            for (name, value) in [("--session", session), ("--location", location)] {
                guard let value else { continue }
                if value.isEmpty || value.count > 100 || value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    throw ValidationError("\(name) must be 1 to 100 printable characters.")
                }
            }
        }

        /// The journal, opened and checked writable before anyone answers; nothing for a dry run.
        private func openSink(environment: [String: String]) throws -> ResponseSink {
            if dryRun { return DryRunSink() }
            do {
                if let journal { return try JournalWriter(path: journal) }
                return try JournalWriter(path: JournalLocation.createDefaultFolder(environment: environment))
            } catch {
                DiagnosticPrinter().print(error.diagnostic)
                throw ExitCode(1)
            }
        }

        /// The scrubber, plus the roster of names to redact when one is given.
        private func loadPrivacyFilter(environment: [String: String]) throws -> PrivacyFilter {
            guard let path = redactNames ?? environment["KIOSK_REDACT_NAMES"].flatMap({ $0.isEmpty ? nil : $0 }) else {
                return PrivacyFilter()
            }
            do {
                return PrivacyFilter(names: try NameRedactor.load(path: path))
            } catch {
                DiagnosticPrinter().print(error.diagnostic)
                throw ExitCode(1)
            }
        }

        func run() throws {
            JournalWriter.ignoreFileSizeSignal()
            let environment = ProcessInfo.processInfo.environment
            let loaded: Questionnaire
            do {
                loaded = try questionnaires.catalog.resolve(questionnaire)
            } catch {
                error.diagnostics.forEach(DiagnosticPrinter().print)
                throw ExitCode(1)
            }
            let pinHash = environment["KIOSK_ADMIN_PIN_HASH"].flatMap { $0.isEmpty ? nil : $0 }
            if loop {
                do {
                    guard let pinHash else { throw AdminPIN.Problem.malformedHash }
                    try AdminPIN.validate(hash: pinHash)
                } catch {
                    StandardError.write("error: kiosk mode needs an admin PIN to be left: run 'kiosk pin' "
                        + "and put the hash it prints in KIOSK_ADMIN_PIN_HASH (\(error))\n")
                    throw ExitCode(1)
                }
            }
            let privacyFilter = try loadPrivacyFilter(environment: environment)
            let sink = try openSink(environment: environment)
            let builder = ResponseRecordBuilder(privacyFilter: privacyFilter, datePrecision: datePrecision)
            let configuration = KioskRunner.Configuration(
                questionnaire: loaded, isPlain: plain, isDryRun: dryRun, isLoop: loop,
                idleTimeout: idleTimeout > 0 ? .seconds(idleTimeout) : nil, adminPINHash: pinHash)
            let result = MainActor.assumeIsolated {
                KioskRunner(
                    configuration: configuration,
                    sink: sink,
                    parser: AnswerParser(normalizeText: privacyFilter.clean),
                    makeRecord: { answers in
                        builder.record(
                            for: loaded, answers: Dictionary(answers, uniquingKeysWith: { $1 }),
                            session: session, location: location, date: Date())
                    }
                ).run()
            }
            switch result {
            case .saved, .stopped: return
            case .interrupted: throw ExitCode(130)
            case .nothingSaved, .failed: throw ExitCode(1)
            }
        }
    }
}

extension DatePrecision: ExpressibleByArgument {}
