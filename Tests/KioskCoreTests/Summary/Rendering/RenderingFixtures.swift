import KioskCore
import KioskTestSupport

/// A realistic journal: 24 staff-pulse responses over two months in three teams (one small),
/// with comments, hostile text included, and 3 responses to a questionnaire whose file is missing.
enum RenderingFixtures {
    static let hostile = "=HYPERLINK(\"http://x\") <script>alert(1)</script> \u{1B}[31mred\u{1B}[0m \u{202E}evil | *bold* & [link](x)"

    static func records() -> [JournalRecord] {
        var records: [JournalRecord] = []
        let teams = ["Sales", "Sales", "Service", "Service", "Warehouse", "Sales", "Service", "Sales"]
        for index in 0..<24 {
            let team = teams[index % teams.count]
            var answers: [(String, Answer)] = [
                ("recommend", .number([10, 9, 7, 3, 9, 8, 6, 10][index % 8])),
                ("equipped", .number(1 + index % 5)),
                ("tools", .list(index % 3 == 0 ? ["CRM", "Email"] : ["Chat"])),
                ("manager", .text(index % 4 == 0 ? "yes" : "no")),
            ]
            if index % 6 != 5 { answers.append(("team", .text(team))) }
            let barrier = labelledBarriers[index % labelledBarriers.count].text
            answers.append(("barriers", .list(index == 7 ? [barrier, hostile] : [barrier])))
            if index % 2 == 0 { answers.append(("reason", .text(index == 4 ? hostile : "Good colleagues and a fair manager"))) }
            records.append(
                RecordBuilding.record(
                    date: index < 12 ? "2026-10-1\(index % 10)" : "2026-11-2\(index % 10)",
                    session: index < 12 ? "q3-offsite" : "q4-offsite", id: "r\(index)", answers))
        }
        for index in 0..<3 {
            records.append(
                RecordBuilding.record(
                    questionnaire: "legacy-survey", version: "\(1 + index % 2)", date: "2026-09-01", id: "l\(index)",
                    [("rating", .number(index + 2)), ("site", .text(hostile))]))
        }
        return records
    }

    static func report(_ records: [JournalRecord], options: SummaryOptions = SummaryOptions(groupBy: "team", trend: .month)) -> Report {
        var builder = SummaryBuilder(questionnaires: ["staff-pulse": RecordBuilding.staffPulse], options: options)
        for record in records { builder.add(record) }
        return builder.report()
    }
}
