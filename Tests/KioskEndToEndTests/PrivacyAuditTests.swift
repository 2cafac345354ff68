import Foundation
import KioskTestSupport
import Testing

/// A scripted session full of personal details, then a search of everything kiosk writes.
@Suite struct PrivacyAuditTests {
    /// A staff roster, as an operator would pass it with --redact-names.
    static let roster = ["Jane Doe", "Marek Nowak", "Aoife", "Siobhán Kelly"]
    /// Everything that must never be written anywhere, in the forms respondents type.
    static let secrets = [
        "Jane", "Marek", "Nowak", "Aoife", "Siobhán", "Kelly",
        "jane.doe@example.com", "marek@corp.example", "+44 20 7946 0958", "07700 900123",
        "4111 1111 1111 1111", "5500-0000-0000-0004", "GB82 WEST 1234 5698 7654 32",
        "7946", "900123", "4111", "5698",
    ]

    private static let comments = [
        "Jane Doe (jane.doe@example.com) never replies; call her on +44 20 7946 0958",
        "Marek Nowak takes my card 4111 1111 1111 1111 for the team lunch",
        "ask Aoife, mobile 07700 900123, about the rota",
        "refund to GB82 WEST 1234 5698 7654 32 took weeks, Siobhán Kelly knows",
        "marek@corp.example and card 5500-0000-0000-0004 for travel",
    ]

    @Test func noPersonalDetailReachesTheJournalOrAnyReport() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let rosterPath = fixture.directory.path("roster.txt")
        try Self.roster.joined(separator: "\n").write(toFile: rosterPath, atomically: true, encoding: .utf8)

        // 12 respondents: Sales 6, Service 5 and a lone Support respondent (a group of one).
        let teams = Array(repeating: "1", count: 6) + Array(repeating: "2", count: 5) + ["3"]
        for (index, team) in teams.enumerated() {
            let comment = Self.comments[index % Self.comments.count]
            let run = try KioskBinary.runPiped(
                fixture.runArguments(["--redact-names", rosterPath]),
                input: "\n\(index % 11)\n\(comment)\n\(team)\n\n", environment: fixture.environment())
            #expect(run.status == 0, "\(run.standardError)")
        }
        var outputs = ["journal": try String(contentsOfFile: fixture.journalPath, encoding: .utf8)]
        for format in ["text", "markdown", "json", "csv"] {
            for by in [[], ["--by", "team"]] {
                let run = try KioskBinary.runPiped(
                    ["summarize", fixture.journalPath, "--questionnaires", fixture.directory.url.path, "--format", format] + by,
                    input: "", environment: fixture.environment())
                #expect(run.status == 0, "\(run.standardError)")
                outputs["summarize \(format) \(by)"] = run.standardOutput
            }
        }
        for format in ["csv", "jsonl"] {
            let run = try KioskBinary.runPiped(["export", fixture.journalPath, "--format", format], input: "", environment: fixture.environment())
            #expect(run.status == 0, "\(run.standardError)")
            outputs["export \(format)"] = run.standardOutput
        }

        for (name, output) in outputs {
            // Record ids are random hex: "4111" turns up in one now and then. They are not
            // anything a respondent typed, so they are masked before the search.
            let text = output.replacing(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, with: "<id>")
            for secret in Self.secrets {
                #expect(!text.localizedCaseInsensitiveContains(secret), "\(name) contains \(secret)")
            }
        }
        let journal = try #require(outputs["journal"])
        for placeholder in ["[name]", "[email]", "[phone]", "[card]", "[iban]"] {
            #expect(journal.contains(placeholder), "the journal shows what was removed: \(placeholder)")
        }
        // The search means something only if the reports quote the comments.
        #expect(outputs["summarize text []"]?.contains("[name]") == true)
        #expect(outputs["export csv"]?.contains("[card]") == true)
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.journalPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // The lone Support respondent and the next-smallest group (Service, 5) are suppressed:
        // the report by team shows figures for Sales only.
        let report = try #require(outputs["summarize json [\"--by\", \"team\"]"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        let questionnaire = try #require((object["questionnaires"] as? [[String: Any]])?.first)
        let groups = try #require((questionnaire["breakdown"] as? [String: Any])?["groups"] as? [[String: Any]])
        for group in groups {
            let label = group["label"] as? String ?? ""
            let respondents = (group["section"] as? [String: Any])?["respondents"] as? Int
            if label == "Sales" {
                #expect(respondents == 6)
            } else {
                #expect(group["suppressed"] as? String != nil, "\(label) is shown")
                #expect(respondents == nil, "\(label) shows figures")
            }
        }
    }
}
