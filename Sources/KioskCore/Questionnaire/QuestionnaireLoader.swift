import Foundation
import Yams

/// Reads questionnaire files and turns them into ``Questionnaire`` values.
///
/// Every problem becomes a ``Diagnostic`` with the file, a 1-based line and column and a message
/// that says what to do; all the problems in a file are reported together. Nothing in a file
/// can make loading crash.
public enum QuestionnaireLoader {
    /// Files larger than this are refused: questionnaires are a few kilobytes, so a bigger file
    /// is almost certainly the wrong one.
    public static let maximumFileSizeBytes = 1 << 20

    /// Loads the questionnaire at `path`, naming the file in diagnostics as `path` is written.
    public static func load(path: String) throws(QuestionnaireError) -> Questionnaire {
        let data = try readFile(path)
        return try load(data: data, file: path)
    }

    /// Loads a questionnaire from the bytes of a file, which must be UTF-8.
    public static func load(data: Data, file: String) throws(QuestionnaireError) -> Questionnaire {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw QuestionnaireError(invalidUTF8Diagnostic(bytes, file: file))
        }
        return try load(yaml: text, file: file)
    }

    /// Loads a questionnaire from YAML text; `file` names it in diagnostics.
    public static func load(yaml: String, file: String) throws(QuestionnaireError) -> Questionnaire {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw QuestionnaireError(yamlDiagnostic(error, yaml: yaml, file: file))
        }
        guard let root else {
            throw QuestionnaireError(Diagnostic(
                file: file, line: 1, column: 1,
                message: "the file is empty; a questionnaire needs at least 'id', 'version', 'title' and 'questions'"))
        }
        var decoder = QuestionnaireDecoder(file: file, source: yaml)
        guard let questionnaire = decoder.decodeQuestionnaire(root), decoder.diagnostics.isEmpty else {
            // In file order, as a compiler lists them; the walk visits some keys out of order.
            let ordered = decoder.diagnostics.enumerated().sorted { lhs, rhs in
                (lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset) < (rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
            }
            throw QuestionnaireError(diagnostics: ordered.map(\.element))
        }
        return questionnaire
    }

    // MARK: Files

    private static func readFile(_ path: String) throws(QuestionnaireError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw QuestionnaireError(Diagnostic(file: path, message: "no such file; check the path"))
        }
        if isDirectory.boolValue {
            throw QuestionnaireError(Diagnostic(
                file: path, message: "this is a folder, not a questionnaire file; name a .yaml file inside it"))
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw QuestionnaireError(Diagnostic(
                file: path, message: "cannot read the file: permission denied; check its permissions"))
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw QuestionnaireError(Diagnostic(file: path, message: "cannot open the file: \(error.localizedDescription)"))
        }
        defer { try? handle.close() }
        do {
            // One byte more than allowed tells a file at the limit from one over it.
            let data = try handle.read(upToCount: maximumFileSizeBytes + 1) ?? Data()
            guard data.count <= maximumFileSizeBytes else {
                throw QuestionnaireError(Diagnostic(
                    file: path,
                    message: "the file is larger than \(maximumFileSizeBytes / 1024) KiB; a questionnaire is a small YAML text file, is this the right file?"))
            }
            return data
        } catch let error as QuestionnaireError {
            throw error
        } catch {
            throw QuestionnaireError(Diagnostic(file: path, message: "cannot read the file: \(error.localizedDescription)"))
        }
    }

    /// Locates the first byte that is not UTF-8, by line and column, so it can be found in an editor.
    private static func invalidUTF8Diagnostic(_ bytes: [UInt8], file: String) -> Diagnostic {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        var offset = 0
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error:
                break decoding
            }
        }
        let byte = offset < bytes.count ? String(format: " (byte 0x%02X)", bytes[offset]) : ""
        return Diagnostic(
            file: file, line: line, column: column,
            message: "the file is not valid UTF-8\(byte); save it as UTF-8 text")
    }

    // MARK: YAML errors

    private static func yamlDiagnostic(_ error: any Error, yaml: String, file: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return Diagnostic(file: file, message: "cannot read the YAML: \(error)")
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(
                file: file, line: mark.line, column: mark.column,
                message: "invalid YAML: \(problem)\(hint(for: problem))")
        case .reader(let problem, let offset, let value, _):
            let place = offset.map { location(ofCharacterOffset: $0, in: yaml) }
            let character = value >= 0 ? String(format: " (U+%04X)", Int(value)) : ""
            return Diagnostic(
                file: file, line: place?.line, column: place?.column,
                message: "invalid YAML: \(problem)\(character); remove it or save the file as plain UTF-8 text")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = context.mark
            if let second = repeatedKey(key, after: first, in: yaml) {
                return Diagnostic(
                    file: file, line: second.line, column: second.column,
                    message: "'\(key)' is given twice in the same mapping (first on line \(first.line)); keep one")
            }
            return Diagnostic(
                file: file, line: first.line, column: first.column,
                message: "'\(key)' is given more than once in this mapping; keep one")
        default:
            return Diagnostic(file: file, message: "cannot read the YAML: \(yamlError)")
        }
    }

    /// What usually causes libyaml's terser complaints.
    private static func hint(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return "; if the text contains ': ', put the whole text in quotes"
        }
        if problem.contains("tab character") {
            return "; indent with spaces, not tabs"
        }
        if problem.contains("found character that cannot start any token") {
            return "; indent with spaces, not tabs, and quote text that starts with '@', '`' or '%'"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator") {
            return "; check the indentation of this line against the lines above"
        }
        if problem.contains("found undefined alias") {
            return "; define the anchor with '&name' before using '*name'"
        }
        return ""
    }

    /// Where a block mapping's key is written again: the same column on a later line, before the
    /// mapping ends (a line indented less). Yams only reports the first occurrence.
    private static func repeatedKey(_ key: String, after first: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = first.column - 1
        guard first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            let leading = scalars.prefix { $0 == " " || $0 == "-" }.count
            let content = String(String.UnicodeScalarView(scalars.dropFirst(leading)))
            if content.isEmpty || content.hasPrefix("#") { continue }
            if leading < indent { return nil }
            if leading == indent, content.hasPrefix(key),
               content.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return (index + 1, first.column)
            }
        }
        return nil
    }

    private static func location(ofCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }
}
