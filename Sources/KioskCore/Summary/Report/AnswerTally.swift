/// The answers to one question, kept as multisets: counts per value, never a list in
/// journal order, so the same responses in any order give the same report.
struct AnswerTally: Sendable, Equatable {
    var numbers: [Int: Int] = [:]
    var texts: [String: Int] = [:]
    var lists: [[String]: Int] = [:]

    var answeredCount: Int {
        numbers.values.reduce(0, +) + texts.values.reduce(0, +) + lists.values.reduce(0, +)
    }

    mutating func add(_ answer: Answer) {
        switch answer {
        case .number(let number): numbers[number, default: 0] += 1
        case .text(let text): texts[text, default: 0] += 1
        case .list(let items): lists[items, default: 0] += 1
        }
    }
}
