/// The NPS at a glance: a stacked bar of detractors, passives and promoters, and below it the
/// score as a point with its 95% interval as a whisker on a -100 to +100 axis.
struct NPSScoreChart {
    var nps: NPSSummary
    /// 640 for the full report, 320 for a small multiple (no legend row; the caption gives the counts).
    var width: Double = 640
    var showsLegend = true

    private typealias S = SVGChart

    func node(id: String) -> HTMLNode {
        let margin = 16.0
        let plotWidth = width - 2 * margin
        let hatchID = id + "-hatch"
        var children: [HTMLNode] = [S.hatchPattern(id: hatchID)]

        // The stacked bar.
        let barTop = 6.0
        let barHeight = showsLegend ? 38.0 : 30.0
        let segments: [(NPSBand, String, Int, Double)] = [
            (.detractor, "Detractors", nps.detractors, nps.detractorShare),
            (.passive, "Passives", nps.passives, nps.passiveShare),
            (.promoter, "Promoters", nps.promoters, nps.promoterShare),
        ]
        var x = margin
        for (band, name, count, share) in segments where count > 0 {
            let segmentWidth = share * plotWidth
            children.append(S.rect(x: x, y: barTop, width: segmentWidth, height: barHeight, fill: S.fill(band, hatchID: hatchID),
                extra: [("stroke", "#FFFFFF"), ("stroke-width", "1")]))
            let percent = ReportFormatting.percent(share)
            let full = name + " " + percent
            let size = showsLegend ? 13.0 : 12.0
            let label = S.estimatedWidth(full, size: size) + 8 <= segmentWidth ? full
                : S.estimatedWidth(percent, size: size) + 6 <= segmentWidth ? percent : nil
            if let label {
                children.append(S.text(label, x: x + segmentWidth / 2, y: barTop + barHeight / 2 + size * 0.35, anchor: "middle", size: size,
                    fill: S.ink(on: band), weight: "bold"))
            }
            x += segmentWidth
        }

        var y = barTop + barHeight
        if showsLegend {
            // Counts and shares of each band in words, with a swatch, whatever fits in the bar.
            let columnWidth = plotWidth / 3
            for (index, (band, name, count, share)) in segments.enumerated() {
                let left = margin + Double(index) * columnWidth
                children.append(S.rect(x: left, y: y + 10, width: 14, height: 14, fill: S.fill(band, hatchID: hatchID),
                    extra: [("stroke", S.Palette.grid), ("stroke-width", "0.5")]))
                children.append(S.text(name + " \(count) (" + ReportFormatting.percent(share) + ")", x: left + 20, y: y + 22, size: 12.5))
            }
            y += 30
        }

        // The score with its interval on the -100..+100 axis.
        func position(_ score: Double) -> Double { margin + (max(-100, min(100, score)) + 100) / 200 * plotWidth }
        let labelY = y + 22
        let whiskerY = labelY + 14
        let axisY = whiskerY + 16
        let scoreLabel = "NPS " + ReportFormatting.signed(nps.score, 1) + " (95% CI " + ReportWording.interval(nps.interval95) + ")"
        // A small multiple has the figures in its caption; the chart labels just the point.
        let shownLabel = showsLegend ? scoreLabel : ReportFormatting.signed(nps.score, 1)
        let labelSize = 13.0
        let halfLabel = S.estimatedWidth(shownLabel, size: labelSize) / 2
        let labelX = min(max(position(nps.score), margin + halfLabel), width - margin - halfLabel)
        children.append(S.text(shownLabel, x: labelX, y: labelY, anchor: "middle", size: labelSize, weight: "bold"))
        for tick in [-100.0, -50, 0, 50, 100] {
            let tickX = position(tick)
            children.append(S.line(x1: tickX, y1: axisY - (tick == 0 ? 22 : 4), x2: tickX, y2: axisY + 4, stroke: S.Palette.grid,
                width: tick == 0 ? 1 : 0.8, extra: tick == 0 ? [("stroke-dasharray", "3 2")] : []))
            children.append(S.text(ReportFormatting.signed(tick, 0), x: tickX, y: axisY + 17, anchor: "middle", size: 11, fill: "#4D4D4D"))
        }
        children.append(S.line(x1: margin, y1: axisY, x2: width - margin, y2: axisY, stroke: S.Palette.grid))
        let low = position(nps.interval95.low)
        let high = position(nps.interval95.high)
        children.append(S.rect(x: low, y: whiskerY - 5, width: high - low, height: 10, fill: S.Palette.band, extra: [("fill-opacity", "0.45")]))
        children.append(S.line(x1: low, y1: whiskerY, x2: high, y2: whiskerY, stroke: S.Palette.ink, width: 2))
        children.append(S.line(x1: low, y1: whiskerY - 7, x2: low, y2: whiskerY + 7, stroke: S.Palette.ink, width: 2))
        children.append(S.line(x1: high, y1: whiskerY - 7, x2: high, y2: whiskerY + 7, stroke: S.Palette.ink, width: 2))
        children.append(.element("circle", [("cx", S.number(position(nps.score))), ("cy", S.number(whiskerY)), ("r", "6"),
            ("fill", S.Palette.ink), ("stroke", "#FFFFFF"), ("stroke-width", "1.5")]))
        let height = axisY + 24

        let description = "Of \(nps.respondentCount) respondents: detractors \(nps.detractors) (" + ReportFormatting.percent(nps.detractorShare)
            + "), passives \(nps.passives) (" + ReportFormatting.percent(nps.passiveShare) + "), promoters \(nps.promoters) ("
            + ReportFormatting.percent(nps.promoterShare) + "). " + scoreLabel + ", on a scale from -100 to +100."
        return S.svg(id: id, width: width, height: height, title: "Net Promoter Score: " + ReportFormatting.signed(nps.score, 1),
            description: description, children)
    }
}
