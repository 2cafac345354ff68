/// Builds a ``Report`` from journal records fed one at a time.
///
/// The builder keeps counts (and, for free text, a bounded sample of the comments), never the
/// records themselves, so a journal of any length streams through it:
///
/// ```swift
/// var builder = SummaryBuilder(questionnaires: catalog, options: SummaryOptions(groupBy: "team"))
/// try reader.forEachRecord { builder.add($0) }
/// let report = builder.report()
/// print(TextReportRenderer().render(report))
/// ```
///
/// Records are assumed to be filtered and de-duplicated already (the journal readers do both).
/// ``ParallelJournalReader/summarize(into:filter:)`` feeds it a whole journal on every core.
public struct SummaryBuilder: Sendable {
    /// The questionnaires that may be answered, by id.
    public let questionnaires: [String: Questionnaire]
    /// The settings that change the figures.
    public let options: SummaryOptions
    /// Questionnaire ids as the journal spells them, numbered, and what was counted for each.
    private var questionnaireIDs = ByteInterner()
    private var accumulators: [QuestionnaireAccumulator] = []

    /// Creates an empty builder.
    public init(questionnaires: [String: Questionnaire], options: SummaryOptions = SummaryOptions()) {
        self.questionnaires = questionnaires
        self.options = options
    }

    /// Adds one response. A record the journal format cannot hold (an empty id, a day that
    /// does not exist) is left out, as a reader skips its line.
    public mutating func add(_ record: JournalRecord) {
        var line = JournalRecordCoder.encode(record)
        line.removeLast()
        var scratch = RecordDecoder.Scratch()
        _ = line.withUnsafeBufferPointer { line in RecordDecoder.withView(of: line, scratch: &scratch) { add($0) } }
    }

    /// Adds one response as the journal line holds it.
    mutating func add(_ record: RecordView) {
        let index = questionnaireIDs.index(of: record.questionnaire)
        if index == accumulators.count {
            accumulators.append(QuestionnaireAccumulator(questionnaire: questionnaires[record.questionnaire.string], options: options))
        }
        accumulators[index].add(record)
    }

    /// Adds everything another builder with the same questionnaires and options was given: a
    /// journal read in parts gives the same report as read in one go, in any order of parts.
    public mutating func merge(_ other: SummaryBuilder) {
        for (otherIndex, accumulator) in other.accumulators.enumerated() {
            let index = other.questionnaireIDs.withKey(otherIndex) { questionnaireIDs.index(of: $0) }
            if index == accumulators.count {
                accumulators.append(accumulator)
            } else {
                accumulators[index].merge(accumulator)
            }
        }
    }

    /// A builder with nothing added, for a piece of the journals read on its own, that
    /// skips the comments this one already knows cannot be in the report's sample.
    func emptied() -> SummaryBuilder {
        var empty = SummaryBuilder(questionnaires: questionnaires, options: options)
        empty.questionnaireIDs = questionnaireIDs
        empty.accumulators = accumulators.map { $0.emptied() }
        return empty
    }

    /// The report on everything added so far.
    public func report() -> Report {
        let settings = ReportSettings(minGroup: options.minGroup, groupBy: options.groupBy, trend: options.trend)
        var tallies: [String: QuestionnaireTally] = [:]
        for (index, accumulator) in accumulators.enumerated() where accumulator.responseCount > 0 {
            tallies[questionnaireIDs.key(index), default: QuestionnaireTally()].merge(accumulator.tally())
        }
        // Questionnaires are summarized on all cores: theme finding is most of the work.
        let summaries = ParallelMap.map(tallies.sorted { $0.key < $1.key }) { summary(id: $0.key, tally: $0.value) }
        return Report(settings: settings, questionnaires: summaries)
    }

    // MARK: One questionnaire

