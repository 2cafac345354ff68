/// Horizontal bars for counts (choice, multi, yes/no and scale answers, themes): one row per
/// category with its label on the left and its count and share written after the bar.
/// Bars are in proportion to the shares; the longest share fills the plot. A withheld row (an
/// option of a segment chosen by too few) is an empty hatched track with the reason in words and
/// no figure.
struct BarChart {
    struct Row {
        var label: String
        var count: Int
        var share: Double
        /// In place of the figure, for a withheld option ("fewer than 5"); `nil` for a shown one.
        var withheld: String? = nil
    }

    var rows: [Row]
    var title: String
    /// What the shares are of, for the description ("of 24 respondents").
    var base: String
    /// 640 for the full report, 320 for a small multiple.
    var width: Double = 640

    private typealias S = SVGChart

    init(rows: [Row], title: String, base: String, width: Double = 640) {
        self.rows = rows
        self.title = title
        self.base = base
        self.width = width
    }

    /// Rows for `categories`; `minGroup` is the threshold a withheld option is under.
    init(categories: [CategoryCount], title: String, base: String, minGroup: Int, width: Double = 640) {
        let rows = categories.map { category in
            Row(label: category.label + (category.description.map { " " + $0 } ?? ""), count: category.count, share: category.share,
                withheld: category.suppression.map { ReportWording.optionSuppression($0, minGroup: minGroup) })
        }
        self.init(rows: rows, title: title, base: base, width: width)
    }

    func node(id: String) -> HTMLNode {
        let isSmall = width < 480
        let size = isSmall ? 11.0 : 12.5
        let rowHeight = isSmall ? 20.0 : 24.0
        let labelWidth = (width * (isSmall ? 0.36 : 0.34)).rounded()
        let valueWidth = isSmall ? 70.0 : 100.0
        let plotWidth = width - labelWidth - valueWidth - 8
        let labelLimit = Int(labelWidth / (size * 0.58))
        let longest = rows.map(\.share).max() ?? 0
        var children: [HTMLNode] = []
        let hatchID = id + "-withheld"
        if rows.contains(where: { $0.withheld != nil }) { children.append(S.withheldPattern(id: hatchID)) }
        var described: [String] = []
        for (index, row) in rows.enumerated() {
            let top = 4 + Double(index) * rowHeight
            let middle = top + rowHeight / 2
            children.append(S.text(S.truncated(row.label, to: labelLimit), x: labelWidth - 6, y: middle + size * 0.35, anchor: "end", size: size))
            if let withheld = row.withheld {
                children.append(S.rect(x: labelWidth, y: top + 3, width: plotWidth, height: rowHeight - 6, fill: "url(#" + hatchID + ")",
                    extra: [("class", "withheld")]))
                children.append(S.text(withheld, x: labelWidth + 5, y: middle + size * 0.35, size: size, fill: "#4D4D4D"))
                described.append(row.label + ": " + withheld)
                continue
            }
            let barWidth = longest > 0 ? row.share / longest * plotWidth : 0
            children.append(S.rect(x: labelWidth, y: top + 3, width: plotWidth, height: rowHeight - 6, fill: "#F2F2F2"))
            if barWidth > 0 {
                children.append(S.rect(x: labelWidth, y: top + 3, width: barWidth, height: rowHeight - 6, fill: S.Palette.bar))
            }
            let value = "\(row.count) (" + ReportFormatting.percent(row.share) + ")"
            children.append(S.text(value, x: labelWidth + barWidth + 5, y: middle + size * 0.35, size: size))
            described.append(row.label + ": " + value)
        }
        let height = 8 + Double(rows.count) * rowHeight
        return S.svg(id: id, width: width, height: height, title: title,
            description: "Counts and shares " + base + ". " + described.joined(separator: "; ") + ".", children)
    }
}
