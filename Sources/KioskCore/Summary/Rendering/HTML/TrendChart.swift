/// NPS per period: a line through the scores with the 95% interval as a shaded band (a whisker
/// for a period standing alone), on a -100 to +100 axis. Suppressed periods keep their place on
/// the time axis, are labelled as suppressed and break the line; they show no figures.
struct TrendChart {
    var trend: Trend
    var minGroup: Int

    private typealias S = SVGChart

    func node(id: String) -> HTMLNode {
        let width = 640.0
        let left = 44.0
        let right = width - 12
        let top = 24.0
        let bottom = 204.0
        func y(_ score: Double) -> Double { top + (100 - max(-100, min(100, score))) / 200 * (bottom - top) }
        let slot = (right - left) / Double(max(1, trend.points.count))
        func x(_ index: Int) -> Double { left + (Double(index) + 0.5) * slot }

        var children: [HTMLNode] = []
        for tick in [-100.0, -50, 0, 50, 100] {
            children.append(S.line(x1: left, y1: y(tick), x2: right, y2: y(tick), stroke: tick == 0 ? S.Palette.grid : S.Palette.faint,
                width: 1, extra: tick == 0 ? [("stroke-dasharray", "3 2")] : []))
            children.append(S.text(ReportFormatting.signed(tick, 0), x: left - 6, y: y(tick) + 4, anchor: "end", size: 11, fill: "#4D4D4D"))
        }

        // Runs of consecutive shown periods: each gets its own band and line.
        var runs: [[(index: Int, nps: NPSSummary)]] = []
        var current: [(index: Int, nps: NPSSummary)] = []
        for (index, point) in trend.points.enumerated() {
            if let nps = point.nps, point.suppression == nil {
                current.append((index, nps))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }

        for run in runs {
            if run.count > 1 {
                let upper = run.map { S.number(x($0.index)) + "," + S.number(y($0.nps.interval95.high)) }
                let lower = run.reversed().map { S.number(x($0.index)) + "," + S.number(y($0.nps.interval95.low)) }
                children.append(.element("polygon", [("points", (upper + lower).joined(separator: " ")), ("fill", S.Palette.band),
                    ("fill-opacity", "0.4")]))
                children.append(.element("polyline", [("points", run.map { S.number(x($0.index)) + "," + S.number(y($0.nps.score)) }
                    .joined(separator: " ")), ("fill", "none"), ("stroke", S.Palette.bar), ("stroke-width", "2.5")]))
            }
            for (index, nps) in run {
                let centre = x(index)
                // A whisker on every point keeps the interval readable where the band is pale in print.
                children.append(S.line(x1: centre, y1: y(nps.interval95.low), x2: centre, y2: y(nps.interval95.high), stroke: S.Palette.bar,
                    width: 1.2))
                for bound in [nps.interval95.low, nps.interval95.high] {
                    children.append(S.line(x1: centre - 5, y1: y(bound), x2: centre + 5, y2: y(bound), stroke: S.Palette.bar, width: 1.2))
                }
                children.append(.element("circle", [("cx", S.number(centre)), ("cy", S.number(y(nps.score))), ("r", "4.5"),
                    ("fill", S.Palette.ink), ("stroke", "#FFFFFF"), ("stroke-width", "1.5")]))
            }
        }

        // Score labels last so lines never cover them.
        var described: [String] = []
        let labelLimit = max(4, Int(slot / (11 * 0.58)))
        for (index, point) in trend.points.enumerated() {
            let centre = x(index)
            children.append(S.text(S.truncated(point.period, to: labelLimit), x: centre, y: bottom + 16, anchor: "middle", size: 11, weight: "bold"))
            if let suppression = point.suppression {
                children.append(S.text("suppressed", x: centre, y: bottom + 30, anchor: "middle", size: 10.5, fill: "#4D4D4D"))
                children.append(S.line(x1: centre, y1: top, x2: centre, y2: bottom, stroke: S.Palette.faint, extra: [("stroke-dasharray", "2 3")]))
                described.append(point.period + ": " + ReportWording.suppression(suppression, minGroup: minGroup))
            } else if let nps = point.nps {
                let significant = point.change?.isSignificant == true
                let label = ReportFormatting.signed(nps.score, 1) + (significant ? " *" : "")
                let labelY = y(nps.interval95.high) - 6
                children.append(S.text(label, x: centre, y: max(top - 8, labelY), anchor: "middle", size: 12, weight: "bold"))
                children.append(S.text("n = \(nps.respondentCount)", x: centre, y: bottom + 30, anchor: "middle", size: 10.5, fill: "#4D4D4D"))
                var text = point.period + ": NPS " + ReportFormatting.signed(nps.score, 1) + " (95% CI " + ReportWording.interval(nps.interval95)
                    + ", n = \(nps.respondentCount))"
                if let change = point.change { text += ", " + ReportWording.change(change) }
                described.append(text)
            }
        }
        return S.svg(
            id: id, width: width, height: bottom + 40, title: "NPS by " + trend.period.rawValue,
            description: "NPS per " + trend.period.rawValue + " with 95% intervals; * marks a significant change from the previous period. "
                + described.joined(separator: "; ") + ".",
            children)
    }
}