    private func summary(id: String, tally: QuestionnaireTally) -> QuestionnaireSummary {
        let questionnaire = questionnaires[id]
        var notes: [String] = []
        let versions = tally.versions.sorted()
        if let questionnaire {
            if versions.count > 1 {
                notes.append(
                    "Responses come from \(versions.count) versions of this questionnaire (\(versions.joined(separator: ", "))), "
                        + "which may differ; they are reported together with the questions of version \(questionnaire.version).")
            } else if versions != [questionnaire.version] {
                notes.append(
                    "Responses come from version \(versions.joined()), but the questionnaire file is version \(questionnaire.version); "
                        + "questions are reported as the file defines them.")
            }
        } else {
            notes.append(
                "The questionnaire file for '\(id)' was not found; each question's type was inferred from its answers.")
            if versions.count > 1 {
                notes.append(
                    "Responses come from \(versions.count) versions of this questionnaire (\(versions.joined(separator: ", "))), "
                        + "which may differ; they are reported together.")
            }
        }

        // Kinds are decided once, from everyone's answers, so every group uses the same ones.
        var plan: [PlannedQuestion] = []
        let known = questionnaire?.questions ?? []
        let asking = GroupAskedQuestions.asking(known)
        for question in known {
            plan.append(PlannedQuestion(
                id: question.id, prompt: question.prompt, kind: question.kind, isInferred: false,
                asking: asking[question.id] ?? .notAGroup))
        }
        let knownIDs = Set(known.map(\.id))
        let extraIDs = tally.overall.questions.keys.filter { !knownIDs.contains($0) }.sorted()
        for questionID in extraIDs {
            let kind = QuestionSummarizer.inferredKind(of: tally.overall.questions[questionID] ?? AnswerTally())
            // Whatever asked it (another version's condition, or a file not found) is unknown.
            plan.append(PlannedQuestion(id: questionID, prompt: questionID, kind: kind, isInferred: true, asking: .unknown))
        }
        if questionnaire != nil, !extraIDs.isEmpty {
            notes.append(
                "Answers to \(extraIDs.count) question(s) not in the questionnaire file (\(extraIDs.joined(separator: ", "))) "
                    + "are summarized from the answers alone.")
        }

        let summarizer = QuestionSummarizer(
            bands: questionnaire?.npsBands ?? .standard, themeFinder: options.themeFinder, minGroup: options.minGroup,
            groupBy: options.groupBy)
        let (overall, unfitCount) = section(tally.overall, plan: plan, summarizer: summarizer, excluding: nil)
        if unfitCount > 0 {
            notes.append("\(unfitCount) answer(s) did not fit their question's type or range and were left out.")
        }
        if tally.responseCount < options.minGroup {
            notes.append(
                "Only \(tally.responseCount) response(s), fewer than the anonymity threshold of \(options.minGroup): "
                    + "take care where this report is shown, quotes included.")
        }
        let sampled = plan.filter { tally.overall.questions[$0.id]?.comments?.comments().isComplete == false }
        if !sampled.isEmpty {
            notes.append(
                "Themes of \(sampled.map(\.id).joined(separator: ", ")) were found in a sample of "
                    + "\(CommentSample.defaultCapacity) comments per question; their counts are estimates.")
        }

        var breakdown: Breakdown?
        if let groupBy = options.groupBy {
            let (value, note) = self.breakdown(groupBy, tally: tally, overall: overall, plan: plan, summarizer: summarizer)
            breakdown = value
            if let note { notes.append(note) }
        }

        var trends: [Trend] = []
        if let period = options.trend {
            var withheld: [String] = []
            for question in known {
                guard case .nps = question.kind else { continue }
                // A question withheld overall shows no figures per period either.
                guard overall.questions.first(where: { $0.id == question.id })?.suppression == nil else {
                    withheld.append(question.id)
                    continue
                }
                trends.append(trend(question, period: period, tally: tally, bands: summarizer.bands))
            }
            if !withheld.isEmpty {
                notes.append("No trend for \(withheld.joined(separator: ", ")): its figures are withheld.")
            } else if trends.isEmpty {
                notes.append("No trend: the questionnaire has no NPS question" + (questionnaire == nil ? " that is known." : "."))
            }
        }

        return QuestionnaireSummary(
            id: id, title: questionnaire?.title ?? id, isDefinitionMissing: questionnaire == nil, versions: versions,
            responseCount: tally.responseCount, firstDate: tally.firstDate, lastDate: tally.lastDate,
            sessions: tally.sessions.sorted(), notes: notes, overall: overall, breakdown: breakdown, trends: trends)
    }

