/// A survey: its identity, the words shown around it, and its questions in order.
///
/// Questionnaires are loaded from YAML by ``QuestionnaireLoader``; the type itself knows
/// nothing about files so that the interview and the reports can be tested with literals.
public struct Questionnaire: Sendable, Equatable {
    /// The stable identifier written into every journal record (`staff-pulse`).
    public var id: String
    /// The version written into every journal record, so reports can tell edits apart.
    public var version: String
    /// The title shown on the welcome screen and in reports.
    public var title: String
    /// The welcome text shown before the first question.
    public var intro: String
    /// The text shown once a response has been saved.
    public var thanks: String
    /// Who answers: staff (eNPS) or customers (NPS).
    public var audience: Audience?
    /// How 0-10 answers are split into detractors, passives and promoters.
    public var npsBands: NPSBands
    /// The questions in the order they are asked.
    public var questions: [Question]

    /// Creates a questionnaire from its parts.
    public init(
        id: String,
        version: String = "1",
        title: String,
        intro: String = "",
        thanks: String = "Thank you.",
        audience: Audience? = nil,
        npsBands: NPSBands = .standard,
        questions: [Question]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.intro = intro
        self.thanks = thanks
        self.audience = audience
        self.npsBands = npsBands
        self.questions = questions
    }

    /// The question with the given id, if any.
    public func question(withID id: String) -> Question? {
        questions.first { $0.id == id }
    }
}

/// Who a questionnaire is meant for.
public enum Audience: String, Sendable, Equatable, CaseIterable {
    case staff
    case customer
}
