import Yams

/// A key and its value in a YAML mapping, kept as nodes so diagnostics can point at either.
struct YAMLField {
    /// The key as written.
    var name: String
    /// The key's node, for "unknown key" and "not used by" diagnostics.
    var key: Node
    /// The value's node, for diagnostics about the value.
    var value: Node
}

extension Node {
    /// Whether the node is an empty or `null`/`~` plain scalar: a key with nothing after it.
    var isNull: Bool {
        guard case .scalar(let scalar) = self else { return false }
        return (scalar.style == .plain || scalar.style == .any) && tag.rawValue == Tag.Name.null.rawValue
    }

    /// The scalar's text when it is a non-null scalar.
    var scalarText: String? {
        guard case .scalar(let scalar) = self, !isNull else { return nil }
        return scalar.string
    }

    /// A plain (unquoted) whole number in decimal, such as `10` or `-3`.
    var wholeNumber: Int? {
        guard case .scalar(let scalar) = self, scalar.style == .plain || scalar.style == .any else { return nil }
        return Int(scalar.string)
    }

    /// What the node is, for "found ..." in messages: `a list`, `a mapping`, `nothing`, `'abc'`.
    var foundDescription: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull { return "nothing" }
            let text = scalar.string
            let shown = text.count > 40 ? String(text.prefix(40)) + "..." : text
            return "'\(shown)'"
        }
    }
}
