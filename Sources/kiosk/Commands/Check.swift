import ArgumentParser
import KioskCore
import KioskTerminal

extension Kiosk {
    /// `kiosk check`: counts valid records and reports damaged lines and duplicates.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check journals for damaged lines and duplicate responses",
            discussion: """
                Prints each journal's valid record count, then every damaged line (torn, malformed, \
                NUL bytes, invalid UTF-8, unknown format, too long) as 'path:line: error: ...' and \
                every duplicate response as a warning naming the first copy. Readers such as \
                'summarize' and 'export' skip the same lines, so nothing here is fatal to them.

                Exit status: 0 when no line is damaged (duplicates alone are normal after merging \
                journals and only warn), 1 when any line is damaged or a journal cannot be read.

                  kiosk check kiosk-a.jsonl kiosk-b.jsonl
                """)

        @OptionGroup var journalOptions: JournalOptions

        func run() throws {
            let printer = DiagnosticPrinter()
            let reader = JournalReader(paths: journalOptions.resolvedPaths())
            let summary: JournalReadSummary
            do {
                summary = try reader.forEachRecord { _ in }
            } catch let error as JournalError {
                printer.print(error.diagnostic)
                throw ExitCode(1)
            }
            for file in summary.files {
                print("\(file.path): \(plural(file.recordCount, "valid record"))")
            }
            for problem in summary.problems { printer.print(problem.diagnostic) }
            if summary.problemCount > summary.problems.count {
                StandardError.write("... and \(summary.problemCount - summary.problems.count) more damaged lines not listed\n")
            }
            for duplicate in summary.duplicates { printer.print(duplicate.diagnostic) }
            if summary.duplicateCount > summary.duplicates.count {
                StandardError.write("... and \(summary.duplicateCount - summary.duplicates.count) more duplicates not listed\n")
            }
            print("\(plural(summary.recordCount, "valid record")), \(plural(summary.problemCount, "damaged line")), "
                + "\(plural(summary.duplicateCount, "duplicate")) in \(plural(summary.files.count, "journal"))")
            if summary.problemCount > 0 { throw ExitCode(1) }
        }

        private func plural(_ count: Int, _ noun: String) -> String {
            "\(count) \(noun)\(count == 1 ? "" : "s")"
        }
    }
}
