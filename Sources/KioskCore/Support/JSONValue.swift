/// A JSON value with object members kept in the order written: what the journal's line parser
/// reads (answers stay in questionnaire order, which `JSONSerialization` would lose) and what the
/// report's JSON renderer writes (a stable, documented key order).
enum JSONValue {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in an `Int`.
    case integer(Int)
    /// Any other number, as its JSON text.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// An object's members, in order.
    case members([JSONMember])

    /// An object from `(key, value)` pairs, in order.
    static func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .members(pairs.map { JSONMember(key: $0.0, value: $0.1) })
    }

    /// What a value is, for messages ("expected a string, found an array").
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .number: "a non-integer number"
        case .string: "a string"
        case .array: "an array"
        case .members: "an object"
        }
    }
}

/// One member of a JSON object: a key and its value.
struct JSONMember {
    var key: String
    var value: JSONValue
}
