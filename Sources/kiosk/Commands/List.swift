import ArgumentParser
import KioskCore
import KioskTerminal

extension Kiosk {
    /// `kiosk list`: the questionnaires in the questionnaires folder.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the questionnaires found, with id, title and question count",
            discussion: """
                Reads every .yaml and .yml file in the questionnaires folder and prints a table \
                sorted by id. Files that do not load are reported as diagnostics on standard error \
                and left out of the table. Exits with 1 if the folder is missing or any file does \
                not load (run 'kiosk validate' for the details), 0 otherwise.

                  kiosk list
                  kiosk list --questionnaires /srv/kiosk/questionnaires
                """
        )

        @OptionGroup var questionnaireOptions: QuestionnaireOptions

        func run() throws {
            let printer = DiagnosticPrinter()
            let entries: [QuestionnaireCatalog.Entry]
            do {
                entries = try questionnaireOptions.catalog.entries()
            } catch {
                error.diagnostics.forEach(printer.print)
                throw ExitCode(1)
            }

            var rows = [["ID", "TITLE", "QUESTIONS"]]
            var brokenCount = 0
            for entry in entries {
                switch entry.result {
                case .success(let questionnaire):
                    rows.append([
                        questionnaire.id,
                        questionnaire.title,
                        "\(questionnaire.questions.count) (\(questionnaire.questionTypeSummary))",
                    ])
                case .failure(let error):
                    error.diagnostics.forEach(printer.print)
                    brokenCount += 1
                }
            }
            if rows.count == 1 {
                print("No questionnaires in \(questionnaireOptions.directory).")
            } else {
                let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
                for row in rows {
                    let padded = zip(row, widths).dropLast().map { $0 + String(repeating: " ", count: $1 - $0.count) }
                    print((padded + [row[2]]).joined(separator: "  "))
                }
            }
            if brokenCount > 0 {
                StandardError.write(
                    "\(brokenCount) file\(brokenCount == 1 ? "" : "s") could not be loaded; run 'kiosk validate \(questionnaireOptions.directory)' for the details.\n")
                throw ExitCode(1)
            }
        }
    }
}
