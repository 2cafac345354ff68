/// Number formatting shared by the renderers: fixed decimals, the same on every platform and
/// in every locale (no `String(format:)`, no locale-aware formatters).
public enum ReportFormatting {
    /// `value` rounded to `digits` decimals ("8.19", "-17.49", "100.0"); never "-0".
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "n/a" }
        var scale = 1.0
        for _ in 0..<max(digits, 0) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        let integerPart = String(units / divisor)
        let sign = value < 0 && units != 0 ? "-" : ""
        guard digits > 0 else { return sign + integerPart }
        let fraction = String(units % divisor)
        return sign + integerPart + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// Like ``fixed(_:_:)`` with a `+` on positive values: "+50", "-17.5".
    public static func signed(_ value: Double, _ digits: Int) -> String {
        let text = fixed(value, digits)
        return text.hasPrefix("-") || text == fixed(0, digits) ? text : "+" + text
    }

    /// A share 0...1 as a percentage with one decimal: "75.0%".
    public static func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }

    /// A JSON number with at most `digits` decimals and no trailing zeros ("50", "8.19").
    public static func jsonNumber(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "null" }
        var text = fixed(value, digits)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A horizontal bar `share` (0...1) of `width` cells long, in eighths of a cell.
    public static func bar(_ share: Double, width: Int) -> String {
        let eighths = Int((max(0, min(1, share)) * Double(width * 8)).rounded())
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
    }
}
