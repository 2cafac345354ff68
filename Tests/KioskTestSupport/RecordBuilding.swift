import KioskCore

/// Builds journal records in memory for tests, with sensible defaults for what a test does not care about.
public enum RecordBuilding {
    /// A record of `questionnaire` with the given answers.
    public static func record(
        questionnaire: String = "staff-pulse", version: String = "1", date: String = "2026-11-23",
        session: String? = nil, location: String? = nil, id: String? = nil,
        _ answers: [(String, Answer)]
    ) -> JournalRecord {
        JournalRecord(
            id: id ?? "test-\(StableHash.fnv1a(answers.map { "\($0.0)=\($0.1.displayText);" }.joined()))",
            questionnaire: questionnaire, questionnaireVersion: version, date: date, session: session,
            location: location, answers: answers.map { (questionID: $0.0, answer: $0.1) })
    }

    /// A staff-pulse style questionnaire: eNPS, a reason, barriers (many entries), a Likert item,
    /// tools used (multi), a yes/no and the team (a segment).
    public static let staffPulse = Questionnaire(
        id: "staff-pulse", version: "1", title: "Staff pulse", audience: .staff,
        questions: [
            Question(id: "recommend", prompt: "How likely are you to recommend us as a place to work?", kind: .nps(labels: [0: "Not at all", 10: "Extremely"])),
            Question(id: "reason", prompt: "What is the main reason for your score?", kind: .text(maxLengthCharacters: 1000, allowsManyEntries: false, themes: [])),
            Question(id: "barriers", prompt: "What gets in the way of doing your job well?", kind: .text(maxLengthCharacters: 1000, allowsManyEntries: true, themes: [])),
            Question(id: "equipped", prompt: "I have what I need to do my job.", kind: .scale(min: 1, max: 5, labels: [1: "Strongly disagree", 5: "Strongly agree"])),
            Question(id: "tools", prompt: "Which tools do you use?", kind: .multi(options: ["CRM", "Email", "Chat"], minPicks: 0, maxPicks: 3)),
            Question(id: "manager", prompt: "Do you manage people?", kind: .yesno),
            Question(id: "team", prompt: "Which team are you in?", kind: .choice(options: ["Sales", "Service", "Warehouse", "Office"], isSegment: true)),
        ])
}
