/// Everything needed for one questionnaire's summary.
struct QuestionnaireTally: Sendable, Equatable {
    var responseCount = 0
    var versions = Set<String>()
    var firstDate: String?
    var lastDate: String?
    var unreadableDateCount = 0
    var sessions = Set<String>()
    var overall = SectionTally()
    var groups: [String: SectionTally] = [:]
    var noAnswerGroup = SectionTally()
    /// NPS question id -> period -> answer value -> count.
    var trendCounts: [String: [String: [Int: Int]]] = [:]
    /// Period -> its earliest day, to put sessions in time order.
    var periodFirstDates: [String: String] = [:]
    var undatedTrendCount = 0

    /// Adds one response; `freeText` names the questionnaire's free-text questions.
    mutating func add(
        _ record: JournalRecord, groupBy: String?, trend period: TrendPeriod?, questionnaire: Questionnaire?,
        freeText: [String]
    ) {
        responseCount += 1
        versions.insert(record.questionnaireVersion)
        if CalendarDay(record.date) != nil {
            if firstDate.map({ record.date < $0 }) ?? true { firstDate = record.date }
            if lastDate.map({ record.date > $0 }) ?? true { lastDate = record.date }
        } else {
            unreadableDateCount += 1
        }
        if let session = record.session { sessions.insert(session) }
        overall.add(record, freeText: freeText)

        if let groupBy {
            if let answer = record.answer(to: groupBy) {
                groups[answer.displayText, default: SectionTally()].add(record, freeText: freeText)
            } else {
                noAnswerGroup.add(record, freeText: freeText)
            }
        }

        guard let period, let questionnaire else { return }
        for question in questionnaire.questions {
            guard case .nps = question.kind, case .number(let value)? = record.answer(to: question.id),
                (0...10).contains(value)
            else { continue }
            guard let key = period.key(date: record.date, session: record.session) else {
                undatedTrendCount += 1
                continue
            }
            trendCounts[question.id, default: [:]][key, default: [:]][value, default: 0] += 1
            if CalendarDay(record.date) != nil, periodFirstDates[key].map({ record.date < $0 }) ?? true {
                periodFirstDates[key] = record.date
            }
        }
    }

    /// Adds what another tally of the same questionnaire counted (another part of the journals).
    mutating func merge(_ other: QuestionnaireTally) {
        responseCount += other.responseCount
        versions.formUnion(other.versions)
        if let date = other.firstDate, firstDate.map({ date < $0 }) ?? true { firstDate = date }
        if let date = other.lastDate, lastDate.map({ date > $0 }) ?? true { lastDate = date }
        unreadableDateCount += other.unreadableDateCount
        sessions.formUnion(other.sessions)
        overall.merge(other.overall)
        groups.merge(other.groups) { lhs, rhs in
            var merged = lhs
            merged.merge(rhs)
            return merged
        }
        noAnswerGroup.merge(other.noAnswerGroup)
        for (questionID, periods) in other.trendCounts {
            for (period, counts) in periods {
                trendCounts[questionID, default: [:]][period, default: [:]].merge(counts, uniquingKeysWith: +)
            }
        }
        periodFirstDates.merge(other.periodFirstDates) { min($0, $1) }
        undatedTrendCount += other.undatedTrendCount
    }
}
