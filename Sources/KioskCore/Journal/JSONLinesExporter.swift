/// Writes journal records as JSON Lines, each re-encoded by ``JournalRecordCoder``: the output
/// is a clean, merged, de-duplicated journal in the canonical field order.
public struct JSONLinesExporter: Sendable {
    /// Where the records come from.
    public var reader: JournalReader
    /// Which records to export.
    public var filter: RecordFilter

    /// Creates an exporter.
    public init(reader: JournalReader, filter: RecordFilter = .all) {
        self.reader = reader
        self.filter = filter
    }

    /// Writes each matching record as one line through `write`.
    public func export(to write: ([UInt8]) throws -> Void) throws -> ExportResult {
        var exportedCount = 0
        let summary = try reader.forEachRecord { record in
            guard filter.matches(record) else { return }
            try write(JournalRecordCoder.encode(record))
            exportedCount += 1
        }
        return ExportResult(exportedCount: exportedCount, summary: summary)
    }
}
