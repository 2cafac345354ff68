/// Counts everything one questionnaire's summary needs as records stream past: responses,
/// versions, days, sessions, every question's answers (overall and by group), and NPS by
/// period. Ids and answers are numbered as first seen (``ByteInterner``), so adding a record
/// makes no `String`; ``tally()`` turns the counts into the ``QuestionnaireTally`` the report
/// is built from.
struct QuestionnaireAccumulator: Sendable {
    /// The definition, when the questionnaire file was found.
    let questionnaire: Questionnaire?
    private let options: SummaryOptions
    /// The free-text question ids, whose answers are sampled rather than counted.
    private let freeTextIDs: [String]
    /// The `--by` question's id.
    private let groupByID: [UInt8]?

    private(set) var responseCount = 0
    private var versions = ByteInterner()
    /// The number of the version last met: nearly every record has the same one.
    private var lastVersion = 0
    private var firstDay: CalendarDay?
    private var lastDay: CalendarDay?
    private var sessions = ByteInterner()
    /// The number of the session last met: a kiosk journals one session's records together.
    private var lastSession = 0
    /// Question ids as the journal spells them, numbered; with what kind each is.
    private var questionIDs = ByteInterner()
    private var isFreeText: [Bool] = []
    private var isNPS: [Bool] = []
    /// Each question id's ``ByteHash/hash(_:)``, which its comments are sampled with.
    private var questionHashes: [UInt64] = []
    private var overall = SectionAccumulator()
    private var groupLabels = ByteInterner()
    private var groups: [SectionAccumulator] = []
    private var noAnswerGroup = SectionAccumulator()
    /// `--trend` periods, numbered; each period's earliest day; a day's period.
    private var periods = ByteInterner()
    private var periodFirstDays: [CalendarDay] = []
    private var periodOfDay: [CalendarDay: Int] = [:]
    /// NPS answers 0...10 counted by question number and period number.
    private var trendCounts: [TrendCell: [Int]] = [:]

    private struct TrendCell: Hashable, Sendable {
        var question: Int
        var period: Int
    }

    /// Scratch space reused from record to record. `questionNumbers` holds the question number
    /// of each answer by position; it is never shortened, so that what it held at a position
    /// is the first guess for the next record's answer there (a questionnaire writes its
    /// answers in the same order), checked before the id is looked up.
    private var questionNumbers: [Int] = []
    private var label: [UInt8] = []
    private var listKey: [UInt8] = []

    init(questionnaire: Questionnaire?, options: SummaryOptions) {
        self.questionnaire = questionnaire
        self.options = options
        self.freeTextIDs = questionnaire?.questions.compactMap { question in
            if case .text = question.kind { return question.id }
            return nil
        } ?? []
        self.groupByID = options.groupBy.map { Array($0.utf8) }
    }

    /// Adds one response to this questionnaire.
    mutating func add(_ record: RecordView) {
        responseCount += 1
        lastVersion = versions.index(of: record.questionnaireVersion, hint: lastVersion)
        let day = record.day
        if firstDay.map({ day < $0 }) ?? true { firstDay = day }
        if lastDay.map({ day > $0 }) ?? true { lastDay = day }
        if let session = record.session { lastSession = sessions.index(of: session, hint: lastSession) }

        if questionNumbers.count < record.answers.count {
            questionNumbers.append(contentsOf: repeatElement(0, count: record.answers.count - questionNumbers.count))
        }
        for position in record.answers.indices {
            questionNumbers[position] = questionNumber(record.answers[position].questionID, hint: questionNumbers[position])
        }
        let respondentHash = ByteHash.hash(record.id)
        overall.add(
            record, questions: questionNumbers, freeText: isFreeText, respondentHash: respondentHash,
            questionHashes: questionHashes, listKey: &listKey)
        if let groupByID { addToGroup(record, groupByID: groupByID, respondentHash: respondentHash) }
        if let period = options.trend, case .some = questionnaire { addToTrend(record, period: period, day: day) }
    }

    /// The number of a question id, given it (and its kind noted) when new; `hint` is the
    /// number it most likely has.
    private mutating func questionNumber(_ questionID: ByteSpan, hint: Int) -> Int {
        let number = questionIDs.index(of: questionID, hint: hint)
        if number == isFreeText.count {
            let id = questionID.string
            isFreeText.append(freeTextIDs.contains(id))
            isNPS.append(questionnaire?.questions.contains { question in
                if case .nps = question.kind { return question.id == id }
                return false
            } ?? false)
            questionHashes.append(ByteHash.hash(questionID))
        }
        return number
    }

    private mutating func addToGroup(_ record: RecordView, groupByID: [UInt8], respondentHash: UInt64) {
        let answer = groupByID.withUnsafeBufferPointer { id in record.answers.first { $0.questionID.isSameText(as: id) } }
        guard let answer else {
            noAnswerGroup.add(
                record, questions: questionNumbers, freeText: isFreeText, respondentHash: respondentHash,
                questionHashes: questionHashes, listKey: &listKey)
            return
        }
        // The label is the answer as a report shows it (Answer.displayText).
        label.removeAll(keepingCapacity: true)
        switch answer.value {
        case .number(let number): label.append(contentsOf: String(number).utf8)
        case .text(let text): label.append(contentsOf: text)
        case .list(let range):
            for (index, item) in record.listItems[range].enumerated() {
                if index > 0 { label.append(contentsOf: "; ".utf8) }
                label.append(contentsOf: item)
            }
        }
        let group = label.withUnsafeBufferPointer { groupLabels.index(of: $0) }
        if group == groups.count { groups.append(SectionAccumulator()) }
        groups[group].add(
            record, questions: questionNumbers, freeText: isFreeText, respondentHash: respondentHash,
            questionHashes: questionHashes, listKey: &listKey)
    }

