import Foundation
import KioskCore
import Testing

/// The questionnaires in the repository's `questionnaires/` folder, which `kiosk run` finds by default.
@Suite struct ShippedQuestionnaireTests {
    /// `<repo>/Tests/KioskCoreTests/Questionnaire/ShippedQuestionnaireTests.swift` -> `<repo>/questionnaires`.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("questionnaires").path

    private func load(_ id: String) throws -> Questionnaire {
        try QuestionnaireLoader.load(path: "\(Self.folder)/\(id).yaml")
    }

    @Test func allShippedQuestionnairesLoadWithoutDiagnostics() throws {
        let entries = try QuestionnaireCatalog(directory: Self.folder).entries()
        for entry in entries {
            if case .failure(let error) = entry.result { Issue.record("\(error)") }
        }
        #expect(entries.compactMap(\.questionnaire?.id) == ["brand-alignment", "customer-nps", "staff-pulse", "workshop-barriers"])
        #expect(entries.allSatisfy { $0.questionnaire?.version == "1" && !($0.questionnaire?.intro.isEmpty ?? true) })
    }

    @Test func staffPulseAsksForEnpsAndFollowsUpWithNonPromoters() throws {
        let pulse = try load("staff-pulse")
        #expect(pulse.audience == .staff)
        let recommend = try #require(pulse.question(withID: "recommend"))
        #expect(recommend.prompt == "How likely are you to recommend this company as a place to work?")
        #expect(recommend.kind == .nps(labels: [0: "Not at all likely", 10: "Extremely likely"]))
        #expect(pulse.question(withID: "reason")?.prompt == "What is the main reason for your score?")

        let improvement = try #require(pulse.question(withID: "improvement"))
        #expect(improvement.condition?.isSatisfied(by: ["recommend": .number(8)]) == true)
        #expect(improvement.condition?.isSatisfied(by: ["recommend": .number(9)]) == false)

        let barriers = try #require(pulse.question(withID: "barriers"))
        guard case .text(_, let allowsMany, let themes) = barriers.kind else {
            Issue.record("barriers is not a text question")
            return
        }
        #expect(allowsMany)
        #expect(themes.count >= 5)
        #expect(pulse.question(withID: "ceo_shoes")?.prompt == "If you were in the CEO's shoes, what is the first thing you would change?")
        guard case .choice(let options, let isSegment) = pulse.question(withID: "team")?.kind else {
            Issue.record("team is not a choice question")
            return
        }
        #expect(isSegment)
        #expect(options.contains("Product & Engineering"))
    }

    @Test func customerNpsAsksTheSameZeroToTenQuestionOfCustomers() throws {
        let nps = try load("customer-nps")
        #expect(nps.audience == .customer)
        #expect(nps.questions.map(\.id) == ["recommend", "reason", "improvement"])
        #expect(nps.question(withID: "recommend")?.prompt == "How likely are you to recommend us to a friend or colleague?")
    }

    @Test func brandAlignmentUsesFivePointAgreementScales() throws {
        let brand = try load("brand-alignment")
        let scales = brand.questions.filter { $0.kind.typeName == "scale" }
        #expect(scales.count == 3)
        for question in scales {
            guard case .scale(1, 5, let labels) = question.kind else {
                Issue.record("\(question.id) is not a 1-5 scale")
                continue
            }
            #expect(labels[1] == "Strongly disagree")
            #expect(labels[5] == "Strongly agree")
        }
        #expect(brand.questions.last?.isRequired == false)
    }

    @Test func workshopBarriersCollectsSeveralBarriers() throws {
        let workshop = try load("workshop-barriers")
        guard case .text(_, let allowsMany, _) = workshop.questions.first?.kind else {
            Issue.record("the first question is not text")
            return
        }
        #expect(allowsMany)
        #expect(workshop.question(withID: "ceo_shoes") != nil)
    }
}
