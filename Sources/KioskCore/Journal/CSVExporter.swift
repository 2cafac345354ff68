/// Writes journal records as CSV (RFC 4180) for spreadsheets.
///
/// Columns: `id,questionnaire,questionnaire_version,date,session,location`, then one column per
/// question id, the union over the exported records in first-seen order (so several
/// questionnaires can share one file; the `questionnaire` column tells them apart). Lists are
/// joined with `; `. Rows end in CRLF as RFC 4180 says.
///
/// Answers are untrusted: a text cell starting with `=`, `+`, `-`, `@`, TAB or CR gets a
/// leading `'` so a spreadsheet shows it instead of running it as a formula. Number answers
/// stay plain numbers, a scale's `-3` included.
///
/// The header needs every column before the first row, so the journals are read twice; the
/// second pass stops at the number of records the first pass found, so records a running kiosk
/// appends in between are left for the next export rather than written without their columns.
public struct CSVExporter: Sendable {
    /// Where the records come from.
    public var reader: JournalReader
    /// Which records to export.
    public var filter: RecordFilter

    /// Creates an exporter.
    public init(reader: JournalReader, filter: RecordFilter = .all) {
        self.reader = reader
        self.filter = filter
    }

    /// The fixed columns before the answers.
    public static let fixedColumns = ["id", "questionnaire", "questionnaire_version", "date", "session", "location"]

    /// Writes the header and one row per matching record through `write`.
    ///
    /// - Returns: How many records were exported, and what reading found (from the first pass).
    public func export(to write: (String) throws -> Void) throws -> ExportResult {
        var questionIDs: [String] = []
        var knownIDs = Set<String>()
        var matchingCount = 0
        let summary = try reader.forEachRecord { record in
            guard filter.matches(record) else { return }
            matchingCount += 1
            for entry in record.answers where knownIDs.insert(entry.questionID).inserted {
                questionIDs.append(entry.questionID)
            }
        }
        try write(Self.row((Self.fixedColumns + questionIDs).map(Self.textCell)))

        var exportedCount = 0
        struct Finished: Error {}
        do {
            _ = try reader.forEachRecord { record in
                guard filter.matches(record) else { return }
                guard exportedCount < matchingCount else { throw Finished() }
                var cells = [record.id, record.questionnaire, record.questionnaireVersion, record.date,
                             record.session ?? "", record.location ?? ""].map(Self.textCell)
                for questionID in questionIDs {
                    cells.append(record.answer(to: questionID).map(Self.cell) ?? "")
                }
                try write(Self.row(cells))
                exportedCount += 1
            }
        } catch is Finished {}
        return ExportResult(exportedCount: exportedCount, summary: summary)
    }

    private static func row(_ cells: [String]) -> String {
        cells.joined(separator: ",") + "\r\n"
    }

    /// One answer as a CSV cell: numbers as written, text and lists neutralized and quoted.
    public static func cell(_ answer: Answer) -> String {
        switch answer {
        case .number(let number): String(number)
        case .text, .list: textCell(answer.displayText)
        }
    }

    /// A text cell: a leading `'` when a spreadsheet would take it for a formula, then quoted
    /// (quotes doubled) when it holds a comma, a quote, a line break or surrounding spaces.
    public static func textCell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// What an export wrote and what reading the journals found.
public struct ExportResult: Sendable, Equatable {
    /// Records written.
    public var exportedCount: Int
    /// Records read, duplicates dropped and damaged lines skipped.
    public var summary: JournalReadSummary

    /// Creates a result.
    public init(exportedCount: Int, summary: JournalReadSummary) {
        self.exportedCount = exportedCount
        self.summary = summary
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