    private mutating func addToTrend(_ record: RecordView, period: TrendPeriod, day: CalendarDay) {
        var periodNumber: Int?
        for position in record.answers.indices where isNPS[questionNumbers[position]] {
            let question = questionNumbers[position]
            guard case .number(let value) = record.answers[position].value, (0...10).contains(value) else { continue }
            let number = periodNumber ?? self.periodNumber(record, period: period, day: day)
            periodNumber = number
            trendCounts[TrendCell(question: question, period: number), default: [Int](repeating: 0, count: 11)][value] += 1
        }
    }

    private mutating func periodNumber(_ record: RecordView, period: TrendPeriod, day: CalendarDay) -> Int {
        let number: Int
        switch period {
        case .session:
            number = record.session.map { periods.index(of: $0) } ?? periods.index(of: Trend.noSessionLabel)
        case .week, .month:
            if let known = periodOfDay[day] {
                number = known
            } else {
                number = periods.index(of: period == .week ? day.weekLabel : day.monthLabel)
                periodOfDay[day] = number
            }
        }
        if number == periodFirstDays.count { periodFirstDays.append(day) }
        periodFirstDays[number] = min(periodFirstDays[number], day)
        return number
    }

    /// Adds what another accumulator of the same questionnaire counted.
    mutating func merge(_ other: QuestionnaireAccumulator) {
        responseCount += other.responseCount
        for index in 0..<other.versions.count { _ = other.versions.withKey(index) { versions.index(of: $0) } }
        if let day = other.firstDay, firstDay.map({ day < $0 }) ?? true { firstDay = day }
        if let day = other.lastDay, lastDay.map({ day > $0 }) ?? true { lastDay = day }
        for index in 0..<other.sessions.count { _ = other.sessions.withKey(index) { sessions.index(of: $0) } }
        let questions = (0..<other.questionIDs.count).map { index in other.questionIDs.withKey(index) { questionNumber($0, hint: index) } }
        overall.merge(other.overall, questions: questions)
        for (index, group) in other.groups.enumerated() {
            let mine = other.groupLabels.withKey(index) { groupLabels.index(of: $0) }
            if mine == groups.count { groups.append(SectionAccumulator()) }
            groups[mine].merge(group, questions: questions)
        }
        noAnswerGroup.merge(other.noAnswerGroup, questions: questions)
        let periodNumbers = (0..<other.periods.count).map { index in
            let mine = other.periods.withKey(index) { periods.index(of: $0) }
            if mine == periodFirstDays.count { periodFirstDays.append(other.periodFirstDays[index]) }
            periodFirstDays[mine] = min(periodFirstDays[mine], other.periodFirstDays[index])
            return mine
        }
        for (cell, counts) in other.trendCounts {
            let mine = TrendCell(question: questions[cell.question], period: periodNumbers[cell.period])
            var merged = trendCounts[mine] ?? [Int](repeating: 0, count: 11)
            for value in 0...10 { merged[value] += counts[value] }
            trendCounts[mine] = merged
        }
    }

    /// An accumulator with nothing counted that samples comments no more widely than this one
    /// now does, for a piece of the journals read on its own (see ``CommentSample/emptied()``).
    func emptied() -> QuestionnaireAccumulator {
        var empty = QuestionnaireAccumulator(questionnaire: questionnaire, options: options)
        empty.questionIDs = questionIDs
        empty.isFreeText = isFreeText
        empty.isNPS = isNPS
        empty.questionHashes = questionHashes
        empty.overall = overall.emptied()
        empty.groupLabels = groupLabels
        empty.groups = groups.map { $0.emptied() }
        empty.noAnswerGroup = noAnswerGroup.emptied()
        return empty
    }

    /// The counts as the report reads them. Ids and answers that Swift considers equal
    /// (canonically equivalent spellings) are counted together there.
    func tally() -> QuestionnaireTally {
        var tally = QuestionnaireTally()
        tally.responseCount = responseCount
        tally.versions = Set((0..<versions.count).map(versions.key))
        tally.firstDate = firstDay?.description
        tally.lastDate = lastDay?.description
        tally.sessions = Set((0..<sessions.count).map(sessions.key))
        tally.overall = overall.tally(questionID: questionIDs.key)
        for (index, group) in groups.enumerated() where group.respondentCount > 0 {
            tally.groups[groupLabels.key(index), default: SectionTally()].merge(group.tally(questionID: questionIDs.key))
        }
        tally.noAnswerGroup = noAnswerGroup.tally(questionID: questionIDs.key)
        for (cell, counts) in trendCounts {
            let period = periods.key(cell.period)
            for (value, count) in counts.enumerated() where count > 0 {
                tally.trendCounts[questionIDs.key(cell.question), default: [:]][period, default: [:]][value, default: 0] += count
            }
        }
        for (index, day) in periodFirstDays.enumerated() {
            let period = periods.key(index)
            let date = day.description
            if tally.periodFirstDates[period].map({ date < $0 }) ?? true { tally.periodFirstDates[period] = date }
        }
        return tally
    }
}
