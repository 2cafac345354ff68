/// Lays out a ``Report`` in one output format. Renderers never compute statistics: every
/// figure they print is a field of the report.
public protocol ReportRenderer: Sendable {
    /// The whole output, ending with a newline.
    func render(_ report: Report) -> String
}

/// The formats `kiosk summarize --format` offers from this library.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text
    case markdown
    case json
    case csv
    case html

    /// The renderer for the format; `useColour` matters only for `text` on a terminal.
    public func renderer(useColour: Bool = false) -> any ReportRenderer {
        switch self {
        case .text: TextReportRenderer(useColour: useColour)
        case .markdown: MarkdownReportRenderer()
        case .json: JSONReportRenderer()
        case .csv: CSVReportRenderer()
        case .html: HTMLReportRenderer()
        }
    }
}
