import KioskCore
import KioskTestSupport
import Testing

/// Thirty answers to "What gets in the way of doing your job well?", labelled by hand with the
/// one topic each is mainly about. The set is part of the test suite so theme quality can be
/// measured, not just eyeballed.
let labelledBarriers: [(topic: String, text: String)] = [
    ("tools", "My laptop is old and slow, it freezes every afternoon."),
    ("tools", "The laptop crashes when I open the CRM."),
    ("tools", "Old laptops and a CRM that crashes twice a day."),
    ("tools", "The CRM is slow and the search never finds the customer."),
    ("tools", "We still use an old laptop per two people in the warehouse."),
    ("tools", "Software licences run out and the CRM locks us out."),
    ("tools", "Printer and laptop problems eat an hour a day."),
    ("tools", "CRM search is broken, I keep a paper list instead."),
    ("staffing", "We are short staffed on every late shift."),
    ("staffing", "Not enough staff at weekends, so the queue never ends."),
    ("staffing", "Short staffed since March; nobody replaced the leavers."),
    ("staffing", "Too few staff on the late shift to cover breaks."),
    ("staffing", "Staff turnover is high and new staff get no training."),
    ("staffing", "We are always short staffed when someone is ill."),
    ("staffing", "The late shift has two people for a job that needs four."),
    ("communication", "Nobody tells us about changes until customers ask."),
    ("communication", "Management communication is poor; we hear news from customers first."),
    ("communication", "Changes to prices are never communicated to the front desk."),
    ("communication", "Poor communication between head office and the stores."),
    ("communication", "We learn about changes from customers before head office tells us."),
    ("communication", "Head office sends emails nobody reads; communication is poor."),
    ("communication", "Information from head office arrives late or not at all."),
    ("approvals", "Every refund needs manager approval and the manager is never there."),
    ("approvals", "Waiting for approval on small refunds makes customers angry."),
    ("approvals", "The approval process for discounts takes days."),
    ("approvals", "Manager approval for every refund over ten pounds slows everything."),
    ("approvals", "Purchase approval takes three weeks, so we buy things ourselves."),
    ("approvals", "Too many approvals: refund approval, discount approval, travel approval."),
    ("other", "The car park is full by eight."),
    ("other", "Honestly nothing, I like my job."),
]

let barriersPrompt = "What gets in the way of doing your job well?"

@Suite struct ThemeFinderTests {
    let analysis = ThemeFinder().analyze(labelledBarriers.map { [$0.text] }, prompt: barriersPrompt)

    /// The hand-assigned topic of a quote.
    func topic(of quote: String) -> String? {
        labelledBarriers.first { $0.text == quote }?.topic
    }

    @Test func findsBetweenFourAndEightThemesCoveringMostComments() {
        #expect((4...8).contains(analysis.themes.count))
        #expect(analysis.commenterCount == 30)
        #expect(analysis.uncategorizedCount <= 6)
    }

    @Test func topThemesArePreciseAboutOneTopic() {
        // The five largest themes together cover the four hand-labelled topics; in each, most
        // quotes (at least two of three) and at least 60% of the comments containing one of its
        // keywords are about the theme's majority topic. Words that cut across topics
        // ("customers" appears in communication and approval complaints) keep this below 100%.
        var topicsFound = Set<String>()
        for theme in analysis.themes.prefix(5) {
            let quoteTopics = theme.quotes.compactMap(topic(of:))
            #expect(quoteTopics.count == theme.quotes.count)
            let majority = Dictionary(grouping: quoteTopics, by: { $0 })
                .max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
            guard let majority else {
                Issue.record("theme \(theme.label) has no quotes")
                continue
            }
            topicsFound.insert(majority)
            let members = labelledBarriers.filter { comment in
                let words = Tokenizer.words(comment.text)
                return theme.keywords.contains { keyword in
                    let keywordWords = Tokenizer.words(keyword)
                    return words.indices.contains { start in
                        words[start...].starts(with: keywordWords)
                    }
                }
            }
            let onTopic = members.filter { $0.topic == majority }.count
            #expect(Double(onTopic) / Double(max(members.count, 1)) >= 0.6, "\(theme.label): \(members.map(\.text))")
            #expect(quoteTopics.filter { $0 == majority }.count * 3 >= quoteTopics.count * 2, "\(theme.label): \(theme.quotes)")
        }
        #expect(topicsFound == ["tools", "staffing", "communication", "approvals"])
    }

    @Test func labelsUseRespondentsWordingAndSkipPromptWords() {
        let labels = analysis.themes.map(\.label)
        #expect(!labels.contains("job"))
        #expect(!labels.contains("way"))
        #expect(labels.contains { $0.contains("approval") })
        #expect(labels.contains { $0.contains("staff") })
    }

    @Test func quotesAreNotNearDuplicatesAndAtMostThree() {
        for theme in analysis.themes {
            #expect((1...3).contains(theme.quotes.count))
            #expect(Set(theme.quotes).count == theme.quotes.count)
        }
    }

    @Test func orderOfCommentsDoesNotMatter() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<5 {
            let shuffled = labelledBarriers.shuffled(using: &generator).map { [$0.text] }
            #expect(ThemeFinder().analyze(shuffled, prompt: barriersPrompt) == analysis)
        }
    }

    @Test func predefinedThemesComeFirstAndMatchStemmedKeywordsAndPhrases() {
        let predefined = [
            NamedTheme(name: "Staffing", keywords: ["staff", "late shift"]),
            NamedTheme(name: "Parking", keywords: ["car park"]),
        ]
        let result = ThemeFinder().analyze(labelledBarriers.map { [$0.text] }, prompt: barriersPrompt, predefined: predefined)
        #expect(result.themes.count <= 8)
        #expect(result.themes[0].label == "Staffing")
        #expect(result.themes[0].isPredefined)
        // "staff" matches staff/staffed (stem "staff"); "late shift" adds the four-people comment: 7.
        #expect(result.themes[0].commenterCount == 7)
        #expect(result.themes[1].label == "Parking")
        #expect(result.themes[1].commenterCount == 1)
        // No discovered theme repeats the staffing one.
        #expect(!result.themes.dropFirst(2).contains { $0.label.contains("staff") })
    }

    @Test func manyEntryAnswersCountTheirWriterOnce() {
        let comments = [
            ["Slow laptop", "Slow laptop again", "laptop battery"],
            ["laptop is slow"],
            ["nothing"],
        ]
        let result = ThemeFinder().analyze(comments, prompt: "")
        #expect(result.commenterCount == 3)
        #expect(result.themes.first?.commenterCount == 2)
        #expect(result.themes.first.map { $0.commenterShare * 3 } == 2)
    }

    @Test func quotesCollapseWhiteSpaceAsCharacters() {
        // Runs of spaces, tabs and line breaks show as one space, beside emoji and Spanish
        // punctuation too; a combining mark typed after a space belongs to that white space.
        let comments = [["Laptop  crashes\t🙂\n ¿daily?"], ["The laptop crashes \u{301} at night"]]
        let quotes = ThemeFinder().analyze(comments, prompt: "").themes.first?.quotes ?? []
        #expect(quotes.sorted() == ["Laptop crashes 🙂 ¿daily?", "The laptop crashes at night"])
    }

    @Test func emptyCommentsGiveNoThemes() {
        let result = ThemeFinder().analyze([["  "], []], prompt: "Why?")
        #expect(result == ThemeAnalysis(commenterCount: 0, themes: [], uncategorizedCount: 0))
    }
}
