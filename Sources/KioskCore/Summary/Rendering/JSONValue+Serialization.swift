extension JSONValue {
    /// A number rounded to `digits` decimals, as the report writes it.
    static func decimal(_ value: Double, digits: Int) -> JSONValue {
        .number(ReportFormatting.jsonNumber(value, digits))
    }

    /// Two-space indented JSON.
    func serialized(indent: Int) -> String {
        let padding = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .number(let text): return text
        case .string(let value): return UntrustedText.jsonString(value)
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            if items.allSatisfy(\.isScalar) {
                return "[" + items.map { $0.serialized(indent: indent + 1) }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { padding + $0.serialized(indent: indent + 1) }.joined(separator: ",\n") + "\n" + closing + "]"
        case .members(let fields):
            guard !fields.isEmpty else { return "{}" }
            return "{\n"
                + fields.map { padding + UntrustedText.jsonString($0.key) + ": " + $0.value.serialized(indent: indent + 1) }
                    .joined(separator: ",\n")
                + "\n" + closing + "}"
        }
    }

    var isScalar: Bool {
        switch self {
        case .array, .members: false
        default: true
        }
    }
}
