import Foundation
import KioskCore

/// Splits `kiosk summarize` into reading and aggregating the journal, then building the report
/// (theme finding is nearly all of it), so each can be profiled on its own.
struct ReportBenchmark {
    var journal: String
    var questionnaires: String

    func run() {
        let questionnaires = Dictionary(
            (try? QuestionnaireCatalog(directory: self.questionnaires).entries())?.compactMap(\.questionnaire).map { ($0.id, $0) } ?? [],
            uniquingKeysWith: { first, _ in first })
        var start = Date()
        let builder: SummaryBuilder
        do {
            (builder, _) = try ParallelJournalReader(paths: [journal]).summarize(into: SummaryBuilder(questionnaires: questionnaires))
        } catch {
            FileHandle.standardError.write(Data("kiosk-bench: \(error)\n".utf8))
            exit(1)
        }
        let read = Date().timeIntervalSince(start)
        start = Date()
        let report = builder.report()
        let built = Date().timeIntervalSince(start)
        print(String(format: "read %.3f s, report %.3f s (%d questionnaires)", read, built, report.questionnaires.count))
    }
}
