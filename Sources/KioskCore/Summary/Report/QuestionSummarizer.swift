/// Turns the tally of one question into its statistics, by the question's kind.
struct QuestionSummarizer {
    var bands: NPSBands
    var themeFinder: ThemeFinder
    /// The anonymity threshold: options of a masked question chosen by fewer are withheld.
    var minGroup: Int
    /// The `--by` question, whose options are masked like a segment's.
    var groupBy: String?

    /// The kind of a question from a questionnaire that was not available, from its answers:
    /// only numbers -> a numeric distribution; only lists -> multiple choice; only strings ->
    /// yes/no or choice when few distinct values recur, otherwise free text.
    static func inferredKind(of tally: AnswerTally) -> QuestionKind {
        let hasNumbers = !tally.numbers.isEmpty
        let hasTexts = !tally.texts.isEmpty
        let hasLists = !tally.lists.isEmpty
        if hasNumbers && !hasTexts && !hasLists {
            let values = tally.numbers.keys
            return .scale(min: values.min() ?? 0, max: values.max() ?? 0, labels: [:])
        }
        if hasLists && !hasTexts && !hasNumbers {
            return .multi(options: [], minPicks: 0, maxPicks: 0)
        }
        if hasTexts && !hasNumbers && !hasLists {
            let distinct = Set(tally.texts.keys.map { $0.lowercased() })
            if distinct.isSubset(of: ["yes", "no"]) { return .yesno }
            if distinct.count <= 10 && tally.answeredCount >= 2 * distinct.count { return .choice(options: [], isSegment: false) }
        }
        return .text(maxLengthCharacters: 0, allowsManyEntries: hasLists, themes: [])
    }

    /// The summary of `tally` for a question of `kind`, and how many answers did not fit the kind.
    func summarize(id: String, prompt: String, kind: QuestionKind, isInferred: Bool, tally: AnswerTally)
        -> (summary: QuestionSummary, unfitCount: Int)
    {
        let result: QuestionResult
        let used: Int
        switch kind {
        case .nps:
            let counts = tally.numbers.filter { (0...10).contains($0.key) }
            result = .nps(NPSSummary(valueCounts: counts, bands: bands))
            used = counts.values.reduce(0, +)
        case .scale(let minimum, let maximum, let labels):
            let counts = tally.numbers.filter { (minimum...max(minimum, maximum)).contains($0.key) }
            result = .scale(scaleSummary(counts, minimum: minimum, maximum: max(minimum, maximum), labels: labels, isInferred: isInferred))
            used = counts.values.reduce(0, +)
        case .choice(let options, let isSegment):
            let (counts, total) = singleChoiceCounts(tally.texts, options: options)
            let categories = isSegment || id == groupBy ? masked(counts) : counts
            result = .counts(CountsSummary(kind: .choice, respondentCount: total, categories: categories))
            used = total
        case .yesno:
            let normalized = tally.texts.reduce(into: [String: Int]()) { $0[$1.key.lowercased(), default: 0] += $1.value }
            let fitting = normalized.filter { $0.key == "yes" || $0.key == "no" }
            let (counts, total) = singleChoiceCounts(fitting, options: ["yes", "no"])
            let categories = id == groupBy ? masked(counts) : counts
            result = .counts(CountsSummary(kind: .yesno, respondentCount: total, categories: categories))
            used = total
        case .multi(let options, _, _):
            var itemCounts: [String: Int] = [:]
            var respondents = 0
            for (items, count) in tally.lists {
                respondents += count
                for item in Set(items) { itemCounts[item, default: 0] += count }
            }
            for (text, count) in tally.texts {
                respondents += count
                itemCounts[text, default: 0] += count
            }
            result = .counts(
                CountsSummary(kind: .multi, respondentCount: respondents, categories: categories(itemCounts, options: options, base: respondents)))
            used = respondents
        case .text(_, _, let predefined):
            result = .text(textSummary(tally, prompt: prompt, predefined: predefined))
            used = tally.answeredCount
        }
        let summary = QuestionSummary(id: id, prompt: prompt, isInferred: isInferred, answeredCount: used, result: result)
        return (summary, tally.answeredCount - used)
    }

