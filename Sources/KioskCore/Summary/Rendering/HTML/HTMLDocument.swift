/// A piece of an HTML document (inline SVG included), built as a tree so that escaping is not
/// left to whoever writes a renderer: text and attribute values are always escaped with
/// ``UntrustedText/html(_:)`` when the tree is written out; only the renderer's own fixed
/// stylesheet is written verbatim.
struct HTMLNode: Sendable {
    private enum Content: Sendable {
        case element(name: String, attributes: [Attribute], children: [HTMLNode])
        case text(String)
        case trusted(String)
    }

    /// An attribute, in the order written; the value is escaped when the node is written out.
    struct Attribute: Sendable {
        var name: String
        var value: String
    }

    private var content: Content

    /// An element; `attributes` are name-value pairs in the order they are written.
    static func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        HTMLNode(content: .element(name: name, attributes: attributes.map { Attribute(name: $0.0, value: $0.1) }, children: children))
    }

    /// An element holding only text.
    static func element(_ name: String, _ attributes: [(String, String)] = [], text: String) -> HTMLNode {
        element(name, attributes, [.text(text)])
    }

    /// Text, escaped when written: it can never become markup.
    static func text(_ text: String) -> HTMLNode { HTMLNode(content: .text(text)) }

    /// Markup written as it is. Only for fixed strings of the renderer (the stylesheet), never
    /// for anything from a journal or a questionnaire.
    static func trustedMarkup(_ markup: StaticString) -> HTMLNode { HTMLNode(content: .trusted(String(describing: markup))) }

    /// HTML elements that have no end tag.
    private static let voidElements: Set<String> = ["meta", "br", "hr", "img", "link"]
    /// SVG elements written as `<rect .../>` when they have no children.
    private static let svgShapes: Set<String> = ["rect", "line", "circle", "path", "polygon", "polyline", "use"]
    /// Elements followed by a line break, so the file can be read and diffed.
    private static let blockElements: Set<String> = [
        "html", "head", "body", "meta", "title", "style", "header", "main", "footer", "section", "div", "figure",
        "figcaption", "h1", "h2", "h3", "h4", "h5", "p", "ul", "ol", "li", "blockquote", "table", "thead", "tbody", "tr",
        "svg", "defs", "pattern", "g", "desc", "rect", "line", "circle", "polygon", "polyline", "text", "aside",
    ]

    /// The node as markup.
    func rendered() -> String {
        var output = ""
        write(into: &output)
        return output
    }

    func write(into output: inout String) {
        switch content {
        case .text(let text):
            output += UntrustedText.html(text)
        case .trusted(let markup):
            output += markup
        case .element(let name, let attributes, let children):
            output += "<" + name
            for attribute in attributes {
                output += " " + attribute.name + "=\"" + UntrustedText.html(attribute.value) + "\""
            }
            if Self.voidElements.contains(name) {
                output += ">"
            } else if children.isEmpty && Self.svgShapes.contains(name) {
                output += "/>"
            } else {
                output += ">"
                if children.first?.isBlock == true { output += "\n" }
                for child in children { child.write(into: &output) }
                output += "</" + name + ">"
            }
            if Self.blockElements.contains(name) { output += "\n" }
        }
    }

    private var isBlock: Bool {
        if case .element(let name, _, _) = content { return Self.blockElements.contains(name) }
        return false
    }
}
