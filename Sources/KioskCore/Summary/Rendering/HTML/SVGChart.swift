/// What the inline SVG charts share: the accessible wrapper, numbering, the palette and small
/// drawing helpers. Charts only lay out figures of the report; they compute no statistics.
enum SVGChart {
    /// The Okabe-Ito colour-blind-safe palette (Okabe & Ito, 2008), picked so the three NPS bands
    /// also differ in lightness in grayscale (blue darkest, vermillion middle, yellow lightest);
    /// detractors are hatched as well, and every bar carries its figure as text.
    enum Palette {
        static let promoter = "#0072B2"  // blue
        static let passive = "#F0E442"  // yellow
        static let detractor = "#D55E00"  // vermillion
        static let bar = "#0072B2"  // blue
        static let band = "#56B4E9"  // sky blue
        static let ink = "#1A1A1A"
        static let grid = "#8C8C8C"
        static let faint = "#D9D9D9"
    }

    /// The chart: `role="img"`, labelled by its `<title>` and described by its `<desc>`, which
    /// say in words what the chart shows, figures included.
    static func svg(
        id: String, width: Double, height: Double, title: String, description: String, _ children: [HTMLNode]
    ) -> HTMLNode {
        .element(
            "svg",
            [
                ("class", "chart"), ("role", "img"), ("aria-labelledby", id + "-title " + id + "-desc"),
                ("viewBox", "0 0 " + number(width) + " " + number(height)), ("width", number(width)), ("height", number(height)),
            ],
            [.element("title", [("id", id + "-title")], text: title), .element("desc", [("id", id + "-desc")], text: description)]
                + children)
    }

    /// A coordinate with at most one decimal and no trailing zeros, the same on every platform.
    static func number(_ value: Double) -> String { ReportFormatting.jsonNumber(value, 1) }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, extra: [(String, String)] = []) -> HTMLNode {
        .element("rect", [("x", number(x)), ("y", number(y)), ("width", number(max(0, width))), ("height", number(max(0, height))), ("fill", fill)] + extra)
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, extra: [(String, String)] = []) -> HTMLNode {
        .element(
            "line",
            [("x1", number(x1)), ("y1", number(y1)), ("x2", number(x2)), ("y2", number(y2)), ("stroke", stroke), ("stroke-width", number(width))]
                + extra)
    }

    /// Text; `anchor` is `start`, `middle` or `end`.
    static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12, fill: String = Palette.ink,
        weight: String? = nil
    ) -> HTMLNode {
        var attributes = [("x", number(x)), ("y", number(y)), ("font-size", number(size)), ("fill", fill)]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if let weight { attributes.append(("font-weight", weight)) }
        return .element("text", attributes, text: content)
    }

    /// The hatch that marks detractors in grayscale and print; its id is unique per chart.
    static func hatchPattern(id: String) -> HTMLNode {
        .element(
            "defs", [],
            [
                .element(
                    "pattern", [("id", id), ("width", "6"), ("height", "6"), ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(45)")],
                    [
                        rect(x: 0, y: 0, width: 6, height: 6, fill: Palette.detractor),
                        line(x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#FFFFFF", width: 2, extra: [("stroke-opacity", "0.45")]),
                    ])
            ])
    }

    /// The pale grey hatch of a withheld row's empty track; its id is unique per chart.
    static func withheldPattern(id: String) -> HTMLNode {
        .element(
            "defs", [],
            [
                .element(
                    "pattern", [("id", id), ("width", "6"), ("height", "6"), ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(45)")],
                    [
                        rect(x: 0, y: 0, width: 6, height: 6, fill: "#F2F2F2"),
                        line(x1: 0, y1: 0, x2: 0, y2: 6, stroke: Palette.faint, width: 2),
                    ])
            ])
    }

    /// The fill of an NPS band's bars.
    static func fill(_ band: NPSBand, hatchID: String) -> String {
        switch band {
        case .promoter: Palette.promoter
        case .passive: Palette.passive
        case .detractor: "url(#" + hatchID + ")"
        }
    }

    /// Text colour that reads on a band's fill.
    static func ink(on band: NPSBand) -> String { band == .promoter ? "#FFFFFF" : Palette.ink }

    /// `text` shortened to `limit` characters with an ellipsis; the full text is in the chart's description.
    static func truncated(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }

    /// A rough width of `text` at `size`, for deciding whether a label fits inside a bar.
    static func estimatedWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.62 }
}

/// Hands out ids unique within one document (`chart-1`, `chart-2`, ...), in document order, so
/// the same report always gives the same ids.
struct ChartNumbering {
    private var last = 0

    mutating func next() -> String {
        last += 1
        return "chart-\(last)"
    }
}