    /// Themes of the comments: the sample's, or for a question whose type was inferred, all
    /// answers. A sample that is not every comment has its counts scaled to all commenters.
    func textSummary(_ tally: AnswerTally, prompt: String, predefined: [NamedTheme]) -> TextSummary {
        var comments: [[String]] = []
        var entryCount = tally.commentEntryCount
        var isComplete = true
        if let sample = tally.comments {
            (comments, isComplete) = sample.comments()
        }
        for (text, count) in tally.texts {
            comments.append(contentsOf: repeatElement([text], count: count))
            entryCount += count
        }
        for (items, count) in tally.lists {
            comments.append(contentsOf: repeatElement(items, count: count))
            entryCount += items.count * count
        }
        for (number, count) in tally.numbers {
            comments.append(contentsOf: repeatElement([String(number)], count: count))
            entryCount += count
        }
        var analysis = themeFinder.analyze(comments, prompt: prompt, predefined: predefined)
        if !isComplete, let sample = tally.comments, analysis.commenterCount > 0 {
            let scale = Double(sample.nonBlankCount) / Double(analysis.commenterCount)
            func scaled(_ count: Int) -> Int { Int((Double(count) * scale).rounded()) }
            for index in analysis.themes.indices {
                analysis.themes[index].commenterCount = scaled(analysis.themes[index].commenterCount)
            }
            analysis.uncategorizedCount = scaled(analysis.uncategorizedCount)
            analysis.commenterCount = sample.nonBlankCount
        }
        return TextSummary(
            commenterCount: analysis.commenterCount, entryCount: entryCount, themes: analysis.themes,
            uncategorizedCount: analysis.uncategorizedCount)
    }

    func scaleSummary(_ counts: [Int: Int], minimum: Int, maximum: Int, labels: [Int: String], isInferred: Bool) -> ScaleSummary {
        let total = counts.values.reduce(0, +)
        let moments = MeanStatistics(valueCounts: counts)
        let distribution = (minimum...maximum).map { value in
            CategoryCount(
                label: String(value), description: labels[value], count: counts[value] ?? 0,
                share: total == 0 ? 0 : Double(counts[value] ?? 0) / Double(total))
        }
        var topTwoBox: ProportionSummary?
        if !isInferred, maximum > minimum, total > 0 {
            let top = (counts[maximum] ?? 0) + (counts[maximum - 1] ?? 0)
            if let interval = ProportionInterval.agrestiCoull95(successes: top, trials: total) {
                topTwoBox = ProportionSummary(count: top, base: total, share: Double(top) / Double(total), interval95: interval)
            }
        }
        return ScaleSummary(
            minimum: minimum, maximum: maximum, respondentCount: total, distribution: distribution,
            mean: moments.mean, standardDeviation: moments.standardDeviation,
            meanInterval95: moments.interval95, topTwoBox: topTwoBox)
    }

    /// The categories of a reporting dimension with small options withheld by ``SuppressionRule``,
    /// as groups are: a count saying how few people of a team answered is what group suppression
    /// hides. Options nobody chose stay 0 (that reveals no one) and are never the complementary
    /// one; the answered total stays, which is why small options take the next-smallest
    /// with them.
    func masked(_ categories: [CategoryCount]) -> [CategoryCount] {
        let sizes = Dictionary(
            categories.filter { $0.count > 0 }.map { ($0.label, $0.count) }, uniquingKeysWith: { first, _ in first })
        let suppressed = SuppressionRule.suppressed(sizes: sizes, minGroup: minGroup)
        guard !suppressed.isEmpty else { return categories }
        return categories.map { category in
            guard category.count > 0, let suppression = suppressed[category.label] else { return category }
            return CategoryCount(label: category.label, description: category.description, count: 0, share: 0, suppression: suppression)
        }
    }

    func singleChoiceCounts(_ texts: [String: Int], options: [String]) -> ([CategoryCount], Int) {
        let total = texts.values.reduce(0, +)
        return (categories(texts, options: options, base: total), total)
    }

    /// The options in their order (zero counts included), then other answers by count, then name.
    func categories(_ counts: [String: Int], options: [String], base: Int) -> [CategoryCount] {
        func share(_ count: Int) -> Double { base == 0 ? 0 : Double(count) / Double(base) }
        let known = options.map { CategoryCount(label: $0, count: counts[$0] ?? 0, share: share(counts[$0] ?? 0)) }
        let optionSet = Set(options)
        let others = counts.filter { !optionSet.contains($0.key) }
            .sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { CategoryCount(label: $0.key, count: $0.value, share: share($0.value)) }
        return known + others
    }
}
