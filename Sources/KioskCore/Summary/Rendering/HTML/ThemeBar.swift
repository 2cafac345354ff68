/// One theme's size as a bar, on a 0-100% scale of commenters so themes side by side compare,
/// with the count and share written after it. The theme's name and quotes are HTML around it.
struct ThemeBar {
    var theme: Theme
    var width: Double = 300

    private typealias S = SVGChart

    func node(id: String) -> HTMLNode {
        let valueWidth = 96.0
        let plotWidth = width - valueWidth
        let barWidth = max(0, min(1, theme.commenterShare)) * plotWidth
        let value = "\(theme.commenterCount) (" + ReportFormatting.percent(theme.commenterShare) + ")"
        let children: [HTMLNode] = [
            S.rect(x: 0, y: 3, width: plotWidth, height: 16, fill: "#F2F2F2"),
            S.rect(x: 0, y: 3, width: barWidth, height: 16, fill: S.Palette.bar),
            S.text(value, x: barWidth + 5, y: 15.5, size: 12.5),
        ]
        return S.svg(
            id: id, width: width, height: 22, title: "Theme: " + theme.label,
            description: "\(theme.commenterCount) commenters, " + ReportFormatting.percent(theme.commenterShare) + " of those who commented.",
            children)
    }
}
