import ArgumentParser
import KioskCore
import KioskTerminal

extension Kiosk {
    /// `kiosk validate PATH...`: checks questionnaire files and reports every problem.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check questionnaire files for mistakes",
            discussion: """
                Reports every problem in each file as file:line:column: error: message on standard \
                error, and prints one line per valid file on standard output. A folder checks every \
                .yaml and .yml file in it; with no path, the questionnaires folder is checked. \
                Exits with 1 if any file has an error, 0 if all are valid.

                  kiosk validate questionnaires/staff-pulse.yaml
                  kiosk validate questionnaires
                """
        )

        @OptionGroup var questionnaireOptions: QuestionnaireOptions

        @Argument(help: ArgumentHelp("Questionnaire files, or folders of them.", valueName: "path"))
        var paths: [String] = []

        func run() throws {
            let printer = DiagnosticPrinter()
            var hasErrors = false
            for path in paths.isEmpty ? [questionnaireOptions.directory] : paths {
                let files: [String]
                do {
                    files = try QuestionnaireCatalog.filesToValidate(path)
                } catch {
                    error.diagnostics.forEach(printer.print)
                    hasErrors = true
                    continue
                }
                for file in files {
                    do {
                        let questionnaire = try QuestionnaireLoader.load(path: file)
                        print("\(file): ok: \(questionnaire.id) \"\(questionnaire.title)\", \(questionnaire.questionCountText)")
                    } catch {
                        error.diagnostics.forEach(printer.print)
                        hasErrors = true
                    }
                }
            }
            if hasErrors { throw ExitCode(1) }
        }
    }
}
