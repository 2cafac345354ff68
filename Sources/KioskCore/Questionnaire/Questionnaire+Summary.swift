extension Questionnaire {
    /// How many questions there are of each type, types in order of first appearance:
    /// `1 nps, 4 text, 1 choice`.
    public var questionTypeSummary: String {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for question in questions {
            let name = question.kind.typeName
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        return order.map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", ")
    }

    /// `1 question` or `6 questions`.
    public var questionCountText: String {
        questions.count == 1 ? "1 question" : "\(questions.count) questions"
    }
}
