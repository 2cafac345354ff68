/// The eleven NPS answers 0-10 as columns, filled by band, each with its count on top and the
/// band names underneath, so the chart reads without colour.
struct NPSDistributionChart {
    var nps: NPSSummary

    private typealias S = SVGChart

    func node(id: String) -> HTMLNode {
        let width = 640.0
        let margin = 16.0
        let slot = (width - 2 * margin) / Double(max(1, nps.distribution.count))
        let columnWidth = slot * 0.72
        let top = 20.0
        let baseline = 130.0
        let tallest = nps.distribution.map(\.share).max() ?? 0
        let hatchID = id + "-hatch"
        var children: [HTMLNode] = [S.hatchPattern(id: hatchID)]
        var described: [String] = []

        for (index, category) in nps.distribution.enumerated() {
            let band = Int(category.label).map(nps.bands.band(of:)) ?? .passive
            let centre = margin + (Double(index) + 0.5) * slot
            let height = tallest > 0 ? category.share / tallest * (baseline - top) : 0
            if category.count > 0 {
                children.append(S.rect(x: centre - columnWidth / 2, y: baseline - height, width: columnWidth, height: height,
                    fill: S.fill(band, hatchID: hatchID), extra: [("stroke", S.Palette.grid), ("stroke-width", "0.5")]))
            }
            children.append(S.text(String(category.count), x: centre, y: baseline - height - 5, anchor: "middle", size: 12))
            children.append(S.text(category.label, x: centre, y: baseline + 16, anchor: "middle", size: 12, weight: "bold"))
            described.append(category.label + ": \(category.count) (" + ReportFormatting.percent(category.share) + ")")
        }
        children.append(S.line(x1: margin, y1: baseline, x2: width - margin, y2: baseline, stroke: S.Palette.grid))

        // Band names under their columns, with a bracket line.
        let bands: [(String, ClosedRange<Int>)] = [
            ("Detractors", 0...nps.bands.detractorMax),
            ("Passives", (nps.bands.detractorMax + 1)...max(nps.bands.detractorMax + 1, nps.bands.promoterMin - 1)),
            ("Promoters", nps.bands.promoterMin...10),
        ]
        for (name, range) in bands where name != "Passives" || nps.bands.promoterMin > nps.bands.detractorMax + 1 {
            let left = margin + Double(range.lowerBound) * slot + 4
            let right = margin + Double(range.upperBound + 1) * slot - 4
            children.append(S.line(x1: left, y1: baseline + 24, x2: right, y2: baseline + 24, stroke: S.Palette.grid))
            children.append(S.text(name, x: (left + right) / 2, y: baseline + 38, anchor: "middle", size: 11.5, fill: "#4D4D4D"))
        }

        return S.svg(
            id: id, width: width, height: baseline + 46, title: "Answers from 0 to 10",
            description: "How many respondents gave each answer (" + nps.bands.description + "). " + described.joined(separator: "; ") + ".",
            children)
    }
}
