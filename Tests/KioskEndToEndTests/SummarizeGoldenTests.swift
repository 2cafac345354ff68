import Foundation
import KioskTestSupport
import Testing

/// `kiosk summarize` through the real binary on the 2,000-response golden journal: the command's
/// whole pipeline (reading, filtering, de-duplicating, building, rendering) must give exactly
/// the reports saved before the performance work (see `SummaryGoldenTests` in KioskCoreTests).
@Suite struct SummarizeGoldenTests {
    static let fixtures = KioskBinary.repositoryRoot.appendingPathComponent("Tests/KioskCoreTests/Fixtures/summary-2000")

    private func summarize(_ arguments: [String]) throws -> KioskBinary.PipedRun {
        let home = FileManager.default.temporaryDirectory.path
        return try KioskBinary.runPiped(
            ["summarize", Self.fixtures.appendingPathComponent("journal.jsonl").path,
             "--questionnaires", KioskBinary.questionnairesFolder] + arguments,
            input: "", environment: KioskBinary.environment(home: home, ["NO_COLOR": "1"]))
    }

    private func expected(_ name: String) throws -> String {
        try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    @Test(arguments: [
        (["--format", "json"], "report.json"),
        (["--format", "text"], "report.txt"),
        (["--format", "markdown", "--by", "team", "--trend", "month"], "report-by-team.md"),
    ])
    func reportMatchesThePreOptimisationOutput(arguments: [String], golden: String) throws {
        let run = try summarize(arguments)
        #expect(run.status == 0)
        #expect(run.standardOutput == (try expected(golden)))
    }
}