    private func section(
        _ tally: SectionTally, plan: [PlannedQuestion],
        summarizer: QuestionSummarizer, excluding excludedID: String?
    ) -> (Section, Int) {
        var unfit = 0
        // Questions are summarized on all cores: each text question's themes take a while.
        let items = plan.filter { $0.id != excludedID }.map { (item: $0, tally: tally.questions[$0.id] ?? AnswerTally()) }
        let results = ParallelMap.map(items) { item, tally in
            summarizer.summarize(id: item.id, prompt: item.prompt, kind: item.kind, isInferred: item.isInferred, tally: tally)
        }
        let section = withholdingQuestionsAskedOfAGroup(
            Section(respondentCount: tally.respondentCount, questions: results.map(\.summary)), plan: plan, summarizer: summarizer)
        // A withheld question's answers that did not fit would tell of its group too.
        for (question, result) in zip(section.questions, results) where question.suppression == nil {
            unfit += result.unfitCount
        }
        return (section, unfit)
    }

    /// `section` with the questions the group rule withholds in it withheld
    /// (``GroupAskedQuestions/suppression(of:asking:respondents:section:minGroup:)``).
    private func withholdingQuestionsAskedOfAGroup(
        _ section: Section, plan: [PlannedQuestion], summarizer: QuestionSummarizer
    ) -> Section {
        var result = section
        let summaries = Dictionary(uniqueKeysWithValues: section.questions.map { ($0.id, $0) })
        for (position, summary) in section.questions.enumerated() where summary.suppression == nil {
            guard let item = plan.first(where: { $0.id == summary.id }),
                let suppression = GroupAskedQuestions.suppression(
                    of: summary, asking: item.asking, respondents: section.respondentCount, section: summaries,
                    minGroup: options.minGroup)
            else { continue }
            result.questions[position] = withheld(item, because: suppression, summarizer: summarizer)
        }
        return result
    }

    /// The summary of a question whose figures are withheld: those of no answers, which is
    /// what a renderer that missed `suppression` would show.
    private func withheld(_ item: PlannedQuestion, because suppression: Suppression, summarizer: QuestionSummarizer) -> QuestionSummary {
        var summary = summarizer.summarize(
            id: item.id, prompt: item.prompt, kind: item.kind, isInferred: item.isInferred, tally: AnswerTally()).summary
        summary.suppression = suppression
        return summary
    }

    /// A breakdown group's section. Comments follow the group rule: a text question with fewer
    /// commenters than the minimum group size keeps its counts but shows no themes or quotes.
    private func groupSection(
        _ tally: SectionTally, plan: [PlannedQuestion],
        summarizer: QuestionSummarizer, excluding excludedID: String
    ) -> Section {
        var result = section(tally, plan: plan, summarizer: summarizer, excluding: excludedID).0
        for index in result.questions.indices {
            guard case .text(var text) = result.questions[index].result, text.commenterCount > 0,
                text.commenterCount < options.minGroup
            else { continue }
            text.withholdComments(.belowMinimum)
            result.questions[index].result = .text(text)
        }
        return result
    }

