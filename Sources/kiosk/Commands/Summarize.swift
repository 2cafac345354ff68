import ArgumentParser
import Foundation
import KioskCore
import KioskTerminal

extension Kiosk {
    struct Summarize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report on the responses: NPS with its margin of error, distributions, themes",
            discussion: """
                For each questionnaire in the journals: the number of responses, dates and sessions; \
                then per question the NPS with its 95% interval, distributions, means, and the themes \
                of the comments with representative quotes. Journals are merged, duplicates dropped \
                and damaged lines skipped.

                  kiosk summarize --session 2026-q4-offsite
                  kiosk summarize kiosk-a.jsonl kiosk-b.jsonl --by team --format markdown --output pulse.md
                  kiosk summarize --questionnaire staff-pulse --trend month --format json
                  kiosk summarize --by team --trend session --format html --output pulse.html

                --by breaks the report down by a choice question (a segment such as team). A group \
                with fewer than --min-group responses is suppressed, and so is the next-smallest \
                group when the suppressed groups (fewer than --min-group together) could otherwise be worked \
                out from the total. A question asked only by a choice answer (a team, say) follows the same rule.
                """)

        @OptionGroup var journalOptions: JournalOptions
        @OptionGroup var filterOptions: FilterOptions
        @OptionGroup var questionnaireOptions: QuestionnaireOptions

        @Option(help: ArgumentHelp("Break the report down by this choice question (e.g. team).", valueName: "question-id"))
        var by: String?

        @Option(help: ArgumentHelp("NPS per session, week or month, with whether each change is significant.", valueName: "period"))
        var trend: TrendPeriod?

        @Option(help: ArgumentHelp("The smallest group shown; smaller ones are suppressed.", valueName: "n"))
        var minGroup = 5

        @Option(help: "The report format; html is one self-contained page with charts, to mail, open in a browser or print.")
        var format: ReportFormat = .text

        @OptionGroup var outputOptions: OutputOptions

        func validate() throws {
            guard minGroup >= 2 else {
                throw ValidationError("--min-group must be at least 2: a group of one is a person.")
            }
            try outputOptions.validate(against: journalOptions.resolvedPaths())
        }

        func run() throws {
            let printer = DiagnosticPrinter()
            let questionnaires = loadQuestionnaires(printer)
            if let by { try checkBreakdown(by, questionnaires) }
            let filter = try filterOptions.makeFilter()
            let options = SummaryOptions(minGroup: minGroup, groupBy: by, trend: trend)
            do {
                let (builder, summary) = try ParallelJournalReader(paths: journalOptions.resolvedPaths()).summarize(
                    into: SummaryBuilder(questionnaires: questionnaires, options: options), filter: filter)
                if let note = summary.skippedLinesNote { StandardError.write(note + "\n") }
                let useColour = format == .text && outputOptions.output == nil && TerminalOutput(plain: false).usesColor
                let destination = try OutputFile(path: outputOptions.output)
                try destination.write(format.renderer(useColour: useColour).render(builder.report()))
                try destination.finish()
            } catch let error as JournalError {
                printer.print(error.diagnostic)
                throw ExitCode(1)
            } catch let error as OutputFileError {
                printer.print(error.diagnostic)
                throw ExitCode(1)
            }
        }

        /// The questionnaires by id, for prompts and types; broken files are warnings, since
        /// records are still summarized from their answers.
        private func loadQuestionnaires(_ printer: DiagnosticPrinter) -> [String: Questionnaire] {
            let entries: [QuestionnaireCatalog.Entry]
            do {
                entries = try questionnaireOptions.catalog.entries()
            } catch {
                for var diagnostic in error.diagnostics {
                    diagnostic.severity = .warning
                    diagnostic.message += "; questions are reported by id, with types inferred from the answers"
                    printer.print(diagnostic)
                }
                return [:]
            }
            var byID: [String: Questionnaire] = [:]
            for entry in entries {
                switch entry.result {
                case .success(let questionnaire):
                    byID[questionnaire.id] = byID[questionnaire.id] ?? questionnaire
                case .failure(let error):
                    for var diagnostic in error.diagnostics {
                        diagnostic.severity = .warning
                        printer.print(diagnostic)
                    }
                }
            }
            return byID
        }

        /// `--by` must name a choice question of a known questionnaire, when any is known.
        private func checkBreakdown(_ questionID: String, _ questionnaires: [String: Questionnaire]) throws {
            let relevant = questionnaires.values.filter { filterOptions.questionnaire.map($0.id.elementsEqual) ?? true }
            guard !relevant.isEmpty else { return }
            let matches = relevant.compactMap { $0.question(withID: questionID) }
            guard let question = matches.first else {
                let segments = Set(relevant.flatMap { $0.questions.filter { $0.kind.options.isEmpty == false }.map(\.id) })
                let hint = segments.isEmpty ? "" : "; choice questions: \(segments.sorted().joined(separator: ", "))"
                throw ValidationError("--by \(questionID): no questionnaire has a question with this id\(hint)")
            }
            guard !question.kind.options.isEmpty else {
                throw ValidationError("--by \(questionID) is a '\(question.kind.typeName)' question; break down by a choice question")
            }
        }
    }
}

extension TrendPeriod: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
