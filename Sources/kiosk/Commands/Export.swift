import ArgumentParser
import Foundation
import KioskCore
import KioskTerminal

extension Kiosk {
    /// `kiosk export`: the raw anonymized responses as CSV or JSON Lines.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the anonymized responses as CSV or JSON Lines",
            discussion: """
                CSV has the columns id, questionnaire, questionnaire_version, date, session and \
                location, then one column per question. Responses to several questionnaires may \
                share one file: the question columns are the union, and the questionnaire column \
                tells rows apart (add --questionnaire ID for one questionnaire only). Lists are \
                joined with '; '; text a spreadsheet would run as a formula gets a leading '.

                JSON Lines re-emits each valid record in the journal's own format: a clean, merged \
                journal without damaged lines or duplicates.

                  kiosk export --format csv --session 2026-q4-offsite --output offsite.csv
                  kiosk export kiosk-a.jsonl kiosk-b.jsonl --format jsonl --output merged.jsonl
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case csv
            case jsonl
        }

        @OptionGroup var journalOptions: JournalOptions
        @OptionGroup var filterOptions: FilterOptions

        @Option(help: "The output format.")
        var format: Format = .csv

        @OptionGroup var outputOptions: OutputOptions

        func validate() throws {
            try outputOptions.validate(against: journalOptions.resolvedPaths())
        }

        func run() throws {
            let printer = DiagnosticPrinter()
            let reader = JournalReader(paths: journalOptions.resolvedPaths())
            let filter = try filterOptions.makeFilter()
            do {
                let destination = try OutputFile(path: outputOptions.output)
                let result: ExportResult
                switch format {
                case .csv:
                    result = try CSVExporter(reader: reader, filter: filter).export { try destination.write(Array($0.utf8)) }
                case .jsonl:
                    result = try JSONLinesExporter(reader: reader, filter: filter).export { try destination.write($0) }
                }
                try destination.finish()
                if let note = result.summary.skippedLinesNote { StandardError.write(note + "\n") }
                if let output = outputOptions.output {
                    StandardError.write("Exported \(result.exportedCount) response\(result.exportedCount == 1 ? "" : "s") to \(output)\n")
                }
            } catch let error as JournalError {
                printer.print(error.diagnostic)
                throw ExitCode(1)
            } catch let error as OutputFileError {
                printer.print(error.diagnostic)
                throw ExitCode(1)
            }
        }
    }
}
