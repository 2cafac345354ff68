import Foundation
import KioskCore
import KioskTestSupport
import Testing

@Suite struct QuestionnaireLoaderTests {
    @Test func everyTypeLoadsWithItsDefaults() throws {
        let yaml = questionnaireYAML(questions: """
              - id: score
                type: nps
                prompt: How likely?
              - id: agree
                type: scale
                prompt: Agree?
                min: 1
                max: 5
                labels:
                  1: Strongly disagree
                  5: Strongly agree
              - id: team
                type: choice
                prompt: Team?
                options: [Sales, Service]
              - id: channels
                type: multi
                prompt: Channels?
                options: [Web, Phone, Shop]
              - id: consent
                type: yesno
                prompt: OK?
              - id: comment
                type: text
                prompt: Anything else?

            """)
        let questionnaire = try QuestionnaireLoader.load(yaml: yaml, file: "test.yaml")
        #expect(questionnaire.id == "test")
        #expect(questionnaire.version == "1")
        #expect(questionnaire.intro == "")
        #expect(questionnaire.thanks == "Thank you.")
        #expect(questionnaire.audience == nil)
        #expect(questionnaire.npsBands == .standard)
        #expect(questionnaire.questions.map(\.kind) == [
            .nps(labels: [:]),
            .scale(min: 1, max: 5, labels: [1: "Strongly disagree", 5: "Strongly agree"]),
            .choice(options: ["Sales", "Service"], isSegment: false),
            .multi(options: ["Web", "Phone", "Shop"], minPicks: 1, maxPicks: 3),
            .yesno,
            .text(maxLengthCharacters: 1000, allowsManyEntries: false, themes: []),
        ])
        #expect(questionnaire.questions.map(\.isRequired) == [true, true, true, true, true, false])
        #expect(questionnaire.questions.allSatisfy { $0.condition == nil && $0.help == nil })
        #expect(questionnaire.questions.map(\.prompt) == ["How likely?", "Agree?", "Team?", "Channels?", "OK?", "Anything else?"])
    }

    @Test func explicitValuesOverrideTheDefaults() throws {
        let yaml = """
            id: pulse-2
            version: 1.10
            title: Pulse
            audience: customer
            intro: |
              Welcome.
              Two lines.
            thanks: Bye
            nps_bands:
              detractors: "0-5"
              passives: "6-8"
              promoters: 9-10
            questions:
              - id: score
                type: nps
                prompt: How likely?
                required: false
                labels: {0: Never, 10: Always}
              - id: team
                type: choice
                prompt: Team?
                help: Pick one.
                segment: true
                options: [Sales, "Product & Engineering"]
              - id: channels
                type: multi
                prompt: Channels?
                options: [Web, Phone, Shop]
                min: 0
                max: 2
              - id: barriers
                type: text
                prompt: What gets in the way?
                required: true
                entries: many
                max_length: 200
                when: score <= 5 and team != "Sales"
                themes:
                  tools: [system, laptop]
                  staffing: [workload]

            """
        let questionnaire = try QuestionnaireLoader.load(yaml: yaml, file: "test.yaml")
        #expect(questionnaire.version == "1.10")
        #expect(questionnaire.audience == .customer)
        #expect(questionnaire.intro == "Welcome.\nTwo lines.")
        #expect(questionnaire.thanks == "Bye")
        #expect(questionnaire.npsBands == NPSBands(detractorMax: 5, promoterMin: 9))
        let questions = questionnaire.questions
        #expect(questions[0].isRequired == false)
        #expect(questions[0].kind == .nps(labels: [0: "Never", 10: "Always"]))
        #expect(questions[1].help == "Pick one.")
        #expect(questions[1].kind == .choice(options: ["Sales", "Product & Engineering"], isSegment: true))
        #expect(questions[2].kind == .multi(options: ["Web", "Phone", "Shop"], minPicks: 0, maxPicks: 2))
        #expect(questions[3].isRequired == true)
        #expect(questions[3].kind == .text(
            maxLengthCharacters: 200, allowsManyEntries: true,
            themes: [NamedTheme(name: "tools", keywords: ["system", "laptop"]), NamedTheme(name: "staffing", keywords: ["workload"])]))
        #expect(questions[3].condition == .and(
            .comparison(questionID: "score", op: .lessOrEqual, value: .number(5)),
            .comparison(questionID: "team", op: .notEqual, value: .string("Sales"))))
    }

    @Test func passivesMayBeLeftOutOfTheBands() throws {
        let yaml = """
            id: t
            version: 1
            title: T
            nps_bands: {detractors: "0-6", promoters: "9-10"}
            questions:
              - {id: score, type: nps, prompt: How likely?}

            """
        #expect(try QuestionnaireLoader.load(yaml: yaml, file: "t.yaml").npsBands == .standard)
    }

    @Test func anchorsAndAliasesShareLabels() throws {
        let yaml = questionnaireYAML(questions: """
              - {id: a, type: scale, prompt: A, min: 1, max: 2, labels: &agree {1: No, 2: Yes}}
              - {id: b, type: scale, prompt: B, min: 1, max: 2, labels: *agree}

            """)
        let questionnaire = try QuestionnaireLoader.load(yaml: yaml, file: "t.yaml")
        #expect(questionnaire.questions[1].kind == .scale(min: 1, max: 2, labels: [1: "No", 2: "Yes"]))
    }

    // MARK: Files

    @Test func loadsAFileAndNamesItInDiagnostics() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("pulse.yaml")
        try Data(questionnaireYAML(questions: "  - {id: a, type: yesno, prompt: OK?}\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect(try QuestionnaireLoader.load(path: path).questions.map(\.id) == ["a"])

        let broken = directory.path("broken.yaml")
        try Data("id: t\n".utf8).write(to: URL(fileURLWithPath: broken))
        #expect(throws: QuestionnaireError.self) { try QuestionnaireLoader.load(path: broken) }
        do {
            _ = try QuestionnaireLoader.load(path: broken)
        } catch {
            #expect(error.diagnostics.allSatisfy { $0.file == broken })
            #expect(error.diagnostics.map(\.message).contains { $0.hasPrefix("missing 'version'") })
        }
    }

    private func fileError(_ path: String) -> Diagnostic? {
        do {
            _ = try QuestionnaireLoader.load(path: path)
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test func aMissingFileOrAFolderIsAClearError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let missing = try #require(fileError(directory.path("nope.yaml")))
        #expect(missing.description == "\(directory.path("nope.yaml")): error: no such file; check the path")
        let folder = try #require(fileError(directory.url.path))
        #expect(folder.line == nil)
        #expect(folder.message.contains("is a folder"))
    }

    @Test func invalidUTF8IsLocatedAtTheFirstBadByte() throws {
        let bytes = Array("id: t\ntitle: caf".utf8) + [0xE9] + Array("\n".utf8)
        do {
            _ = try QuestionnaireLoader.load(data: Data(bytes), file: "latin1.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics == [Diagnostic(
                file: "latin1.yaml", line: 2, column: 11,
                message: "the file is not valid UTF-8 (byte 0xE9); save it as UTF-8 text")])
        }
    }

    @Test func aByteOrderMarkIsIgnored() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array(questionnaireYAML(questions: "  - {id: a, type: yesno, prompt: OK?}\n").utf8)
        #expect(try QuestionnaireLoader.load(data: Data(bytes), file: "bom.yaml").id == "test")
    }

    @Test(arguments: ["", "   \n\n", "# only a comment\n"])
    func anEmptyFileSaysWhatItNeeds(yaml: String) {
        #expect(located(yaml) == ["1:1: the file is empty; a questionnaire needs at least 'id', 'version', 'title' and 'questions'"])
    }

    @Test func aFileThatIsNotAMappingSaysWhatWasFound() {
        #expect(located("- a\n- b\n") == [
            "1:1: expected a questionnaire, a mapping of keys such as 'id: staff-pulse' and 'title: ...'; found a list",
        ])
        #expect(located("just words\n").first?.hasSuffix("found 'just words'") == true)
    }
}
