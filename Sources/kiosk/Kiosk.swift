import ArgumentParser
import Foundation

/// The `kiosk` command: a terminal survey kiosk and the tools around its journals.
@main
struct Kiosk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "A terminal survey kiosk that keeps responses anonymous",
        discussion: """
            Run a questionnaire at a terminal, one question at a time, and append each finished, \
            anonymized response to a journal; then summarize the journal:

              kiosk run staff-pulse --session 2026-q4-offsite
              kiosk summarize --session 2026-q4-offsite
            """,
        subcommands: [Run.self, Summarize.self, Validate.self, List.self, Export.self, Check.self, Pin.self]
    )

    /// Exit status for usage errors, as the design's contract says (ArgumentParser uses 64).
    static let usageErrorExitCode: Int32 = 2

    /// Runs the command, mapping ArgumentParser's usage errors to exit status 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                let message = fullMessage(for: error)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(usageErrorExitCode)
            }
            exit(withError: error)
        }
    }
}
