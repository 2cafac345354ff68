import ArgumentParser

/// The `kiosk` command: a terminal survey kiosk and the tools around its journals.
@main
struct Kiosk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "A terminal survey kiosk that keeps responses anonymous",
        discussion: """
            Run a questionnaire at a terminal, one question at a time, and append each finished,
            anonymized response to a journal:

              kiosk run staff-pulse --session 2026-q4-offsite
            """,
        subcommands: [Validate.self, List.self]
    )
}
