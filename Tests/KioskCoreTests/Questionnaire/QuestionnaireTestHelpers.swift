import KioskCore

/// Four header lines, so the first question's `- id:` is on line 5 (`id` at column 5, its value
/// at column 9) and each key inside a question is at column 5.
func questionnaireYAML(questions: String) -> String {
    "id: test\nversion: 1\ntitle: Test\nquestions:\n" + questions
}

/// The diagnostics loading `yaml` produces, or an empty list when it loads.
func diagnostics(_ yaml: String, file: String = "test.yaml") -> [Diagnostic] {
    do {
        _ = try QuestionnaireLoader.load(yaml: yaml, file: file)
        return []
    } catch {
        return error.diagnostics
    }
}

/// `line:column: message` for each diagnostic, the way a test can compare them at a glance.
func located(_ yaml: String) -> [String] {
    diagnostics(yaml).map { "\($0.line.map(String.init) ?? "-"):\($0.column.map(String.init) ?? "-"): \($0.message)" }
}
