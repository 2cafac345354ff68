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

        @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        func validate() throws {
            guard let output else { return }
            let outputFile = FileIdentity(path: output)
            for journal in journalOptions.resolvedPaths() where outputFile != nil && FileIdentity(path: journal) == outputFile {
                throw ValidationError("--output \(output) is one of the journals being read; choose another file")
            }
        }

        func run() throws {
            let printer = DiagnosticPrinter()
            let reader = JournalReader(paths: journalOptions.resolvedPaths())
            let filter = try filterOptions.makeFilter()
            do {
                let destination = try OutputDestination(path: output)
                let result: ExportResult
                switch format {
                case .csv:
                    result = try CSVExporter(reader: reader, filter: filter).export { try destination.write(Array($0.utf8)) }
                case .jsonl:
                    result = try JSONLinesExporter(reader: reader, filter: filter).export { try destination.write($0) }
                }
                try destination.finish()
                let skipped = result.summary.problemCount
                if skipped > 0 {
                    StandardError.write("note: skipped \(skipped) damaged line\(skipped == 1 ? "" : "s"); "
                        + "'kiosk check' lists them\n")
                }
                if let output {
                    StandardError.write("Exported \(result.exportedCount) response\(result.exportedCount == 1 ? "" : "s") to \(output)\n")
                }
            } catch let error as JournalError {
                printer.print(error.diagnostic)
                throw ExitCode(1)
            } catch let error as OutputError {
                printer.print(Diagnostic(file: error.path, message: error.message))
                throw ExitCode(1)
            }
        }
    }
}

/// A file's device and inode, to tell whether two paths name the same file.
private struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}

private struct OutputError: Error {
    var path: String
    var message: String
}

/// Standard output or a file, written in large blocks.
private final class OutputDestination {
    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        guard let path else {
            descriptor = STDOUT_FILENO
            self.path = "<stdout>"
            return
        }
        let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard opened >= 0 else {
            throw OutputError(path: path, message: "cannot write the export: \(String(cString: strerror(errno))); choose another --output file")
        }
        descriptor = opened
        self.path = path
    }

    deinit {
        if descriptor != STDOUT_FILENO { close(descriptor) }
    }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func finish() throws {
        try flush()
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, message: "cannot write the export: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
