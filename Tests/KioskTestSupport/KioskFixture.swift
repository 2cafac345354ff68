import Foundation

/// A private folder holding a questionnaire, a home and a journal, for one end-to-end test.
public struct KioskFixture {
    /// Three questions, one of each kind the terminal treats differently: a number, free text
    /// and a choice with Tab completion.
    public static let questionnaireYAML = """
        id: e2e
        version: 1
        title: End-to-end check
        intro: A questionnaire for tests.
        thanks: Thanks for testing.
        questions:
          - id: recommend
            type: nps
            prompt: How likely are you to recommend us?
            labels: {0: Not at all likely, 10: Extremely likely}
          - id: reason
            type: text
            prompt: What is the main reason for your score?
            max_length: 200
          - id: team
            type: choice
            prompt: Which team are you in?
            options: [Sales, Service, Support]
        """

    /// The folder.
    public let directory: TemporaryDirectory
    /// The questionnaire file.
    public let questionnairePath: String
    /// Where the journal is written.
    public let journalPath: String

    /// Creates the folder with the questionnaire in it; the journal does not exist yet.
    public init(questionnaireYAML: String = KioskFixture.questionnaireYAML) throws {
        directory = try TemporaryDirectory()
        questionnairePath = directory.path("e2e.yaml")
        journalPath = directory.path("journal.jsonl")
        try questionnaireYAML.write(toFile: questionnairePath, atomically: true, encoding: .utf8)
    }

    /// The environment kiosk runs with: no locale (so the UTF-8 fallback is exercised) and a
    /// private home.
    public func environment(_ extra: [String: String] = [:]) -> [String: String] {
        KioskBinary.environment(home: directory.url.path, extra)
    }

    /// `kiosk run` on the questionnaire, writing to the journal.
    public func runArguments(_ extra: [String] = []) -> [String] {
        ["run", questionnairePath, "--journal", journalPath] + extra
    }

    /// The journal's records, each decoded as a JSON object; empty when there is no journal.
    public func journalRecords() throws -> [[String: Any]] {
        guard FileManager.default.fileExists(atPath: journalPath) else { return [] }
        let text = try String(contentsOfFile: journalPath, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            guard let record = object as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
            return record
        }
    }

    /// The answers of the only record in the journal.
    public func onlyAnswers() throws -> [String: Any] {
        let records = try journalRecords()
        guard records.count == 1, let answers = records[0]["answers"] as? [String: Any] else {
            throw CocoaError(.coderValueNotFound, userInfo: [NSDebugDescriptionErrorKey: "records: \(records)"])
        }
        return answers
    }

    /// Starts kiosk on a pseudo-terminal.
    public func startOnTerminal(_ extra: [String] = [], environment: [String: String] = [:]) throws -> PseudoTerminalProcess {
        try PseudoTerminalProcess(
            executable: KioskBinary.path, arguments: runArguments(extra), environment: self.environment(environment))
    }
}

/// Steps through the fixture's questionnaire ("Question 1 of 3" ... "Thanks for testing.").
extension PseudoTerminalProcess {
    /// Enter at the welcome screen, then waits for the first question's prompt.
    public func begin() throws {
        try expectPrompt(after: "Press Enter to start.")
        send(TerminalKey.enter)
        try expectPrompt(after: "Question 1 of 3")
    }

    /// Types `text` and Enter, then waits for `next` and the prompt after it.
    public func answer(_ text: String, expecting next: String) throws {
        send(text + TerminalKey.enter)
        try expectPrompt(after: next)
    }

    /// Enter at the review screen, then waits for the thanks.
    public func submit() throws {
        send(TerminalKey.enter)
        try expect("Thanks for testing.")
    }
}
