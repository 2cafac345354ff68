import Foundation
import KioskCore
import KioskTestSupport
import Testing

@Suite struct QuestionnaireCatalogTests {
    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func questionnaire(id: String, title: String = "T") -> String {
        "id: \(id)\nversion: 1\ntitle: \(title)\nquestions:\n  - {id: ok, type: yesno, prompt: OK?}\n"
    }

    private func resolveError(_ catalog: QuestionnaireCatalog, _ reference: String) -> Diagnostic? {
        do {
            _ = try catalog.resolve(reference)
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    /// A folder with `pulse.yaml` (whose id is `staff-pulse`), `customer.yml` and a broken `broken.yaml`.
    private func makeFolder() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try write(questionnaire(id: "staff-pulse", title: "Pulse"), to: directory.path("pulse.yaml"))
        try write(questionnaire(id: "customer-nps"), to: directory.path("customer.yml"))
        try write("id: broken\n", to: directory.path("broken.yaml"))
        try write("not a questionnaire", to: directory.path("notes.txt"))
        return directory
    }

    @Test func findsAnIDInsideTheFilesNotTheFileName() throws {
        let directory = try makeFolder()
        defer { directory.remove() }
        let catalog = QuestionnaireCatalog(directory: directory.url.path)
        #expect(try catalog.resolve("staff-pulse").title == "Pulse")
        #expect(try catalog.resolve("customer-nps").id == "customer-nps")
    }

    @Test func aPathIsLoadedDirectly() throws {
        let directory = try makeFolder()
        defer { directory.remove() }
        let catalog = QuestionnaireCatalog(directory: "/nonexistent")
        #expect(try catalog.resolve(directory.path("pulse.yaml")).id == "staff-pulse")
        #expect(QuestionnaireCatalog.looksLikePath("staff-pulse.yaml"))
        #expect(QuestionnaireCatalog.looksLikePath("./staff-pulse"))
        #expect(!QuestionnaireCatalog.looksLikePath("staff-pulse"))
    }

    @Test func anUnknownIDListsTheAvailableOnesAndTheNearest() throws {
        let directory = try makeFolder()
        defer { directory.remove() }
        let catalog = QuestionnaireCatalog(directory: directory.url.path)
        let error = try #require(resolveError(catalog, "staff-puls"))
        #expect(error.file == directory.url.path)
        #expect(error.message == "no questionnaire with the id 'staff-puls' in this folder; did you mean 'staff-pulse'? "
            + "Available: customer-nps, staff-pulse. 1 file could not be loaded; run 'kiosk validate \(directory.url.path)' to see why.")
    }

    @Test func aBrokenFileNamedLikeTheIDShowsItsOwnDiagnostics() throws {
        let directory = try makeFolder()
        defer { directory.remove() }
        let error = try #require(resolveError(QuestionnaireCatalog(directory: directory.url.path), "broken"))
        #expect(error.file == directory.path("broken.yaml"))
        #expect(error.message.hasPrefix("missing 'version'"))
    }

    @Test func listsEveryYamlFileSortedByIDWithDiagnosticsForBrokenOnes() throws {
        let directory = try makeFolder()
        defer { directory.remove() }
        let entries = try QuestionnaireCatalog(directory: directory.url.path).entries()
        #expect(entries.map(\.sortKey) == ["broken", "customer-nps", "staff-pulse"])
        #expect(entries.map { ($0.path as NSString).lastPathComponent } == ["broken.yaml", "customer.yml", "pulse.yaml"])
        #expect(entries[0].questionnaire == nil)
        #expect(entries[1].questionnaire != nil && entries[2].questionnaire != nil)
    }

    @Test func twoFilesWithOneIDAreAnError() throws {
        let directory = try makeFolder()
        defer { directory.remove() }
        try write(questionnaire(id: "staff-pulse"), to: directory.path("pulse-copy.yaml"))
        let error = try #require(resolveError(QuestionnaireCatalog(directory: directory.url.path), "staff-pulse"))
        #expect(error.message.hasPrefix("several files declare the id 'staff-pulse'"))
    }

    @Test func aMissingFolderSaysHowToNameAnother() throws {
        let error = try #require(resolveError(QuestionnaireCatalog(directory: "/nonexistent/questionnaires"), "staff-pulse"))
        #expect(error.description == "/nonexistent/questionnaires: error: no questionnaires folder here; create it, or name "
            + "another folder with --questionnaires DIR or the KIOSK_QUESTIONNAIRES environment variable")
    }

    @Test func theOptionBeatsTheEnvironmentWhichBeatsTheDefault() {
        let environment = ["KIOSK_QUESTIONNAIRES": "/srv/q"]
        #expect(QuestionnaireCatalog.directory(option: "mine", environment: environment) == "mine")
        #expect(QuestionnaireCatalog.directory(option: nil, environment: environment) == "/srv/q")
        #expect(QuestionnaireCatalog.directory(option: nil, environment: ["KIOSK_QUESTIONNAIRES": ""]) == "questionnaires")
        #expect(QuestionnaireCatalog.directory(option: nil, environment: [:]) == "questionnaires")
    }

    @Test func validatingAnEmptyFolderIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: QuestionnaireError.self) { try QuestionnaireCatalog.filesToValidate(directory.url.path) }
        #expect(try QuestionnaireCatalog.filesToValidate("some/file.yaml") == ["some/file.yaml"])
    }

    @Test func typeSummaryCountsInOrderOfFirstAppearance() {
        let questionnaire = Questionnaire(id: "q", title: "Q", questions: [
            Question(id: "a", prompt: "A", kind: .nps(labels: [:])),
            Question(id: "b", prompt: "B", kind: .text(maxLengthCharacters: 10, allowsManyEntries: false, themes: [])),
            Question(id: "c", prompt: "C", kind: .choice(options: ["x"], isSegment: false)),
            Question(id: "d", prompt: "D", kind: .text(maxLengthCharacters: 10, allowsManyEntries: false, themes: [])),
        ])
        #expect(questionnaire.questionTypeSummary == "1 nps, 2 text, 1 choice")
        #expect(questionnaire.questionCountText == "4 questions")
    }
}
