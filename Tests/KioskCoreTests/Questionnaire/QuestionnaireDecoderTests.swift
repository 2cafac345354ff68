import KioskCore
import Testing

/// Every diagnostic the loader gives, each at the line and column counted by hand in the YAML
/// above it. `questionnaireYAML` adds four header lines, so questions start on line 5.
@Suite struct QuestionnaireDecoderTests {
    @Test func yamlSyntaxErrorsKeepYamsLocation() {
        #expect(located("id: t\ntitle: a: b\n") == [
            "2:9: invalid YAML: mapping values are not allowed in this context; if the text contains ': ', put the whole text in quotes",
        ])
        #expect(located("id: t\n\tversion: 1\n") == [
            "2:1: invalid YAML: found a tab character that violates indentation; indent with spaces, not tabs",
        ])
    }

    @Test func aRepeatedKeyPointsAtTheSecondOne() {
        let yaml = questionnaireYAML(questions: """
              - id: a
                type: text
                prompt: A
                prompt: B

            """)
        #expect(located(yaml) == ["8:5: 'prompt' is given twice in the same mapping (first on line 7); keep one"])
    }

    @Test func unknownTopLevelKeysSuggestTheNearestOne() {
        let yaml = """
            id: t
            version: 1
            titel: T
            colour: red
            questions:
              - {id: a, type: yesno, prompt: OK?}

            """
        #expect(located(yaml) == [
            "1:1: missing 'title'; add 'title: ...', the name shown on the welcome screen",
            "3:1: unknown key 'titel'; did you mean 'title'?",
            "4:1: unknown key 'colour'; a questionnaire has the keys 'id', 'version', 'title', 'intro', 'thanks', 'audience', 'nps_bands' and 'questions'",
        ])
    }

    @Test func allProblemsInAQuestionAreReported() {
        let yaml = questionnaireYAML(questions: """
              - id: reason
                type: text
                promt: Why?
                options: [a, b]

            """)
        #expect(located(yaml) == [
            "5:5: question 'reason' is missing 'prompt'; add 'prompt: ...' with the question to ask",
            "7:5: unknown key 'promt'; did you mean 'prompt'?",
            "8:5: 'options' is not used by a 'text' question; remove it, or change the type ('options' belongs to 'choice' and 'multi' questions)",
        ])
    }

    @Test func missingTopLevelKeysAreEachNamed() {
        #expect(located("title: T\n") == [
            "1:1: missing 'id'; add 'id: staff-pulse', the name used on the command line and in journals",
            "1:1: missing 'version'; add 'version: 1', and raise it when you change the questions",
            "1:1: missing 'questions'; add 'questions:' with a list of questions",
        ])
    }

    @Test func wrongValueTypesSayWhatWasFound() {
        let yaml = questionnaireYAML(questions: """
              - id: a
                type: scale
                prompt: [x]
                required: maybe
                min: one
                max: 5

            """)
        #expect(located(yaml) == [
            "7:13: 'prompt' must be text; found a list",
            "8:15: 'required' must be true or false; found 'maybe'",
            "9:10: 'min' must be a whole number, such as 5; found 'one'",
        ])
    }

    @Test func emptyTextIsReportedWhereItIsMissing() {
        #expect(located("id: t\nversion: 1\ntitle:\nquestions: [{id: a, type: yesno, prompt: OK?}]\n") == [
            "3:7: 'title' is empty; write its text after 'title:'",
        ])
    }

    @Test func duplicateQuestionIDsPointAtTheSecond() {
        let yaml = questionnaireYAML(questions: """
              - {id: reason, type: text, prompt: A}
              - {id: reason, type: text, prompt: B}

            """)
        #expect(located(yaml) == [
            "6:10: question id 'reason' is already used by question 1 (line 5); give each question its own id",
        ])
    }

    @Test func malformedIDsSuggestAValidOne() {
        let yaml = """
            id: Staff_Pulse
            version: 1
            title: T
            questions:
              - id: Main-Reason
                type: text
                prompt: Why?
              - {id: 2nd, type: text, prompt: B}

            """
        #expect(located(yaml) == [
            "1:5: questionnaire id 'Staff_Pulse' is not valid; use lower-case letters, digits and '-', starting with a letter, such as 'staff-pulse'",
            "5:9: question id 'Main-Reason' is not valid; use lower-case letters, digits and '_', starting with a letter, such as 'main_reason'",
            "8:10: question id '2nd' is not valid; use lower-case letters, digits and '_', starting with a letter, such as 'main_reason'",
        ])
    }

    @Test func unknownOrMissingTypes() {
        let yaml = questionnaireYAML(questions: """
              - id: a
                type: scal
                prompt: A
              - id: b
                type: slider
                prompt: B
              - id: c
                prompt: C

            """)
        #expect(located(yaml) == [
            "6:11: unknown question type 'scal'; did you mean 'scale'?",
            "9:11: unknown question type 'slider'; use 'nps', 'scale', 'choice', 'multi', 'yesno' or 'text'",
            "11:5: question 'c' is missing 'type'; add 'type:' with one of 'nps', 'scale', 'choice', 'multi', 'yesno' or 'text'",
        ])
    }

    @Test func unknownAudienceSuggestsTheNearest() {
        let yaml = "id: t\nversion: 1\ntitle: T\naudience: staf\nquestions: [{id: a, type: yesno, prompt: OK?}]\n"
        #expect(located(yaml) == ["4:11: unknown audience 'staf'; did you mean 'staff'?"])
    }

    @Test func optionsMustBeGivenDistinctAndNotNumbers() {
        let yaml = questionnaireYAML(questions: """
              - id: team
                type: choice
                prompt: Team?
              - id: size
                type: multi
                prompt: Size?
                options: []
              - id: pick
                type: choice
                prompt: Pick
                options: [Sales, sales, "3", ":x", "", Support: HR]

            """)
        #expect(located(yaml) == [
            "5:5: question 'team' is missing 'options'; add 'options:' with a list of answers to pick from",
            "11:14: 'options' must be a non-empty list of answers, such as [Sales, Service, Other]; found an empty list",
            "15:22: option 'sales' repeats 'Sales'; options must differ by more than letter case",
            "15:29: option '3' is a number, but respondents may answer with an option's number, so it would be ambiguous; write it in words, such as '3 or more'",
            "15:34: option ':x' starts with ':', which is kept for commands such as ':back'; reword it",
            "15:40: 'option 5' is empty; write its text after 'option 5:'",
            "15:44: option 6 is a mapping; if the option contains ': ', put it in quotes",
        ])
    }

    @Test func scaleRanges() {
        let yaml = questionnaireYAML(questions: """
              - {id: a, type: scale, prompt: A, min: 5, max: 5}
              - {id: b, type: scale, prompt: B, min: -100, max: 100}
              - {id: c, type: scale, prompt: C, min: 1, max: 1000}
              - id: d
                type: scale
                prompt: D
                min: 1
                max: 5
                labels: {0: Low, low: Low}

            """)
        #expect(located(yaml) == [
            "5:50: 'max' (5) must be greater than 'min' (5)",
            "6:53: a scale has at most 101 points, such as 0 to 100; 'min' -100 and 'max' 100 give 201",
            "7:50: 'max' must be between -100 and 100; found 1000",
            "13:14: label 0 is outside the answers 1-5; use a value in that range",
            "13:22: a label's key is the answer it names, a whole number from 1-5; found 'low'",
        ])
    }

    @Test func scalesNeedMinAndMax() {
        #expect(located(questionnaireYAML(questions: "  - {id: a, type: scale, prompt: A}\n")) == [
            "5:5: question 'a' is missing 'min'; add 'min:', the lowest answer, such as 1",
            "5:5: question 'a' is missing 'max'; add 'max:', the highest answer, such as 5",
        ])
    }

    @Test func npsLabelsStayWithinZeroToTen() {
        #expect(located(questionnaireYAML(questions: "  - {id: a, type: nps, prompt: A, labels: {0: Low, 11: High}}\n")) == [
            "5:52: label 11 is outside the answers 0-10; use a value in that range",
        ])
    }

    @Test func multiPickLimits() {
        let yaml = questionnaireYAML(questions: """
              - {id: a, type: multi, prompt: A, options: [x, y], max: 3}
              - {id: b, type: multi, prompt: B, options: [x, y], min: 2, max: 1}
              - {id: c, type: multi, prompt: C, options: [x, y], min: -1}
              - {id: d, type: multi, prompt: D, options: [x, y], max: 0}

            """)
        #expect(located(yaml) == [
            "5:59: 'max' is 3 but there are only 2 options; lower 'max' or add options",
            "6:59: 'min' (2) is more than 'max' (1); a respondent could never answer",
            "7:59: 'min' is the fewest options a respondent must pick; it cannot be negative (found -1)",
            "8:59: 'max' is the most options a respondent may pick; it must be at least 1 (found 0)",
        ])
    }

    @Test func textLimitsEntriesAndThemes() {
        let yaml = questionnaireYAML(questions: """
              - id: a
                type: text
                prompt: A
                max_length: 20000
                entries: mny
                segment: true
                themes:
                  tools: tool
                  staffing: []

            """)
        #expect(located(yaml) == [
            "8:17: 'max_length' must be from 1 to 10000 characters; found 20000",
            "9:14: 'entries' must be 'one' or 'many'; found 'mny'; did you mean 'many'?",
            "10:5: 'segment' is not used by a 'text' question; remove it, or change the type ('segment' belongs to 'choice' questions)",
            "12:14: theme 'tools' needs a non-empty list of keywords, such as [tools, ...]; found 'tool'",
            "13:17: theme 'staffing' needs a non-empty list of keywords, such as [staffing, ...]; found a list",
        ])
    }

    @Test func npsBandsMustPartitionZeroToTen() {
        let yaml = """
            id: t
            version: 1
            title: T
            nps_bands:
              detractors: "1-6"
              promoters: "9-9"
            questions: [{id: a, type: nps, prompt: A}]

            """
        #expect(located(yaml) == [
            "5:15: detractors must start at 0, as in \"0-6\"",
            "6:14: promoters must end at 10, as in \"9-10\"",
        ])
    }

    @Test(arguments: [
        ("detractors: \"0-8\", promoters: \"8-10\"", "4:43: promoters (8-10) overlap detractors (0-8); promoters must start above 8"),
        ("detractors: \"0-6\", passives: \"7-7\", promoters: \"9-10\"",
         "4:42: passives must be \"7-8\", exactly the scores between detractors (0-6) and promoters (9-10)"),
        ("detractors: \"0-8\", passives: 8-9, promoters: \"9-10\"",
         "4:42: no scores are left for passives between detractors (0-8) and promoters (9-10); remove 'passives'"),
        ("detractors: low, promoters: \"9-10\"", "4:25: 'detractors' must be a range of scores from 0 to 10 such as \"0-6\"; found 'low'"),
        ("promoters: \"9-10\", passive: \"7-8\"", "4:12: missing 'detractors'; add 'detractors: \"0-6\"'"),
    ])
    func npsBandProblems(bands: String, expected: String) {
        let yaml = "id: t\nversion: 1\ntitle: T\nnps_bands: {\(bands)}\nquestions: [{id: a, type: nps, prompt: A}]\n"
        #expect(located(yaml).first == expected)
    }

    @Test func unknownBandKeySuggestsTheNearest() {
        let yaml = "id: t\nversion: 1\ntitle: T\nnps_bands: {detractors: \"0-6\", promoter: \"9-10\"}\nquestions: [{id: a, type: nps, prompt: A}]\n"
        #expect(located(yaml) == [
            "4:12: missing 'promoters'; add 'promoters: \"9-10\"'",
            "4:32: unknown key 'promoter'; did you mean 'promoters'?",
        ])
    }

    @Test func anEmptyQuestionListIsAnError() {
        #expect(located("id: t\nversion: 1\ntitle: T\nquestions: []\n") == [
            "4:12: 'questions' is empty; add at least one question, starting with '- id: ...'",
        ])
        #expect(located("id: t\nversion: 1\ntitle: T\nquestions:\n") == [
            "4:11: 'questions' is empty; add at least one question, starting with '- id: ...'",
        ])
        #expect(located(questionnaireYAML(questions: "  - just text\n")) == [
            "5:5: question 1 must be a mapping with 'id', 'type' and 'prompt'; found 'just text'",
        ])
    }

    // MARK: when

    @Test func conditionSyntaxErrorsPointInsideTheExpression() {
        let yaml = questionnaireYAML(questions: """
              - {id: recommend, type: nps, prompt: R}
              - id: why
                type: text
                prompt: Why?
                when: recommend <== 6
              - id: what
                type: text
                prompt: What?
                when: 'recommend <= '
              - id: how
                type: text
                prompt: How?
                when: "team == \\"Sales"

            """)
        #expect(located(yaml) == [
            "9:23: use '==' to test for equality",
            "13:25: expected a number or a double-quoted string after '<=', found the end",
            "17:11: this string is never closed; add '\"' at its end (at character 9 of the condition)",
        ])
    }

    @Test func conditionsNameOnlyEarlierQuestions() {
        let yaml = questionnaireYAML(questions: """
              - {id: recommend, type: nps, prompt: R}
              - id: why
                type: text
                prompt: Why?
                when: recomend <= 6 or why == "x" or team == "Sales"
              - {id: team, type: choice, prompt: T, options: [Sales, Service]}
              - {id: other, type: text, prompt: O, when: zzz == 1}

            """)
        #expect(located(yaml) == [
            "9:11: no question 'recomend' in this questionnaire; did you mean 'recommend'?",
            "9:28: a question cannot depend on its own answer; 'why' is this question",
            "9:42: 'team' is question 3, asked after this one; a condition can only use answers given before it, so move 'team' earlier",
            "11:46: no question 'zzz' in this questionnaire; earlier questions are 'recommend', 'why' and 'team'",
        ])
        #expect(located(questionnaireYAML(questions: "  - {id: a, type: yesno, prompt: A, when: a == \"yes\"}\n")) == [
            "5:43: a question cannot depend on its own answer; 'a' is this question",
        ])
        #expect(located(questionnaireYAML(questions: "  - {id: a, type: yesno, prompt: A, when: b == \"yes\"}\n")) == [
            "5:43: no question 'b' in this questionnaire; this is the first question, so there is no earlier answer to depend on",
        ])
    }

    @Test func conditionsCompareLikeWithLike() {
        let yaml = questionnaireYAML(questions: """
              - {id: recommend, type: nps, prompt: R}
              - {id: team, type: choice, prompt: T, options: [Sales, Service]}
              - {id: barriers, type: text, prompt: B, entries: many}
              - id: follow
                type: text
                prompt: F
                when: recommend == "9" or team == 1 or barriers < "x" or team == "Sale"

            """)
        #expect(located(yaml) == [
            "11:24: 'recommend' is an nps question with numeric answers; compare it with a number, not \"9\", as in 'recommend <= 6'",
            "11:39: 'team' is a choice question with text answers; compare it with text in double quotes, as in 'team == \"Sales\"'",
            "11:55: '<' compares numbers, but 'barriers' is a text question with text answers; use == or !=",
            "11:70: \"Sale\" is not an option of 'team'; did you mean 'Sales'?",
        ])
    }

    @Test func conditionsOnYesNoUseItsTwoAnswers() throws {
        let valid = questionnaireYAML(questions: """
              - {id: consent, type: yesno, prompt: OK?}
              - {id: why, type: text, prompt: Why?, when: consent == "No"}

            """)
        #expect(located(valid) == [])
        let invalid = questionnaireYAML(questions: """
              - {id: consent, type: yesno, prompt: OK?}
              - {id: why, type: text, prompt: Why?, when: consent == "maybe"}

            """)
        #expect(located(invalid) == ["6:58: \"maybe\" is not an option of 'consent'; its options are 'yes' and 'no'"])
    }

    @Test func aConditionOnAQuestionWithOtherMistakesIsStillChecked() {
        let yaml = questionnaireYAML(questions: """
              - {id: recommend, type: nps, promt: R}
              - {id: why, type: text, prompt: Why?, when: recommend == "x"}

            """)
        #expect(located(yaml) == [
            "5:5: question 'recommend' is missing 'prompt'; add 'prompt: ...' with the question to ask",
            "5:32: unknown key 'promt'; did you mean 'prompt'?",
            "6:60: 'recommend' is an nps question with numeric answers; compare it with a number, not \"x\", as in 'recommend <= 6'",
        ])
    }
}