    private func breakdown(
        _ questionID: String, tally: QuestionnaireTally, overall: Section, plan: [PlannedQuestion], summarizer: QuestionSummarizer
    ) -> (Breakdown?, String?) {
        guard let planned = plan.first(where: { $0.id == questionID }) else {
            return (nil, "No breakdown: this questionnaire has no question '\(questionID)'.")
        }
        // Its groups' sizes would be the figures the report withholds.
        if overall.questions.first(where: { $0.id == questionID })?.suppression != nil {
            return (nil, "No breakdown: '\(questionID)' is asked only of a group, and its figures are withheld.")
        }
        let options: [String]
        switch planned.kind {
        case .choice(let choices, _): options = choices
        case .yesno: options = ["yes", "no"]
        default:
            return (nil, "No breakdown: '\(questionID)' is a \(planned.kind.typeName) question; groups come from choice or yes/no questions.")
        }
        let suppressed = SuppressionRule.suppressedGroups(
            answered: tally.groups.mapValues(\.respondentCount),
            noAnswer: (Breakdown.noAnswerLabel, tally.noAnswerGroup.respondentCount), minGroup: self.options.minGroup)
        let optionSet = Set(options)
        let labels = options.filter { tally.groups[$0] != nil }
            + tally.groups.keys.filter { !optionSet.contains($0) }.sorted()
        var groups: [BreakdownGroup] = labels.map { label in
            let groupTally = tally.groups[label] ?? SectionTally()
            let suppression = suppressed[label]
            let section = suppression == nil
                ? groupSection(groupTally, plan: plan, summarizer: summarizer, excluding: questionID) : nil
            return BreakdownGroup(label: label, isNoAnswer: false, suppression: suppression, section: section)
        }
        if tally.noAnswerGroup.respondentCount > 0 {
            let suppression = suppressed[Breakdown.noAnswerLabel]
            let section = suppression == nil
                ? groupSection(tally.noAnswerGroup, plan: plan, summarizer: summarizer, excluding: questionID) : nil
            groups.append(BreakdownGroup(label: Breakdown.noAnswerLabel, isNoAnswer: true, suppression: suppression, section: section))
        }
        BreakdownSubtraction.withholdCrossTables(&groups, overall: overall)
        // The options the tables now withhold are named by questions asked of a group too,
        // whose n in a group would give such a count back: the rule is applied again.
        for index in groups.indices {
            groups[index].section = groups[index].section.map {
                withholdingQuestionsAskedOfAGroup($0, plan: plan, summarizer: summarizer)
            }
        }
        let asked = Set(plan.filter { $0.asking != .notAGroup }.map(\.id))
        BreakdownSubtraction.protect(
            &groups, overall: overall, minGroup: self.options.minGroup, isAskedOfAGroup: asked.contains
        ) { summary, suppression in
            guard let item = plan.first(where: { $0.id == summary.id }) else { return summary }
            return withheld(item, because: suppression, summarizer: summarizer)
        }
        return (Breakdown(questionID: questionID, prompt: planned.prompt, groups: groups), nil)
    }

    private func trend(_ question: Question, period: TrendPeriod, tally: QuestionnaireTally, bands: NPSBands) -> Trend {
        let periods = tally.trendCounts[question.id] ?? [:]
        let sizes = periods.mapValues { $0.values.reduce(0, +) }
        let suppressed = SuppressionRule.suppressed(sizes: sizes, minGroup: options.minGroup)
        let ordered: [String]
        switch period {
        case .session:
            ordered = periods.keys.sorted { lhs, rhs in
                let lhsDate = tally.periodFirstDates[lhs] ?? "9999-99-99"
                let rhsDate = tally.periodFirstDates[rhs] ?? "9999-99-99"
                return (lhsDate, lhs) < (rhsDate, rhs)
            }
        case .week, .month:
            ordered = periods.keys.sorted()
        }
        var points: [TrendPoint] = []
        var previous: (period: String, statistics: NPSStatistics, score: Double)?
        for key in ordered {
            if let suppression = suppressed[key] {
                points.append(TrendPoint(period: key, suppression: suppression, nps: nil, change: nil))
                continue
            }
            let summary = NPSSummary(valueCounts: periods[key] ?? [:], bands: bands)
            let statistics = NPSStatistics(promoters: summary.promoters, passives: summary.passives, detractors: summary.detractors)
            var change: TrendChange?
            if let previous {
                let z = statistics.changeZ(from: previous.statistics)
                change = TrendChange(
                    fromPeriod: previous.period, difference: summary.score - previous.score, z: z,
                    isSignificant: abs(z) > NPSStatistics.zValue)
            }
            points.append(TrendPoint(period: key, suppression: nil, nps: summary, change: change))
            previous = (key, statistics, summary.score)
        }
        return Trend(questionID: question.id, prompt: question.prompt, period: period, points: points)
    }
}

/// A question as the report plans it: its kind decided once from the questionnaire or from
/// everyone's answers, so that every group uses the same.
struct PlannedQuestion: Sendable {
    var id: String
    var prompt: String
    var kind: QuestionKind
    var isInferred: Bool
    /// Who it is asked of, for the group rule (see ``GroupAskedQuestions``).
    var asking: GroupAskedQuestions.Asking
}
