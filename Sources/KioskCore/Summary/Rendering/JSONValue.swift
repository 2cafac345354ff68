/// A JSON document with keys in a fixed order.
indirect enum JSONValue {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double, digits: Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Two-space indented JSON.
    func serialized(indent: Int) -> String {
        let padding = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .number(let value, let digits): return ReportFormatting.jsonNumber(value, digits)
        case .string(let value): return UntrustedText.jsonString(value)
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            if items.allSatisfy(\.isScalar) {
                return "[" + items.map { $0.serialized(indent: indent + 1) }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { padding + $0.serialized(indent: indent + 1) }.joined(separator: ",\n") + "\n" + closing + "]"
        case .object(let fields):
            guard !fields.isEmpty else { return "{}" }
            return "{\n"
                + fields.map { padding + UntrustedText.jsonString($0.0) + ": " + $0.1.serialized(indent: indent + 1) }
                    .joined(separator: ",\n")
                + "\n" + closing + "}"
        }
    }

    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}
