import Foundation
import KioskCore

/// Times `JournalWriter.append` (one locked `write` plus `fsync` per record), the latency a
/// respondent waits for after the last answer, into a fresh journal in the temporary folder.
struct AppendBenchmark {
    var count: Int

    func run() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("journal.jsonl").path
        let writer: JournalWriter
        do { writer = try JournalWriter(path: path) } catch {
            FileHandle.standardError.write(Data("kiosk-bench: \(error)\n".utf8))
            exit(1)
        }
        var latencies: [Double] = []
        latencies.reserveCapacity(count)
        for index in 0..<count {
            let record = JournalRecord(
                format: JournalRecord.currentFormat, id: UUID().uuidString.lowercased(), questionnaire: "staff-pulse",
                questionnaireVersion: "1", date: "2026-03-14", session: "bench", location: "lobby",
                answers: [("recommend", .number(index % 11)), ("barriers", .text("The approval process takes forever"))])
            let start = DispatchTime.now().uptimeNanoseconds
            do { try writer.append(record) } catch {
                FileHandle.standardError.write(Data("kiosk-bench: \(error)\n".utf8))
                exit(1)
            }
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        latencies.sort()
        func percentile(_ share: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * share))] }
        print(String(format: "append %d records (write + fsync, %@): p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                     count, folder.deletingLastPathComponent().path, percentile(0.5), percentile(0.99), latencies.last ?? 0))
    }
}
